package org.risala.pull.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The binding of {@code risala.pull.data-sources}, as Spring Boot does it at start-up. */
class PullDataSourcesPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PullDataSourcesProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Binding.class);

    @Test
    void theDataSourcesBindNextToTheServicesWhichAreNotTheirs() {
        context.withPropertyValues(
                        "risala.pull.services[0].keyword=VIO",
                        "risala.pull.services[0].connector.type=HTTP",
                        "risala.pull.data-sources.registry.url=jdbc:postgresql://registry.example/licences",
                        "risala.pull.data-sources.registry.username=risala_reader",
                        "risala.pull.data-sources.registry.password=s3cret",
                        "risala.pull.data-sources.registry.driver-class-name=org.postgresql.Driver",
                        "risala.pull.data-sources.fines.url=jdbc:h2:mem:fines",
                        "risala.pull.data-sources.fines.maximum-pool-size=8",
                        "risala.pull.data-sources.fines.connection-timeout=500ms")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    var sources = started.getBean(PullDataSourcesProperties.class).dataSources();
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
        context.run(started -> assertThat(started.getBean(PullDataSourcesProperties.class).dataSources()).isEmpty());
    }

    @Test
    void aDataSourceWithoutUrlStopsTheStartNamingTheProperty() {
        context.withPropertyValues("risala.pull.data-sources.registry.username=risala_reader")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessage("risala.pull.data-sources.registry.url: required"));
    }

    @Test
    void aDriverThatIsNotOnTheClasspathStopsTheStart() {
        context.withPropertyValues("risala.pull.data-sources.registry.url=jdbc:oracle:thin:@//registry:1521/LIC",
                        "risala.pull.data-sources.registry.driver-class-name=oracle.jdbc.OracleDriver")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause().hasMessage(
                        "risala.pull.data-sources.registry.driver-class-name: oracle.jdbc.OracleDriver is not on the"
                                + " classpath"));
    }

    @Test
    void thePasswordIsNotInTheSettingsText() {
        context.withPropertyValues("risala.pull.data-sources.registry.url=jdbc:h2:mem:registry",
                        "risala.pull.data-sources.registry.password=s3cret")
                .run(started -> assertThat(started.getBean(PullDataSourcesProperties.class).dataSources()
                        .get("registry").toString()).doesNotContain("s3cret").contains("password=******"));
    }
}
