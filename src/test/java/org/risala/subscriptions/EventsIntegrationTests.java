package org.risala.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.risala.subscriptions.SubscriptionTesting.ask;
import static org.risala.subscriptions.SubscriptionTesting.newNumber;
import static org.risala.subscriptions.SubscriptionTesting.newPlate;
import static org.risala.subscriptions.SubscriptionTesting.newVisaApplication;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.outbound.Priority;
import org.risala.simulator.HandsetMessage;
import org.risala.simulator.SmscSimulator;
import org.risala.testing.ApiCalls;
import org.risala.testing.IntegrationTest;
import org.risala.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Back offices posting events through the API; the alerts are read at the simulated handsets. */
@IntegrationTest
class EventsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    SmscSimulator simulator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    /** the application's own, on the shared test clock */
    @Autowired
    ReminderSweep reminders;

    @Autowired
    TestClock clock;

    private ApiCalls api() {
        return new ApiCalls(port);
    }

    @BeforeEach
    void risalaIsBoundToTheSimulator() {
        await().atMost(WAIT).until(simulator::hasReceiver);
    }

    private static Map<String, Object> violation(String id, String plate) {
        return Map.of("id", id, "type", "violation", "key", plate, "occurredAt", "2026-12-01T08:15:00+04:00",
                "data", Map.of("amount", "15.000 OMR", "place", "Muscat Expressway"));
    }

    private static String eventId() {
        return "evt-" + System.nanoTime();
    }

    /** what the handset received after its replies so far, once there are at least {@code count} */
    private List<HandsetMessage> alertsAt(String number, int replies, int count) {
        return await().atMost(WAIT).until(() -> {
            List<HandsetMessage> inbox = simulator.inbox(number);
            return inbox.subList(Math.min(replies, inbox.size()), inbox.size());
        }, alerts -> alerts.size() >= count);
    }

    @Test
    void anEventArrivesAtTheSubscribedHandsetsInTheirLanguages() {
        String plate = newPlate();
        String english = newNumber();
        String arabic = newNumber();
        ask(simulator, english, "SUB VIO " + plate);
        ask(simulator, english, "YES");
        ask(simulator, arabic, "اشتراك مخالفات " + plate);
        ask(simulator, arabic, "نعم");

        ApiCalls.Response r = api().post("/api/v1/events", violation(eventId(), plate.toLowerCase()));

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().get("matched").asInt()).isEqualTo(2);
        assertThat(r.json().get("duplicate").asBoolean()).isFalse();
        HandsetMessage alert = alertsAt(english, 2, 1).get(0);
        assertThat(alert.text()).isEqualTo("New traffic violation on " + plate + ": 15.000 OMR at Muscat Expressway.");
        assertThat(alert.from()).isEqualTo("90085");
        assertThat(alertsAt(arabic, 2, 1).get(0).text())
                .isEqualTo("مخالفة مرورية جديدة على المركبة " + plate + ": 15.000 OMR في Muscat Expressway.");
        assertThat(jdbc.sql("SELECT priority FROM outbound_message WHERE recipient = :to AND origin = 'alert'")
                .param("to", english).query(Integer.class).single()).isEqualTo(Priority.HIGH.rank());
    }

    @Test
    void theSameEventTwiceIsAlertedOnce() {
        String visa = newVisaApplication();
        String number = newNumber();
        ask(simulator, number, "SUB VISA " + visa);
        String id = eventId();
        Map<String, Object> event = Map.of("id", id, "type", "visa-status", "key", visa,
                "occurredAt", "2026-12-01T08:00:00Z", "data", Map.of("status", "APPROVED", "statusAr", "تمت الموافقة"));

        ApiCalls.Response first = api().post("/api/v1/events", event);
        ApiCalls.Response second = api().post("/api/v1/events", Map.of("events", List.of(event)));

        assertThat(first.json().get("duplicate").asBoolean()).isFalse();
        JsonNode again = second.json().get("events").get(0);
        assertThat(again.get("id").asString()).isEqualTo(id);
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("matched").asInt()).isZero();
        assertThat(alertsAt(number, 1, 1).get(0).text()).isEqualTo("Visa application " + visa + ": APPROVED.");
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> alertsAt(number, 1, 1).size() == 1);
    }

    @Test
    void theSameEventPostedConcurrentlyIsAlertedOnce() throws Exception {
        String plate = newPlate();
        String number = newNumber();
        ask(simulator, number, "SUB VIO " + plate);
        ask(simulator, number, "YES");
        Map<String, Object> event = violation(eventId(), plate);
        int posts = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(posts);
        List<CompletableFuture<ApiCalls.Response>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < posts; i++) {
                responses.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return api().post("/api/v1/events", event);
                }, threads));
            }
            start.countDown();
            List<ApiCalls.Response> answered = responses.stream().map(CompletableFuture::join).toList();
            assertThat(answered).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(202));
            assertThat(answered).filteredOn(r -> !r.json().get("duplicate").asBoolean()).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> alertsAt(number, 2, 1).size() == 1);
    }

    @Test
    void aBatchIsMatchedAsAWholeAndAnIdTwiceInItIsAlertedOnce() {
        String plate = newPlate();
        String otherPlate = newPlate();
        String number = newNumber();
        ask(simulator, number, "SUB VIO " + plate);
        ask(simulator, number, "YES");
        ask(simulator, number, "SUB VIO " + otherPlate);
        ask(simulator, number, "YES");
        String id = eventId();

        ApiCalls.Response r = api().post("/api/v1/events", Map.of("events", List.of(violation(id, plate),
                violation(eventId(), otherPlate), violation(id, plate), violation(eventId(), newPlate()))));

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().get("events")).extracting(e -> e.get("matched").asInt() + ":" + e.get("duplicate").asBoolean())
                .containsExactly("1:false", "1:false", "0:true", "0:false");
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> alertsAt(number, 4, 2).size() == 2);
    }

    @Test
    void anEventMatchingNobodyIsCountedNotAnError() {
        double before = registry.counter("risala.subscriptions.events", "outcome", "unmatched").count();
        ApiCalls.Response r = api().post("/api/v1/events", Map.of("events", List.of(violation(eventId(), newPlate()),
                violation(eventId(), newPlate()))));

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().get("events")).hasSize(2).allSatisfy(e -> assertThat(e.get("matched").asInt()).isZero());
        assertThat(registry.counter("risala.subscriptions.events", "outcome", "unmatched").count())
                .isEqualTo(before + 2);
    }

    @Test
    void aStoppedSubscriptionGetsNoAlert() {
        String visa = newVisaApplication();
        String number = newNumber();
        ask(simulator, number, "SUB VISA " + visa);
        ask(simulator, number, "STOP VISA " + visa);

        ApiCalls.Response r = api().post("/api/v1/events", Map.of("id", eventId(), "type", "visa-status",
                "key", visa, "occurredAt", "2026-12-01T08:00:00Z"));
        assertThat(r.json().get("matched").asInt()).isZero();
    }

    @Test
    void invalidEventsAreProblemsNamingEachField() {
        ApiCalls.Response r = api().post("/api/v1/events", Map.of("events", List.of(
                Map.of("type", "weather", "key", "x", "occurredAt", "yesterday"),
                Map.of("id", 42, "type", "violation", "key", "not a plate", "occurredAt", "2026-12-01T08:00:00Z",
                        "data", Map.of("place", List.of("a"))))));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("errors").valueStream().map(e -> e.get("field").asString() + ": "
                + e.get("reason").asString()).toList()).containsExactly(
                "events[0].occurredAt: must be an ISO-8601 date-time with offset, e.g. 2026-12-01T08:00:00Z",
                "events[0].id: is required",
                "events[0].type: must be one of violation, registration-expiry, document-expiry, visa-status, "
                        + "document.expiry",
                "events[1].id: must be a string",
                "events[1].data.place: must be a text or a number",
                "events[1].key: is not a valid plate for violation");
    }

    @Test
    void atMostAThousandEventsAtOnce() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add(violation("many-" + i, "1SB"));
        }
        ApiCalls.Response r = api().post("/api/v1/events", Map.of("events", events));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("reason").asString())
                .isEqualTo("holds 1001 events; at most 1000 are allowed at once");
        assertThat(api().post("/api/v1/events", Map.of("events", List.of())).status()).isEqualTo(400);
    }

    @Test
    void eventsNeedTheEventsScope() {
        ApiCalls admin = api();
        long clientId = admin.post("/api/v1/admin/clients", Map.of("name", "eVisa-" + System.nanoTime()))
                .json().get("client").get("id").asLong();
        String key = admin.post("/api/v1/admin/clients/" + clientId + "/keys",
                Map.of("mode", "live", "scopes", List.of("messages"))).json().get("key").asString();

        ApiCalls.Response r = new ApiCalls(port, key).post("/api/v1/events", violation(eventId(), newPlate()));
        assertThat(r.status()).isEqualTo(403);
    }

    private static Map<String, Object> expiry(String id, String plate, LocalDate expiresOn) {
        return Map.of("id", id, "type", "document.expiry", "key", plate, "occurredAt", "2026-12-01T08:00:00+04:00",
                "data", Map.of("topic", "registration-expiry", "expiresOn", expiresOn.toString()));
    }

    private LocalDate expiresOn(String plate) {
        return jdbc.sql("SELECT expires_on FROM document_expiry WHERE topic = 'registration-expiry' AND record_key = :k")
                .param("k", plate).query(LocalDate.class).optional().orElse(null);
    }

    @Test
    void aDocumentExpiryIsRecordedOnceAndItsReminderSentByTheSweep() {
        String plate = newPlate();
        String number = newNumber();
        assertThat(api().post("/api/v1/subscriptions", Map.of("msisdn", number, "topic", "registration-expiry",
                "key", plate)).status()).isEqualTo(201);
        LocalDate inFiveDays = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Muscat")).plusDays(5);
        String id = eventId();

        ApiCalls.Response first = api().post("/api/v1/events", expiry(id, plate.toLowerCase(), inFiveDays));
        ApiCalls.Response again = api().post("/api/v1/events", expiry(id, plate, inFiveDays.plusYears(1)));

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().get("matched").asInt()).isOne();
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(expiresOn(plate)).isEqualTo(inFiveDays);
        assertThat(simulator.inbox(number)).as("an expiry date is not an alert").isEmpty();

        assertThat(reminders.sweep()).isPositive();
        assertThat(alertsAt(number, 0, 1).get(0).text())
                .isEqualTo("The registration of vehicle " + plate + " expires on " + inFiveDays + ".");
    }

    @Test
    void aTestKeysExpiryDateIsCheckedButNotKept() {
        ApiCalls admin = api();
        long clientId = admin.post("/api/v1/admin/clients", Map.of("name", "registry-" + System.nanoTime()))
                .json().get("client").get("id").asLong();
        String key = admin.post("/api/v1/admin/clients/" + clientId + "/keys",
                Map.of("mode", "test", "scopes", List.of("events"))).json().get("key").asString();
        String plate = newPlate();

        ApiCalls.Response r = new ApiCalls(port, key).post("/api/v1/events", expiry(eventId(), plate,
                LocalDate.parse("2027-01-15")));

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(expiresOn(plate)).isNull();
    }

    @Test
    void anInvalidDocumentExpiryIsAProblemNamingEachField() {
        ApiCalls.Response r = api().post("/api/v1/events", Map.of("events", List.of(
                Map.of("id", eventId(), "type", "document.expiry", "key", "not a plate",
                        "occurredAt", "2026-12-01T08:00:00Z",
                        "data", Map.of("topic", "registration-expiry", "expiresOn", "15/01/2027")),
                Map.of("id", eventId(), "type", "document.expiry", "key", "12345AB",
                        "occurredAt", "2026-12-01T08:00:00Z", "data", Map.of("topic", "violation")))));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("errors").valueStream().map(e -> e.get("field").asString() + ": "
                + e.get("reason").asString()).toList()).containsExactly(
                "events[0].data.expiresOn: must be a date, e.g. 2027-01-15",
                "events[0].key: is not a valid plate for registration-expiry",
                "events[1].data.topic: must be one of registration-expiry, document-expiry",
                "events[1].data.expiresOn: is required");
    }
}
