package org.risala.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.risala.api.clients.ApiClients;
import org.risala.api.clients.KeyMode;
import org.risala.api.clients.NewClient;
import org.risala.api.clients.Scope;
import org.risala.testing.ApiCalls;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Bad requests get RFC 9457 problem+json naming the field and the reason, never a stack trace. */
@IntegrationTest
class ApiErrorsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApiClients clients;

    @Autowired
    DataSource dataSource;

    private ApiCalls api() {
        return new ApiCalls(port);
    }

    private static void assertProblem(ApiCalls.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("title").asString()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aMissingOrUnknownKeyIs401() {
        ApiCalls.Response none = new ApiCalls(port, null).post("/api/v1/messages", Map.of("to", "91234567", "text", "x"));
        assertProblem(none, 401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertProblem(new ApiCalls(port, "rsl_live_not_a_key").get("/api/v1/messages/x"), 401);
    }

    @Test
    void aKeyWithoutTheMessagesScopeIs403() {
        NewClient client = clients.createClient("events-only-" + System.nanoTime(), null, null, null);
        String key = clients.issueKey(client.client().id(), KeyMode.LIVE, EnumSet.of(Scope.EVENTS), "test").key();
        assertProblem(new ApiCalls(port, key).post("/api/v1/messages", Map.of("to", "91234567", "text", "x")), 403);
        assertProblem(new ApiCalls(port, key).get("/api/v1/admin/clients"), 403);
    }

    @Test
    void eachInvalidFieldIsNamedWithItsReason() {
        Map<String, Map<String, Object>> cases = Map.of(
                "to", Map.of("text", "no number"),
                "text", Map.of("to", "91234567"),
                "priority", Map.of("to", "91234567", "text", "x", "priority", "urgent"),
                "sendAt", Map.of("to", "91234567", "text", "x", "sendAt", "tomorrow"),
                "sender", Map.of("to", "91234567", "text", "x", "sender", "Royal Oman Police HQ"),
                "validityMinutes", Map.of("to", "91234567", "text", "x", "validityMinutes", 0),
                "callbackUrl", Map.of("to", "91234567", "text", "x", "callbackUrl", "ftp://x"));
        cases.forEach((field, body) -> {
            ApiCalls.Response r = api().post("/api/v1/messages", body);
            assertProblem(r, 400);
            JsonNode error = r.json().get("errors").get(0);
            assertThat(error.get("field").asString()).as(r.body()).isEqualTo(field);
            assertThat(error.get("reason").asString()).isNotBlank();
        });
    }

    @Test
    void numbersAreRejectedWithTheReason() {
        ApiCalls.Response fixed = api().post("/api/v1/messages", Map.of("to", "24123456", "text", "x"));
        assertProblem(fixed, 400);
        assertThat(fixed.json().get("errors").get(0).get("reason").asString()).contains("fixed");
        ApiCalls.Response india = api().post("/api/v1/messages", Map.of("to", "0091234567", "text", "x"));
        assertProblem(india, 400);
    }

    @Test
    void tooManySegmentsIsAClearError() {
        ApiCalls.Response r = api().post("/api/v1/messages", Map.of("to", "91234567", "text", "x".repeat(153 * 8 + 1)));
        assertProblem(r, 400);
        assertThat(r.json().get("errors").get(0).get("reason").asString()).contains("9 segments").contains("maximum is 8");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(api().post("/api/v1/messages", "{\"to\": ", Map.of()), 400);
        assertProblem(api().post("/api/v1/messages", "", Map.of()), 400);
    }

    @Test
    void anOversizedBodyIs413() {
        ApiCalls.Response r = api().post("/api/v1/messages", Map.of("to", "91234567", "text", "x".repeat(70_000)));
        assertProblem(r, 413);
    }

    @Test
    void passingTheRateLimitIs429WithRetryAfter() {
        NewClient client = clients.createClient("slow-" + System.nanoTime(), null, 1, null);
        String key = clients.issueKey(client.client().id(), KeyMode.TEST, EnumSet.of(Scope.MESSAGES), "test").key();
        ApiCalls api = new ApiCalls(port, key);
        List<ApiCalls.Response> answers = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> api.post("/api/v1/messages", Map.of("to", "91234567", "text", "rate " + i))).toList();
        assertThat(answers.get(0).status()).isEqualTo(202);
        ApiCalls.Response limited = answers.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertProblem(limited, 429);
        assertThat(limited.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void passingTheDailyQuotaIs429UntilMidnight() {
        NewClient client = clients.createClient("quota-" + System.nanoTime(), null, null, 2);
        String key = clients.issueKey(client.client().id(), KeyMode.TEST, EnumSet.of(Scope.MESSAGES), "test").key();
        ApiCalls api = new ApiCalls(port, key);
        assertThat(api.post("/api/v1/messages", Map.of("to", "91234567", "text", "one")).status()).isEqualTo(202);
        ApiCalls.Response batch = api.post("/api/v1/messages/batch", Map.of("messages",
                List.of(Map.of("to", "91234567", "text", "two"), Map.of("to", "91234567", "text", "three"))));
        assertProblem(batch, 429);
        assertThat(Long.parseLong(batch.header("Retry-After"))).isBetween(1L, 86_401L);
        assertThat(api.post("/api/v1/messages", Map.of("to", "91234567", "text", "two")).status()).isEqualTo(202);
        assertProblem(api.post("/api/v1/messages", Map.of("to", "91234567", "text", "three")), 429);
    }

    @Test
    void aClientSeesOnlyItsOwnMessages() {
        String id = api().post("/api/v1/messages", Map.of("to", "91234567", "text", "mine")).json().get("id").asString();
        NewClient other = clients.createClient("other-" + System.nanoTime(), null, null, null);
        String key = clients.issueKey(other.client().id(), KeyMode.LIVE, EnumSet.of(Scope.MESSAGES), "test").key();
        assertProblem(new ApiCalls(port, key).get("/api/v1/messages/" + id), 404);
        assertThat(api().get("/api/v1/messages/" + id).status()).isEqualTo(200);
    }

    @Test
    void anAdminKeyManagesClientsAndKeysAndARevokedKeyStopsWorking() {
        ApiCalls admin = api();
        ApiCalls.Response created = admin.post("/api/v1/admin/clients", Map.of("name", "ePolice-" + System.nanoTime(),
                "callbackUrl", "https://epolice.example/sms-status"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("callbackSecret").asString()).hasSizeGreaterThanOrEqualTo(32);
        long clientId = created.json().get("client").get("id").asLong();

        ApiCalls.Response issued = admin.post("/api/v1/admin/clients/" + clientId + "/keys",
                Map.of("mode", "test", "scopes", List.of("messages")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String key = issued.json().get("key").asString();
        assertThat(key).startsWith("rsl_test_");
        ApiCalls client = new ApiCalls(port, key);
        assertThat(client.post("/api/v1/messages", Map.of("to", "91234567", "text", "hi")).status()).isEqualTo(202);

        assertThat(admin.get("/api/v1/admin/keys").body()).doesNotContain(key);
        assertThat(admin.delete("/api/v1/admin/keys/" + issued.json().get("info").get("id").asLong()).status())
                .isEqualTo(204);
        assertProblem(client.post("/api/v1/messages", Map.of("to", "91234567", "text", "hi")), 401);
    }

    @Test
    @EnabledIfSystemProperty(named = "risala.test.db", matches = "postgres")
    void aMessageThatCannotBeStoredIs503AndIsNeverSent() throws Exception {
        String reference = "blocked-" + System.nanoTime();
        try (Connection lock = dataSource.getConnection(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("LOCK TABLE outbound_message IN ACCESS EXCLUSIVE MODE");
            ApiCalls.Response r = api().post("/api/v1/messages", Map.of("to", "91234567", "text", "x",
                    "reference", reference));
            assertProblem(r, 503);
            assertThat(r.header("Retry-After")).isEqualTo("5");
            lock.rollback();
        }
        // the writer gets the table back and must leave the abandoned message out
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> api().get("/api/v1/messages?reference=" + reference).json().isEmpty());
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        ApiCalls.Response docs = new ApiCalls(port, null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/messages")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/messages/batch")).isTrue();
        assertThat(docs.body()).contains("UNDELIVERED").contains("bearer");
    }
}
