package org.risala.pull.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.risala.pull.ConnectorType;
import org.risala.storage.NamedDataSources;
import org.risala.storage.NamedDataSourcesProperties;
import org.risala.storage.NamedDataSourcesProperties.DataSourceSettings;
import org.springframework.mock.env.MockEnvironment;

/** What an editor of services is told about a connector definition, and the static connector. */
class ConnectorsTests {

    private static final String VIOLATIONS = "http://127.0.0.1:8080/demo-backoffice/traffic/violations?plate={plate}";

    /** never opened: only a JDBC lookup would */
    private final Connectors connectors = new Connectors(new MockEnvironment(), new NamedDataSources(
            new NamedDataSourcesProperties(Map.of(
                    "registry", new DataSourceSettings("jdbc:h2:mem:never-opened", "sa", "", null, null, null),
                    "fines", new DataSourceSettings("jdbc:h2:mem:never-opened", "sa", "", null, null, null)))));

    @Test
    void theDemoViolationsServiceHasNoProblems() {
        assertThat(connectors.problems(Definitions.http(null, VIOLATIONS).variables(Map.of(
                "owner", "/owner", "unpaidCount", "/unpaidCount", "violations", "/violations", "whole", ""))
                .foundWhen("/plate").headers(Map.of("X-Api-Key", "${traffic.api-key}")).build())).isEmpty();
    }

    @Test
    void aPostWithAJsonBodyAndAQueryWithoutParametersHaveNoProblems() {
        assertThat(connectors.problems(Definitions.http("post", "https://visas.example/status")
                .body("{\"number\": \"{number}\", \"channel\": \"sms\", \"filters\": {\"open\": true}}").build()))
                .isEmpty();
        assertThat(connectors.problems(Definitions.jdbc("registry", "SELECT count(*) AS n FROM licence").build()))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "       | connector.url: required for an HTTP connector",
            "' '    | connector.url: required for an HTTP connector",
            "ftp://files.example/{plate} | connector.url: must start with http:// or https://",
            "/traffic?plate={plate} | connector.url: must start with http:// or https://",
            "http:///traffic | connector.url: has no host",
            "http://traffic.example/a b?plate={plate} | connector.url: not a URL: Illegal character in path"})
    void aUrlThatCannotBeCalledIsAProblem(String url, String problem) {
        assertThat(connectors.problems(Definitions.http("GET", url).build())).containsExactly(problem);
    }

    @Test
    void theMethodIsGetOrPost() {
        assertThat(connectors.problems(Definitions.http("DELETE", VIOLATIONS).build()))
                .containsExactly("connector.method: GET or POST, not DELETE");
    }

    @Test
    void aBodyIsForAPostAndJsonOnceFilledIn() {
        assertThat(connectors.problems(Definitions.http("GET", VIOLATIONS).body("{}").build()))
                .containsExactly("connector.body: only sent with POST");
        assertThat(connectors.problems(Definitions.http("POST", VIOLATIONS).body("{\"plate\": {plate}}").build()))
                .singleElement().asString()
                .startsWith("connector.body: not JSON once its placeholders are filled in (")
                .endsWith("); a placeholder goes inside quotes: \"{name}\"");
    }

    @Test
    void variablesAndFoundWhenAreJsonPointers() {
        assertThat(connectors.problems(Definitions.http("GET", VIOLATIONS)
                .variables(Map.of("total", "total", "owner", "/owner")).foundWhen("plate").build()))
                .containsExactlyInAnyOrder(
                        "connector.variables.total: 'total' is not a JSON Pointer, which starts with / (/unpaidCount)",
                        "connector.foundWhen: 'plate' is not a JSON Pointer, which starts with / (/unpaidCount)");
    }

    @Test
    void aVariableHasAName() {
        assertThat(connectors.problems(Definitions.http("GET", VIOLATIONS).variables(Map.of(" ", "/owner")).build()))
                .containsExactly("connector.variables: a blank name");
    }

    @Test
    void headersTheHttpClientSetsOrCannotSendAreProblems() {
        assertThat(connectors.problems(Definitions.http("GET", VIOLATIONS).headers(Map.of(
                "Host", "traffic.example", "X Api Key", "secret", "X-Api-Key", "${traffic.api-key}")).build()))
                .containsExactlyInAnyOrder(
                        "connector.headers.Host: restricted header name: \"Host\"",
                        "connector.headers.X Api Key: invalid header name: \"X Api Key\"");
    }

    @Test
    void notFoundStatusesAreHttpStatuses() {
        assertThat(connectors.problems(Definitions.http("GET", VIOLATIONS).notFoundStatuses(404, 42).build()))
                .containsExactly("connector.notFoundStatuses: 42 is not an HTTP status");
    }

    @Test
    void aJdbcConnectorNamesAConfiguredDataSourceAndHasAQuery() {
        assertThat(connectors.problems(Definitions.jdbc("licences", " ").build())).containsExactly(
                "connector.dataSource: no data source 'licences' under risala.data-sources"
                        + " (configured: fines, registry)",
                "connector.query: required for a JDBC connector");
        assertThat(connectors.problems(Definitions.jdbc(null, "SELECT 1").build()))
                .containsExactly("connector.dataSource: required for a JDBC connector");
    }

    @Test
    void withoutDataSourcesTheProblemSaysNoneIsConfigured() {
        Connectors withoutDataSources = new Connectors(new MockEnvironment(),
                new NamedDataSources(new NamedDataSourcesProperties(null)));

        assertThat(withoutDataSources.problems(Definitions.jdbc("registry", "SELECT 1").build())).containsExactly(
                "connector.dataSource: no data source 'registry' under risala.data-sources (none is configured)");
    }

    @Test
    void aFieldOfAnotherTypeIsAProblem() {
        assertThat(connectors.problems(Definitions.jdbc("registry", "SELECT 1").type(ConnectorType.STATIC).build()))
                .containsExactly("connector.dataSource: only read by JDBC connectors",
                        "connector.query: only read by JDBC connectors");
        assertThat(connectors.problems(Definitions.http("GET", VIOLATIONS).dataSource("registry")
                .type(ConnectorType.JDBC).query("SELECT 1").build()))
                .containsExactly("connector.method: only read by HTTP connectors",
                        "connector.url: only read by HTTP connectors");
    }

    @Test
    void theTimeoutIsPositiveAndShort() {
        assertThat(connectors.problems(Definitions.http("GET", VIOLATIONS).timeout(Duration.ZERO).build()))
                .containsExactly("connector.timeout: must be more than zero");
        assertThat(connectors.problems(Definitions.http("GET", VIOLATIONS).timeout(Duration.ofSeconds(31)).build()))
                .containsExactly("connector.timeout: at most 30 s");
    }

    @Test
    void aConnectorHasAType() {
        assertThat(connectors.problems(null)).containsExactly("connector: required");
        assertThat(connectors.problems(Definitions.http("GET", VIOLATIONS).type(null).build()))
                .containsExactly("connector.type: required: HTTP, JDBC or STATIC");
    }

    @Test
    void buildingAConnectorWithProblemsSaysThemAll() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> connectors.build(Definitions.http("PUT", null).foundWhen("x").build()))
                .withMessage("connector.method: GET or POST, not PUT; connector.url: required for an HTTP connector;"
                        + " connector.foundWhen: 'x' is not a JSON Pointer, which starts with / (/unpaidCount)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> connectors.build(Definitions.jdbc("licences", "SELECT 1").build()))
                .withMessageStartingWith("connector.dataSource: no data source 'licences'");
    }

    @Test
    void aStaticConnectorAlwaysFindsItsValuesAndTheArguments() throws Exception {
        Connector connector = connectors.build(Definitions.fixed(Map.of("hotline", "9999", "plate", "fixed")).build());

        LookupResult result = connector.lookup(Map.of("plate", "12345AB", "language", "en"));

        assertThat(result.found()).isTrue();
        assertThat(result.variables()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "hotline", "9999", "plate", "fixed", "language", "en"));
    }
}
