package org.risala.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.risala.subscriptions.SubscriptionTesting.ask;
import static org.risala.subscriptions.SubscriptionTesting.newNumber;
import static org.risala.subscriptions.SubscriptionTesting.newPlate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.simulator.SmscSimulator;
import org.risala.testing.ApiCalls;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Client systems subscribing citizens through /api/v1/subscriptions. */
@IntegrationTest
class SubscriptionsApiIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    SmscSimulator simulator;

    @Autowired
    JdbcClient jdbc;

    private ApiCalls api() {
        return new ApiCalls(port);
    }

    @BeforeEach
    void risalaIsBoundToTheSimulator() {
        await().atMost(WAIT).until(simulator::hasReceiver);
    }

    @Test
    void aSubscriptionMadeThroughTheApiIsActiveAtOnceAlertsAndStops() {
        String number = newNumber();
        String plate = newPlate();
        Map<String, Object> body = Map.of("msisdn", number.substring(4), "topic", "violation", "key",
                plate.substring(0, 5) + " " + plate.substring(5).toLowerCase(), "language", "ar");

        ApiCalls.Response created = api().post("/api/v1/subscriptions", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("msisdn").asString()).isEqualTo(number);
        assertThat(created.json().get("key").asString()).isEqualTo(plate);
        assertThat(created.json().get("state").asString()).isEqualTo("ACTIVE");
        assertThat(created.json().get("channel").asString()).isEqualTo("API");
        assertThat(api().post("/api/v1/subscriptions", body).status()).isEqualTo(200);

        ApiCalls.Response listed = api().get("/api/v1/subscriptions?msisdn=%2B" + number.substring(1));
        assertThat(listed.json()).hasSize(1);
        long id = listed.json().get(0).get("id").asLong();

        api().post("/api/v1/events", Map.of("id", "api-" + System.nanoTime(), "type", "violation", "key", plate,
                "occurredAt", "2026-12-01T08:00:00Z", "data", Map.of("amount", "15.000 OMR", "place", "Seeb")));
        assertThat(await().atMost(WAIT).until(() -> simulator.inbox(number), inbox -> !inbox.isEmpty()).get(0).text())
                .isEqualTo("مخالفة مرورية جديدة على المركبة " + plate + ": 15.000 OMR في Seeb.");

        assertThat(api().delete("/api/v1/subscriptions/" + id).status()).isEqualTo(204);
        assertThat(api().delete("/api/v1/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/subscriptions?msisdn=" + number.substring(4)).json()).isEmpty();
        assertThat(jdbc.sql("SELECT actor FROM subscription_history WHERE subscription_id = :id ORDER BY id")
                .param("id", id).query(String.class).list()).allMatch(a -> a.startsWith("api:"));
    }

    @Test
    void aMonthlyTopicSubscribedThroughTheApiIsChargedForThisMonth() {
        String number = newNumber();
        ApiCalls.Response r = api().post("/api/v1/subscriptions", Map.of("msisdn", number,
                "topic", "document-expiry", "key", "A1234567"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT period FROM billing_record WHERE msisdn = :m").param("m", number)
                .query(String.class).list()).hasSize(1).allMatch(p -> p.matches("\\d{4}-\\d{2}"));
    }

    @Test
    void subscribingThroughTheApiTakesTheNumberOffTheOptOutList() {
        String number = newNumber();
        ask(simulator, number, "STOP ALL");
        api().post("/api/v1/subscriptions", Map.of("msisdn", number, "topic", "visa-status", "key", "V2026000123"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM opt_out WHERE msisdn = :m").param("m", number)
                .query(Long.class).single()).isZero();
    }

    @Test
    void invalidFieldsAreNamed() {
        assertThat(field(Map.of("msisdn", "12", "topic", "violation", "key", "12345AB"))).isEqualTo("msisdn");
        assertThat(field(Map.of("msisdn", newNumber(), "topic", "weather", "key", "12345AB"))).isEqualTo("topic");
        assertThat(field(Map.of("msisdn", newNumber(), "topic", "violation", "key", "nope"))).isEqualTo("key");
        assertThat(field(Map.of("msisdn", newNumber(), "topic", "violation", "key", "12345AB", "language", "fr")))
                .isEqualTo("language");
        assertThat(api().get("/api/v1/subscriptions?msisdn=abc").status()).isEqualTo(400);
    }

    @Test
    void subscriptionsNeedTheSubscriptionsScope() {
        ApiCalls admin = api();
        long clientId = admin.post("/api/v1/admin/clients", Map.of("name", "ePortal-" + System.nanoTime()))
                .json().get("client").get("id").asLong();
        String key = admin.post("/api/v1/admin/clients/" + clientId + "/keys",
                Map.of("mode", "live", "scopes", List.of("events"))).json().get("key").asString();
        assertThat(new ApiCalls(port, key).get("/api/v1/subscriptions?msisdn=91234567").status()).isEqualTo(403);
    }

    private String field(Map<String, Object> body) {
        ApiCalls.Response r = api().post("/api/v1/subscriptions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().get("errors").get(0).get("field").asString();
    }
}
