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
import org.risala.simulator.HandsetMessage;
import org.risala.simulator.SmscSimulator;
import org.risala.sms.Msisdn;
import org.risala.testing.ApiCalls;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The civil registry reporting a citizen's new number through /api/v1/number-changes. */
@IntegrationTest
class NumberChangesIntegrationTests {

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

    private void subscribe(String number, String topic, String key, String language) {
        ApiCalls.Response r = api().post("/api/v1/subscriptions", Map.of("msisdn", number, "topic", topic,
                "key", key, "language", language));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static Map<String, Object> change(String civilId, String from, String to) {
        return Map.of("civilId", civilId, "oldNumber", from, "newNumber", to, "reference", "reg-" + civilId);
    }

    private List<HandsetMessage> inbox(String number, int count) {
        return await().atMost(WAIT).until(() -> simulator.inbox(number), inbox -> inbox.size() >= count);
    }

    @Test
    void aNumberChangeMovesEverySubscriptionTellsBothNumbersAndARepeatDoesNothing() {
        String from = newNumber();
        String to = newNumber();
        String plate = newPlate();
        subscribe(from, "violation", plate, "en");
        subscribe(from, "visa-status", "V2026000123", "en");

        ApiCalls.Response r = api().post("/api/v1/number-changes", change("10234567", from.substring(4), to));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("moved").asInt()).isEqualTo(2);
        assertThat(r.json().get("notified").asBoolean()).isTrue();
        assertThat(r.json().get("subscriptions")).hasSize(2)
                .allMatch(s -> s.get("msisdn").asString().equals(to));
        assertThat(api().get("/api/v1/subscriptions?msisdn=" + from).json()).isEmpty();
        assertThat(jdbc.sql("""
                        SELECT h.actor, h.detail FROM subscription_history h JOIN subscription s
                          ON s.id = h.subscription_id
                        WHERE s.msisdn = :m AND h.action = 'MOVED'""").param("m", to)
                .query((rs, n) -> rs.getString("actor") + " | " + rs.getString("detail")).list())
                .hasSize(2).allMatch(h -> h.startsWith("api:bootstrap | number change ")
                        && h.contains("civil ID 10234567") && h.contains(from + " to " + to));

        assertThat(inbox(from, 1).get(0).text()).isEqualTo("Your alert subscriptions have moved to your new number "
                + Msisdn.of(to).masked() + ", as the civil registry reported. This number gets no more alerts.");
        assertThat(inbox(to, 1).get(0).text()).isEqualTo("Your alert subscriptions have moved to this number from "
                + Msisdn.of(from).masked() + ". Send MY to see them, STOP ALL to stop them.");

        ApiCalls.Response again = api().post("/api/v1/number-changes", change("10234567", from, to));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("moved").asInt()).isEqualTo(2);
        assertThat(again.json().get("id").asLong()).isEqualTo(r.json().get("id").asLong());

        api().post("/api/v1/events", Map.of("id", "nc-" + System.nanoTime(), "type", "violation", "key", plate,
                "occurredAt", "2026-12-01T08:00:00Z", "data", Map.of("amount", "15.000 OMR", "place", "Seeb")));
        assertThat(inbox(to, 2).get(1).text()).startsWith("New traffic violation on " + plate);
        // nothing sent twice, and the old number no longer alerted
        await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> simulator.inbox(from).size() == 1
                && simulator.inbox(to).size() == 2);
    }

    @Test
    void aSubscriptionTheNewNumberHasAlreadyIsMergedInTheLanguageOfTheSubscriptions() {
        String from = newNumber();
        String to = newNumber();
        String plate = newPlate();
        subscribe(from, "violation", plate, "ar");
        subscribe(to, "violation", plate, "ar");

        ApiCalls.Response r = api().post("/api/v1/number-changes", change("10765432", from, to));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("moved").asInt()).isZero();
        assertThat(r.json().get("merged").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT msisdn || ' ' || state FROM subscription WHERE record_key = :k ORDER BY id")
                .param("k", plate).query(String.class).list()).containsExactly(from + " STOPPED", to + " ACTIVE");
        assertThat(inbox(to, 1).get(0).text()).startsWith("تم نقل اشتراكاتك في التنبيهات إلى هذا الرقم");
    }

    @Test
    void theOptOutTravelsWithThePersonAndNothingToMoveSendsNothing() {
        String from = newNumber();
        String to = newNumber();
        ask(simulator, from, "STOP ALL");

        ApiCalls.Response r = api().post("/api/v1/number-changes", change("10998877", from, to));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("notified").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT msisdn FROM opt_out WHERE msisdn IN (:m)").param("m", List.of(from, to))
                .query(String.class).list()).containsExactly(to);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> simulator.inbox(to).isEmpty()
                && simulator.inbox(from).size() == 1);
    }

    @Test
    void aBusinessContactNumberThatChangesKeepsTheBusinessAlerts() {
        String from = newNumber();
        String to = newNumber();
        ApiCalls.Response account = api().post("/api/v1/business-accounts", Map.of("name", "Fleet",
                "commercialRegistration", String.valueOf(System.nanoTime()).substring(4), "contacts", List.of(from)));
        long id = account.json().get("id").asLong();
        api().post("/api/v1/business-accounts/" + id + "/subscriptions", "topic,key\nviolation," + newPlate() + "\n",
                Map.of("Content-Type", "text/csv"));

        assertThat(api().post("/api/v1/number-changes", change("10111222", from, to)).json().get("moved").asInt())
                .isEqualTo(1);
        assertThat(api().get("/api/v1/business-accounts/" + id).json().get("contacts").get(0).asString())
                .isEqualTo(to);
    }

    @Test
    void invalidFieldsAreNamedAndTheScopeIsNeeded() {
        assertThat(field(change("12", newNumber(), newNumber()))).isEqualTo("civilId");
        assertThat(field(change("10234567", "abc", newNumber()))).isEqualTo("oldNumber");
        String same = newNumber();
        assertThat(field(change("10234567", same, same.substring(4)))).isEqualTo("newNumber");

        long clientId = api().post("/api/v1/admin/clients", Map.of("name", "portal-" + System.nanoTime()))
                .json().get("client").get("id").asLong();
        String key = api().post("/api/v1/admin/clients/" + clientId + "/keys",
                Map.of("mode", "live", "scopes", List.of("subscriptions"))).json().get("key").asString();
        assertThat(new ApiCalls(port, key).post("/api/v1/number-changes", change("10234567", newNumber(),
                newNumber())).status()).isEqualTo(403);
        String registry = api().post("/api/v1/admin/clients/" + clientId + "/keys",
                Map.of("mode", "live", "scopes", List.of("number-changes"))).json().get("key").asString();
        assertThat(new ApiCalls(port, registry).post("/api/v1/number-changes", change("10234567", newNumber(),
                newNumber())).status()).isEqualTo(201);
    }

    private String field(Map<String, Object> body) {
        ApiCalls.Response r = api().post("/api/v1/number-changes", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().get("errors").get(0).get("field").asString();
    }
}
