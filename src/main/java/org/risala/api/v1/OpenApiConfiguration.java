package org.risala.api.v1;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.risala.outbound.MessageStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI risalaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Risala integration API").version("v1").description("""
                        Send SMS from government systems and follow each message to its delivery receipt.
                        Errors are RFC 9457 problem+json with the field and the reason.

                        Statuses:
                        """ + statuses()))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("An API key: rsl_live_… or rsl_test_…")));
    }

    private static String statuses() {
        return java.util.Arrays.stream(MessageStatus.values())
                .map(s -> "- **" + s.name() + "**: " + s.meaning())
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
