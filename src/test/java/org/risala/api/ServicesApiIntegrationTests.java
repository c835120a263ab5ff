package org.risala.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.risala.pull.ServiceBuilder.connector;
import static org.risala.pull.ServiceBuilder.service;
import static org.risala.pull.ServiceBuilder.uniqueKeyword;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.risala.api.clients.ApiClients;
import org.risala.api.clients.KeyMode;
import org.risala.api.clients.Scope;
import org.risala.pull.ConnectorType;
import org.risala.pull.ServiceCatalogue;
import org.risala.pull.ServiceDefinition;
import org.risala.pull.ServiceJson;
import org.risala.testing.ApiCalls;
import org.risala.testing.ApiCalls.Response;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The admin API of the pull services over a real socket, with the bootstrap key (every scope). */
@IntegrationTest
class ServicesApiIntegrationTests {

    private static final String SERVICES = "/api/v1/admin/services";

    @LocalServerPort
    int port;

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    ApiClients clients;

    private final List<String> created = new ArrayList<>();

    private ApiCalls api() {
        return new ApiCalls(port);
    }

    private String keyword() {
        String keyword = uniqueKeyword("API");
        created.add(keyword);
        return keyword;
    }

    @AfterEach
    void deleteTheServicesOfTheTest() {
        created.forEach(keyword -> catalogue.find(keyword).ifPresent(entry -> catalogue.delete(keyword, "test")));
    }

    private Response put(String keyword, ServiceDefinition definition, Map<String, String> headers) {
        return api().put(SERVICES + "/" + keyword, ServiceJson.write(definition), headers);
    }

    private static void assertProblem(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
    }

    private static List<String> errors(Response r) {
        return r.json().get("errors").valueStream()
                .map(e -> e.get("field").asString() + ": " + e.get("reason").asString()).toList();
    }

    @Test
    void anAdminCreatesReadsChangesDisablesAndDeletesAServiceAndEachChangeIsInItsHistory() {
        String keyword = keyword();

        Response createdResponse = put(keyword.toLowerCase(), service(keyword.toLowerCase()).build(), Map.of());
        assertThat(createdResponse.status()).as(createdResponse.body()).isEqualTo(201);
        assertThat(createdResponse.header("ETag")).isEqualTo("\"1\"");
        assertThat(createdResponse.header("Location")).isEqualTo(SERVICES + "/" + keyword);
        assertThat(createdResponse.json().get("keyword").asString()).isEqualTo(keyword);
        assertThat(createdResponse.json().get("source").asString()).isEqualTo("ADMIN");
        assertThat(createdResponse.json().get("updatedBy").asString()).isEqualTo("api:bootstrap");
        assertThat(createdResponse.json().get("definition").get("connector").get("timeout").asString())
                .isEqualTo("PT2S");

        Response read = api().get(SERVICES + "/" + keyword);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(ServiceJson.read(read.json().get("definition").toString())).isEqualTo(service(keyword).build());
        assertThat(api().get(SERVICES).json().valueStream().map(s -> s.get("keyword").asString()))
                .contains("VIO", keyword);

        Response changed = put(keyword, service(keyword).maxSegments(2).build(), Map.of("If-Match", "\"1\""));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("version").asLong()).isEqualTo(2);
        assertThat(catalogue.find(keyword).orElseThrow().definition().maxSegments()).isEqualTo(2);

        Response disabled = api().post(SERVICES + "/" + keyword + "/enabled", Map.of("enabled", false));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("definition").get("enabled").asBoolean()).isFalse();
        assertThat(catalogue.answering(keyword, "99999")).isEmpty();

        Response deleted = api().delete(SERVICES + "/" + keyword);
        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(api().get(SERVICES + "/" + keyword), 404);

        Response history = api().get(SERVICES + "/" + keyword + "/history");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().valueStream().map(c -> c.get("action").asString()))
                .containsExactly("DELETED", "DISABLED", "UPDATED", "CREATED");
        assertThat(history.json().valueStream().map(c -> c.get("changedBy").asString())).containsOnly("api:bootstrap");
        JsonNode update = history.json().get(2);
        assertThat(update.get("before").get("maxSegments").asInt()).isEqualTo(3);
        assertThat(update.get("after").get("maxSegments").asInt()).isEqualTo(2);
        assertThat(history.json().get(0).has("after")).isFalse();
    }

    @Test
    void everyProblemOfADefinitionIsNamedWithItsField() {
        String keyword = keyword();
        ServiceDefinition invalid = service(keyword).aliases("STOP").shortCodes("90O85").maxSegments(11)
                .found("{{#violations}}", "").build();

        Response r = put(keyword, invalid, Map.of());

        assertProblem(r, 400);
        assertThat(errors(r)).containsExactly(
                "aliases[0]: STOP is reserved for HELP and the subscriptions",
                "shortCodes[0]: may hold only digits",
                "replies.found.en: section violations opened at position 0 is not closed with {{/violations}}",
                "replies.found.ar: is required",
                "maxSegments: must be between 1 and 10");
        assertThat(catalogue.find(keyword)).isEmpty();
    }

    @Test
    void aBodyThatIsNoDefinitionOrNamesAnotherKeywordIsRefusedWithTheField() {
        String keyword = keyword();
        Response misspelt = api().put(SERVICES + "/" + keyword, "{\"keyword\":\"" + keyword + "\",\"maxSegmnts\":2}",
                Map.of());
        Response renamed = put(keyword, service("OTHER" + keyword).build(), Map.of());
        Response badVersion = put(keyword, service(keyword).build(), Map.of("If-Match", "latest"));

        assertProblem(misspelt, 400);
        assertThat(errors(misspelt)).containsExactly("maxSegmnts: is not a field here");
        assertProblem(renamed, 400);
        assertThat(errors(renamed)).singleElement().asString().startsWith("keyword: must be the keyword in the path");
        assertProblem(badVersion, 400);
        assertThat(errors(badVersion)).singleElement().asString().startsWith("If-Match: ");
    }

    @Test
    void anUnknownKeywordIs404() {
        assertProblem(api().get(SERVICES + "/NOSUCHSERVICE"), 404);
        assertProblem(api().post(SERVICES + "/NOSUCHSERVICE/enabled", Map.of("enabled", true)), 404);
        assertProblem(api().delete(SERVICES + "/NOSUCHSERVICE"), 404);
        assertProblem(api().get(SERVICES + "/NOSUCHSERVICE/history"), 404);
    }

    @Test
    void anEditOfAnOlderVersionIs409AndChangesNothing() {
        String keyword = keyword();
        put(keyword, service(keyword).build(), Map.of());
        put(keyword, service(keyword).maxSegments(2).build(), Map.of("If-Match", "\"1\""));

        Response stale = put(keyword, service(keyword).maxSegments(5).build(), Map.of("If-Match", "\"1\""));

        assertProblem(stale, 409);
        assertThat(stale.json().get("detail").asString()).contains("version 2");
        assertThat(catalogue.find(keyword).orElseThrow().definition().maxSegments()).isEqualTo(2);
    }

    @Test
    void aKeyWithoutTheAdminScopeIs403() {
        var client = clients.createClient("services-" + System.nanoTime(), null, null, null);
        String key = clients.issueKey(client.client().id(), KeyMode.LIVE, EnumSet.of(Scope.MESSAGES), "test").key();
        ApiCalls messagesOnly = new ApiCalls(port, key);

        assertProblem(messagesOnly.get(SERVICES), 403);
        assertProblem(messagesOnly.put(SERVICES + "/VIO", "{}", Map.of()), 403);
        assertProblem(messagesOnly.delete(SERVICES + "/VIO"), 403);
        assertThat(catalogue.find("VIO")).isPresent();
    }

    @Test
    void theServicesApiIsDescribedInOpenApiWithTheDefinition() {
        Response docs = new ApiCalls(port, null).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.get(SERVICES + "/{keyword}").propertyNames()).contains("get", "put", "delete");
        assertThat(paths.has(SERVICES + "/{keyword}/enabled")).isTrue();
        assertThat(paths.has(SERVICES + "/{keyword}/history")).isTrue();
        assertThat(docs.json().get("components").get("schemas").get("ServiceDefinition").get("properties")
                .propertyNames()).contains("keyword", "aliases", "connector", "replies", "alternatives");
    }

    @Test
    void headerValuesThatAreNoReferencesAreAnsweredMaskedAndTheMaskSentBackKeepsThem() {
        String keyword = keyword();
        ServiceDefinition withSecrets = service(keyword).connector(connector(ConnectorType.HTTP,
                "http://traffic.example/fines/{number}",
                Map.of("X-Api-Key", "k-secret-123", "Authorization", "Bearer ${TRAFFIC_TOKEN}"))).build();

        Response saved = put(keyword, withSecrets, Map.of());
        Response read = api().get(SERVICES + "/" + keyword);

        for (Response r : List.of(saved, read, api().get(SERVICES), api().get(SERVICES + "/" + keyword + "/history"))) {
            assertThat(r.body()).doesNotContain("k-secret-123");
        }
        JsonNode headers = read.json().get("definition").get("connector").get("headers");
        assertThat(headers.get("X-Api-Key").asString()).isEqualTo("****");
        assertThat(headers.get("Authorization").asString()).isEqualTo("Bearer ${TRAFFIC_TOKEN}");

        String edited = read.json().get("definition").toString().replace("\"maxSegments\":3", "\"maxSegments\":2");
        Response again = api().put(SERVICES + "/" + keyword, edited, Map.of("If-Match", read.header("ETag")));

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        ServiceDefinition stored = catalogue.find(keyword).orElseThrow().definition();
        assertThat(stored.maxSegments()).isEqualTo(2);
        assertThat(stored.connector().headers()).containsEntry("X-Api-Key", "k-secret-123");
    }
}
