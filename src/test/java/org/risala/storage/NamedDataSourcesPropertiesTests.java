package org.risala.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The binding of {@code risala.data-sources}, as Spring Boot does it at start-up. */
class NamedDataSourcesPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NamedDataSourcesProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Binding.class);

    @Test
    void theDataSourcesBindNextToTheModulesSettingsWhichAreNotTheirs() {
        context.withPropertyValues(
                        "risala.pull.services[0].keyword=VIO",
                        "risala.pull.services[0].connector.type=HTTP",
                        "risala.data-sources.registry.url=jdbc:postgresql://registry.example/licences",
                        "risala.data-sources.registry.username=risala_reader",
                        "risala.data-sources.registry.password=s3cret",
                        "risala.data-sources.registry.driver-class-name=org.postgresql.Driver",
                        "risala.data-sources.fines.url=jdbc:h2:mem:fines",
                        "risala.data-sources.fines.maximum-pool-size=8",
                        "risala.data-sources.fines.connection-timeout=500ms")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    var sources = started.getBean(NamedDataSourcesProperties.class).dataSources();
                    assertThat(sources).containsOnlyKeys("registry", "fines");
                    assertThat(sources.get("registry").username()).isEqualTo("risala_reader");
                    assertThat(sources.get("registry").driverClassName()).isEqualTo("org.postgresql.Driver");
                    assertThat(sources.get("registry").maximumPoolSize()).isEqualTo(4);
                    assertThat(sources.get("registry").connectionTimeout()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(sources.get("fines").maximumPoolSize()).isEqualTo(8);
                    assertThat(sources.get("fines").connectionTimeout()).isEqualTo(Duration.ofMillis(500));
                });
    }

    @Test
    void noDataSourcesIsNone() {
        context.run(started -> assertThat(started.getBean(NamedDataSourcesProperties.class).dataSources()).isEmpty());
    }

    @Test
    void aDataSourceWithoutUrlStopsTheStartNamingTheProperty() {
        context.withPropertyValues("risala.data-sources.registry.username=risala_reader")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessage("risala.data-sources.registry.url: required"));
    }

    @Test
    void aDriverThatIsNotOnTheClasspathStopsTheStart() {
        context.withPropertyValues("risala.data-sources.registry.url=jdbc:oracle:thin:@//registry:1521/LIC",
                        "risala.data-sources.registry.driver-class-name=oracle.jdbc.OracleDriver")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause().hasMessage(
                        "risala.data-sources.registry.driver-class-name: oracle.jdbc.OracleDriver is not on the"
                                + " classpath"));
    }

    @Test
    void thePasswordIsNotInTheSettingsText() {
        context.withPropertyValues("risala.data-sources.registry.url=jdbc:h2:mem:registry",
                        "risala.data-sources.registry.password=s3cret")
                .run(started -> assertThat(started.getBean(NamedDataSourcesProperties.class).dataSources()
                        .get("registry").toString()).doesNotContain("s3cret").contains("password=******"));
    }
}
