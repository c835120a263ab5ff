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

import tools.jackson.databind.JsonNode;

/** G2B: a business account subscribing many keys for its contact numbers, read at the simulated handsets. */
@IntegrationTest
class BusinessAccountsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Map<String, String> CSV = Map.of("Content-Type", "text/csv");

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

    private static String newRegistration() {
        return String.valueOf(System.nanoTime()).substring(4);
    }

    private long account(String... contacts) {
        ApiCalls.Response r = api().post("/api/v1/business-accounts", Map.of("name", "Fleet " + newRegistration(),
                "commercialRegistration", newRegistration(), "contacts", List.of(contacts)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private JsonNode upload(long account, String csv) {
        ApiCalls.Response r = api().post("/api/v1/business-accounts/" + account + "/subscriptions", csv, CSV);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private void violation(String plate) {
        ApiCalls.Response r = api().post("/api/v1/events", Map.of("id", "g2b-" + System.nanoTime(),
                "type", "violation", "key", plate, "occurredAt", "2026-12-01T08:00:00Z",
                "data", Map.of("amount", "15.000 OMR", "place", "Sohar")));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
    }

    @Test
    void aCsvWithRowErrorsSubscribesItsValidRowsForEveryContactAndEachContactGetsTheAlerts() {
        String driver = newNumber();
        String manager = newNumber();
        String plate = newPlate();
        String monthly = newPlate();
        long account = account(driver.substring(4), manager);

        JsonNode answer = upload(account, """
                topic,key,language
                violation,%s,ar
                weather,12345AB,en
                violation,not a plate,en
                registration-expiry,"%s",
                violation,%s,en
                violation,12345AB
                visa-status,V2026000123,fr
                """.formatted(plate.substring(0, 5) + " " + plate.substring(5), monthly, plate));

        assertThat(answer.get("created").asInt()).isEqualTo(2);
        assertThat(answer.get("errors").asInt()).isEqualTo(5);
        JsonNode rows = answer.get("rows");
        assertThat(rows).hasSize(7);
        assertThat(row(rows, 0)).containsExactly("2", "created", plate);
        assertThat(row(rows, 1)).containsExactly("3", "error", "topic");
        assertThat(row(rows, 2)).containsExactly("4", "error", "key");
        assertThat(row(rows, 3)).containsExactly("5", "created", monthly);
        assertThat(row(rows, 4)).containsExactly("6", "error", "key");
        assertThat(rows.get(4).get("errors").get(0).get("reason").asString()).isEqualTo("repeats row 2");
        assertThat(row(rows, 5)).containsExactly("7", "error", "row");
        assertThat(row(rows, 6)).containsExactly("8", "error", "language");

        // one subscription per contact and key, active at once and marked with the business
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM subscription
                        WHERE business_account_id = :b AND state = 'ACTIVE' AND msisdn IN (:m)""")
                .param("b", account).param("m", List.of(driver, manager)).query(Long.class).single()).isEqualTo(4);
        // the MONTHLY topic is charged per subscription, as any other
        assertThat(jdbc.sql("SELECT msisdn FROM billing_record WHERE topic = 'registration-expiry' AND msisdn IN (:m)")
                .param("m", List.of(driver, manager)).query(String.class).list())
                .containsExactlyInAnyOrder(driver, manager);

        violation(plate);
        String alert = "مخالفة مرورية جديدة على المركبة " + plate + ": 15.000 OMR في Sohar.";
        for (String contact : List.of(driver, manager)) {
            assertThat(await().atMost(WAIT).until(() -> simulator.inbox(contact), inbox -> !inbox.isEmpty())
                    .get(0).text()).isEqualTo(alert);
        }

        // the same file again subscribes nothing twice
        JsonNode again = upload(account, "topic,key\nviolation," + plate + "\n");
        assertThat(again.get("active").asInt()).isEqualTo(1);
        assertThat(row(again.get("rows"), 0)).containsExactly("2", "active", plate);
    }

    @Test
    void aJsonListIsAnsweredPerItemAndAFormUploadIsReadLikeTheFile() {
        String contact = newNumber();
        long account = account(contact);
        String plate = newPlate();
        ApiCalls.Response r = api().post("/api/v1/business-accounts/" + account + "/subscriptions",
                Map.of("subscriptions", List.of(Map.of("topic", "violation", "key", plate),
                        Map.of("topic", "violation"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(row(r.json().get("rows"), 0)).containsExactly("0", "created", plate);
        assertThat(row(r.json().get("rows"), 1)).containsExactly("1", "error", "key");

        String other = newPlate();
        String form = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fleet.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\ntopic,key\r\nviolation," + other + "\r\n--b0undary--\r\n";
        ApiCalls.Response uploaded = api().post("/api/v1/business-accounts/" + account + "/subscriptions", form,
                Map.of("Content-Type", "multipart/form-data; boundary=b0undary"));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(row(uploaded.json().get("rows"), 0)).containsExactly("2", "created", other);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscription WHERE msisdn = :m AND live = 1").param("m", contact)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aMalformedFileIsOneProblemNamingTheReason() {
        long account = account(newNumber());
        assertThat(malformed(account, "")).contains("no header");
        assertThat(malformed(account, "plate,topic\n12345AB,violation\n")).contains("must name topic and key");
        assertThat(malformed(account, "topic,key\n")).contains("no key");
        assertThat(malformed(account, "topic,key\n" + "violation,12345AB\n".repeat(10_001)))
                .contains("more than 10000");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscription WHERE business_account_id = :b").param("b", account)
                .query(Long.class).single()).isZero();
    }

    private String malformed(long account, String csv) {
        ApiCalls.Response r = api().post("/api/v1/business-accounts/" + account + "/subscriptions", csv, CSV);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).endsWith("/malformed-file");
        return r.json().get("detail").asString();
    }

    @Test
    void aContactThatSentStopAllIsNotSubscribedAndItsStopEndsTheBusinessSubscription() {
        String optedOut = newNumber();
        String contact = newNumber();
        ask(simulator, optedOut, "STOP ALL");
        long account = account(optedOut, contact);
        String plate = newPlate();

        JsonNode answer = upload(account, "topic,key\nviolation," + plate + "\n");
        assertThat(answer.get("optedOutContacts").get(0).asString()).isEqualTo(optedOut);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscription WHERE msisdn = :m").param("m", optedOut)
                .query(Long.class).single()).isZero();

        ask(simulator, contact, "STOP VIO " + plate);
        assertThat(jdbc.sql("SELECT state FROM subscription WHERE msisdn = :m").param("m", contact)
                .query(String.class).single()).isEqualTo("STOPPED");
    }

    @Test
    void replacedContactsLoseTheBusinessSubscriptionsAndNewOnesGetEveryKey() {
        String leaving = newNumber();
        String joining = newNumber();
        long account = account(leaving);
        String plate = newPlate();
        upload(account, "topic,key\nviolation," + plate + "\n");

        ApiCalls.Response r = api().put("/api/v1/business-accounts/" + account + "/contacts",
                ApiCalls.json().writeValueAsString(Map.of("contacts", List.of(joining))), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("contacts")).hasSize(1);
        assertThat(r.json().get("contacts").get(0).asString()).isEqualTo(joining);
        assertThat(jdbc.sql("SELECT state FROM subscription WHERE msisdn = :m").param("m", leaving)
                .query(String.class).single()).isEqualTo("STOPPED");
        assertThat(jdbc.sql("SELECT record_key FROM subscription WHERE msisdn = :m AND state = 'ACTIVE'")
                .param("m", joining).query(String.class).single()).isEqualTo(plate);
    }

    @Test
    void anAccountIsSeenOnlyByTheClientThatCreatedItAndOneRegistrationHasOneAccount() {
        String registration = newRegistration();
        ApiCalls.Response created = api().post("/api/v1/business-accounts", Map.of("name", "Gulf Fleet",
                "commercialRegistration", registration, "contacts", List.of(newNumber())));
        long id = created.json().get("id").asLong();
        assertThat(api().get("/api/v1/business-accounts/" + id).json().get("commercialRegistration").asString())
                .isEqualTo(registration);

        ApiCalls.Response again = api().post("/api/v1/business-accounts", Map.of("name", "Gulf Fleet",
                "commercialRegistration", registration, "contacts", List.of(newNumber())));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("id").asLong()).isEqualTo(id);

        long clientId = api().post("/api/v1/admin/clients", Map.of("name", "fleet-portal-" + System.nanoTime()))
                .json().get("client").get("id").asLong();
        String key = api().post("/api/v1/admin/clients/" + clientId + "/keys",
                Map.of("mode", "live", "scopes", List.of("subscriptions"))).json().get("key").asString();
        ApiCalls other = new ApiCalls(port, key);
        assertThat(other.get("/api/v1/business-accounts/" + id).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/business-accounts/" + id + "/subscriptions", "topic,key\nviolation,1SB\n",
                CSV).status()).isEqualTo(404);
    }

    @Test
    void invalidAccountFieldsAreNamed() {
        assertThat(field(Map.of("name", "", "commercialRegistration", "123", "contacts", List.of(newNumber()))))
                .isEqualTo("name");
        assertThat(field(Map.of("name", "F", "commercialRegistration", "CR-x", "contacts", List.of(newNumber()))))
                .isEqualTo("commercialRegistration");
        assertThat(field(Map.of("name", "F", "commercialRegistration", "123", "contacts", List.of())))
                .isEqualTo("contacts");
        assertThat(field(Map.of("name", "F", "commercialRegistration", "123",
                "contacts", List.of(newNumber(), "24123456")))).isEqualTo("contacts[1]");
    }

    private String field(Map<String, Object> body) {
        ApiCalls.Response r = api().post("/api/v1/business-accounts", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().get("errors").get(0).get("field").asString();
    }

    /** a row's number, result, and its key or the field of its first error */
    private static List<String> row(JsonNode rows, int i) {
        JsonNode row = rows.get(i);
        return List.of(row.get("row").asString(), row.get("result").asString(),
                row.get("errors").isEmpty() ? row.get("key").asString()
                        : row.get("errors").get(0).get("field").asString());
    }
}
