package org.risala.pull;

import org.risala.records.Normalisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The services as Spring Boot binds them from {@code risala.pull} in the application. */
class CataloguePropertiesTests {

    @EnableConfigurationProperties(CatalogueProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Binding.class);

    @Test
    void theServicesBind() {
        context.withPropertyValues(
                        "risala.pull.refresh-interval=2s",
                        "risala.pull.services[0].keyword=VIO",
                        "risala.pull.services[0].aliases[0]=مخالفات",
                        "risala.pull.services[0].alternatives=true",
                        "risala.pull.services[0].help.en=12345AB - violations",
                        "risala.pull.services[0].help.ar=12345 أ ب - المخالفات",
                        "risala.pull.services[0].arguments[0].name=plate",
                        "risala.pull.services[0].arguments[0].normalisation=PLATE",
                        "risala.pull.services[0].arguments[0].usage.en=the plate",
                        "risala.pull.services[0].arguments[0].usage.ar=رقم اللوحة",
                        "risala.pull.services[0].arguments[1].name=civilId",
                        "risala.pull.services[0].arguments[1].normalisation=CIVIL_ID",
                        "risala.pull.services[0].arguments[1].usage.en=your civil ID",
                        "risala.pull.services[0].arguments[1].usage.ar=الرقم المدني",
                        "risala.pull.services[0].connector.type=JDBC",
                        "risala.pull.services[0].connector.data-source=traffic",
                        "risala.pull.services[0].connector.query=SELECT * FROM fines WHERE plate = :plate",
                        "risala.pull.services[0].connector.timeout=1500ms",
                        "risala.pull.services[0].replies.found.en=Found {{plate}}",
                        "risala.pull.services[0].replies.found.ar=وجد {{plate}}",
                        "risala.pull.services[0].replies.not-found.en=None",
                        "risala.pull.services[0].replies.not-found.ar=لا شيء",
                        "risala.pull.services[0].replies.invalid.en={{usage}}",
                        "risala.pull.services[0].replies.invalid.ar={{usage}}",
                        "risala.pull.services[0].replies.unavailable.en=Later",
                        "risala.pull.services[0].replies.unavailable.ar=لاحقا")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CatalogueProperties catalogue = context.getBean(CatalogueProperties.class);
                    assertThat(catalogue.refreshInterval()).isEqualTo(Duration.ofSeconds(2));
                    ServiceDefinition vio = catalogue.services().get(0);
                    assertThat(vio.aliases()).containsExactly("مخالفات");
                    assertThat(vio.alternatives()).isTrue();
                    assertThat(vio.arguments().get(0).normalisation()).isEqualTo(Normalisations.PLATE);
                    assertThat(vio.connector().dataSource()).isEqualTo("traffic");
                    assertThat(vio.connector().timeout()).isEqualTo(Duration.ofMillis(1500));
                    assertThat(vio.replies().notFound().ar()).isEqualTo("لا شيء");
                    assertThat(new ServiceValidator(connector -> List.of()).problems(vio, Map.of())).isEmpty();
                });
    }

    @Test
    void aHeaderReferenceWrittenWithABackslashStaysAReferenceWhileWithoutItItIsResolvedAtStart() {
        context.withPropertyValues("traffic.token=s3cret",
                        "risala.pull.services[0].connector.headers.[X-Api-Key]=\\${traffic.token}",
                        "risala.pull.services[0].connector.headers.[Authorization]=Bearer ${traffic.token}")
                .run(context -> assertThat(context.getBean(CatalogueProperties.class).services().get(0).connector()
                        .headers()).containsEntry("X-Api-Key", "${traffic.token}")
                        .containsEntry("Authorization", "Bearer s3cret"));
    }

    @Test
    void withNothingConfiguredThereAreNoServicesAndTheyAreRefreshedEveryFiveSeconds() {
        context.run(context -> {
            CatalogueProperties catalogue = context.getBean(CatalogueProperties.class);
            assertThat(catalogue.services()).isEmpty();
            assertThat(catalogue.refreshInterval()).isEqualTo(Duration.ofSeconds(5));
        });
    }
}
