package org.risala.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.simulator.HandsetMessage;
import org.risala.simulator.SmscSimulator;
import org.risala.testing.ApiCalls;
import org.risala.testing.IntegrationTest;
import org.risala.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The whole outbound path through the API, the durable queue and the built-in SMSC over a real SMPP socket. */
@IntegrationTest
class MessagesApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SmscSimulator simulator;

    @Autowired
    TestClock clock;

    ApiCalls api;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
        simulator.settings().clearFaults();
    }

    @AfterEach
    void clearFaults() {
        simulator.settings().clearFaults();
    }

    private static int next = 1_000_000;

    /** a fresh Omantel-range number per test, so inboxes do not mix */
    static synchronized String newNumber() {
        return "+9689" + (next++);
    }

    JsonNode send(Map<String, Object> body) {
        ApiCalls.Response r = api.post("/api/v1/messages", body);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json();
    }

    JsonNode awaitStatus(String id, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            last[0] = api.get("/api/v1/messages/" + id).json();
            assertThat(last[0].get("status").asString()).isEqualTo(status);
        });
        return last[0];
    }

    @Test
    void aSingleMessageIsDeliveredToTheHandsetAndItsTimelineShowsEachStep() {
        String to = newNumber();
        JsonNode accepted = send(Map.of("to", to.substring(4), "text", "Your visa V2026000123 is approved", "sender", "ROP",
                "reference", "visa-123"));
        assertThat(accepted.get("status").asString()).isEqualTo("QUEUED");
        assertThat(accepted.get("to").asString()).isEqualTo(to);
        assertThat(accepted.get("encoding").asString()).isEqualTo("GSM7");
        assertThat(accepted.get("segments").asInt()).isEqualTo(1);

        JsonNode message = awaitStatus(accepted.get("id").asString(), "DELIVERED");
        assertThat(message.get("operator").asString()).isEqualTo("simulator");
        assertThat(message.get("submittedAt").asString()).isNotNull();
        assertThat(message.get("doneAt").asString()).isNotNull();
        assertThat(message.get("parts")).hasSize(1);
        assertThat(message.get("parts").get(0).get("status").asString()).isEqualTo("DELIVERED");
        List<String> steps = new ArrayList<>();
        message.get("timeline").forEach(e -> steps.add(e.get("status").asString()));
        assertThat(steps).containsExactly("QUEUED", "SUBMITTED", "DELIVERED");

        List<HandsetMessage> inbox = simulator.inbox(to);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).text()).isEqualTo("Your visa V2026000123 is approved");
        assertThat(inbox.get(0).from()).isEqualTo("ROP");

        JsonNode byReference = api.get("/api/v1/messages?reference=visa-123").json();
        assertThat(byReference).hasSize(1);
        assertThat(byReference.get(0).get("id").asString()).isEqualTo(accepted.get("id").asString());
    }

    @Test
    void aLongGsmMessageIsSplitIntoPartsAndReassembledAtTheHandset() {
        String to = newNumber();
        String text = "Traffic notice: ".repeat(25) + "{end}";   // 405 septets plus 2 escapes
        JsonNode accepted = send(Map.of("to", to, "text", text));
        assertThat(accepted.get("segments").asInt()).isEqualTo(3);

        JsonNode message = awaitStatus(accepted.get("id").asString(), "DELIVERED");
        assertThat(message.get("parts")).hasSize(3);
        List<HandsetMessage> inbox = simulator.inbox(to);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).text()).isEqualTo(text);
        assertThat(inbox.get(0).parts()).isEqualTo(3);
        assertThat(inbox.get(0).encoding()).isEqualTo("GSM7");
    }

    @Test
    void arabicAndMixedTextGoAsUcs2() {
        String to = newNumber();
        String arabic = "تمت الموافقة على طلب التأشيرة V2026000123. شرطة عمان السلطانية";
        JsonNode accepted = send(Map.of("to", to, "text", arabic));
        assertThat(accepted.get("encoding").asString()).isEqualTo("UCS2");
        assertThat(accepted.get("segments").asInt()).isEqualTo(1);
        awaitStatus(accepted.get("id").asString(), "DELIVERED");

        String mixed = "Dear citizen / عزيزي المواطن: ".repeat(4);
        JsonNode second = send(Map.of("to", to, "text", mixed));
        assertThat(second.get("encoding").asString()).isEqualTo("UCS2");
        assertThat(second.get("segments").asInt()).isEqualTo(2);
        awaitStatus(second.get("id").asString(), "DELIVERED");

        assertThat(simulator.inbox(to)).extracting(HandsetMessage::text).containsExactly(arabic, mixed);
        assertThat(simulator.inbox(to)).extracting(HandsetMessage::encoding).containsOnly("UCS2");
    }

    @Test
    void aCharacterThatDoublesTheSegmentsIsWarnedAbout() {
        JsonNode accepted = send(Map.of("to", newNumber(), "text", "Your appointment is confirmed" + "\u200F"));
        assertThat(accepted.get("warnings")).isNotEmpty();
        assertThat(accepted.get("warnings").get(0).asString()).contains("U+200F");
    }

    @Test
    void theSameIdempotencyKeyAndBodySendOnceAndADifferentBodyIsAConflict() {
        String to = newNumber();
        String body = "{\"to\":\"" + to + "\",\"text\":\"Your code is 4411\"}";
        ApiCalls.Response first = api.post("/api/v1/messages", body, Map.of("Idempotency-Key", "otp-" + to));
        ApiCalls.Response again = api.post("/api/v1/messages", body, Map.of("Idempotency-Key", "otp-" + to));
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());

        ApiCalls.Response different = api.post("/api/v1/messages",
                "{\"to\":\"" + to + "\",\"text\":\"Your code is 9999\"}", Map.of("Idempotency-Key", "otp-" + to));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.header("Content-Type")).startsWith("application/problem+json");

        awaitStatus(first.json().get("id").asString(), "DELIVERED");
        assertThat(simulator.inbox(to)).hasSize(1);
    }

    @Test
    void aBatchValidatesEachItemAndSendsTheValidOnes() {
        String a = newNumber();
        String b = newNumber();
        Map<String, Object> batch = Map.of("messages", List.of(
                Map.of("to", a, "text", "first"),
                Map.of("to", "24123456", "text", "to a fixed line"),
                Map.of("to", b, "text", "second", "priority", "bulk"),
                Map.of("to", b, "text", "")));
        ApiCalls.Response r = api.post("/api/v1/messages/batch", batch);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(r.json().get("rejected").asInt()).isEqualTo(2);
        JsonNode results = r.json().get("results");
        assertThat(results.get(1).get("error").get("field").asString()).isEqualTo("messages[1].to");
        assertThat(results.get(1).get("error").get("reason").asString()).contains("fixed");
        assertThat(results.get(3).get("error").get("field").asString()).isEqualTo("messages[3].text");
        awaitStatus(results.get(0).get("id").asString(), "DELIVERED");
        awaitStatus(results.get(2).get("id").asString(), "DELIVERED");
        assertThat(simulator.inbox(a)).extracting(HandsetMessage::text).containsExactly("first");
        assertThat(simulator.inbox(b)).extracting(HandsetMessage::text).containsExactly("second");
    }

    @Test
    void aScheduledMessageWaitsUntilItsTime() {
        String to = newNumber();
        Instant at = clock.instant().plusSeconds(3);
        JsonNode accepted = send(Map.of("to", to, "text", "Reminder: renew your registration", "sendAt", at.toString()));
        String id = accepted.get("id").asString();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(2))
                .until(() -> simulator.inbox(to).isEmpty());
        JsonNode message = awaitStatus(id, "DELIVERED");
        assertThat(Instant.parse(message.get("submittedAt").asString())).isAfterOrEqualTo(at);
    }

    @Test
    void aMessageThatCannotBeSentBeforeItsValidityEndsExpires() {
        simulator.settings().throttleFraction(1.0);
        String to = newNumber();
        String id = send(Map.of("to", to, "text", "only useful for a minute", "validityMinutes", 1)).get("id").asString();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/messages/" + id).json().get("attempts").asInt() >= 1);
        clock.advance(Duration.ofMinutes(2));
        JsonNode message = awaitStatus(id, "EXPIRED");
        assertThat(message.get("failureReason").asString()).contains("validity");
        assertThat(simulator.inbox(to)).isEmpty();
    }

    @Test
    void aSubmittedMessageWithoutAReceiptBecomesUnknownAfterTheReceiptTimeout() {
        simulator.settings().receiptDelay(Duration.ofMinutes(30));
        try {
            String id = send(Map.of("to", newNumber(), "text", "receipt will be late")).get("id").asString();
            awaitStatus(id, "SUBMITTED");
            clock.advance(Duration.ofHours(49));
            JsonNode message = awaitStatus(id, "UNKNOWN");
            assertThat(message.get("failureReason").asString()).contains("receipt");
        } finally {
            simulator.settings().receiptDelay(Duration.ofMillis(20));
        }
    }

    @Test
    void aHighPriorityMessageOvertakesABulkBacklog() {
        List<Map<String, Object>> bulk = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            bulk.add(Map.of("to", newNumber(), "text", "Bulk notice " + i, "priority", "bulk"));
        }
        ApiCalls.Response r = api.post("/api/v1/messages/batch", Map.of("messages", bulk));
        assertThat(r.json().get("accepted").asInt()).isEqualTo(2000);
        String lastBulk = r.json().get("results").get(1999).get("id").asString();

        String urgent = newNumber();
        JsonNode alert = send(Map.of("to", urgent, "text", "Road closed: use the alternative route", "priority", "high"));
        awaitStatus(alert.get("id").asString(), "DELIVERED");
        // the backlog takes seconds at the test TPS; the alert went ahead of it
        assertThat(api.get("/api/v1/messages/" + lastBulk).json().get("status").asString()).isEqualTo("QUEUED");
        awaitStatus(lastBulk, "DELIVERED");
    }

    @Test
    void throttlingErrorsAreRetriedUntilDelivered() {
        simulator.settings().throttleFraction(0.5);
        List<String> ids = new ArrayList<>();
        Map<String, String> numbers = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            String to = newNumber();
            String id = send(Map.of("to", to, "text", "throttled " + i)).get("id").asString();
            ids.add(id);
            numbers.put(id, to);
        }
        for (String id : ids) {
            awaitStatus(id, "DELIVERED");
        }
        assertThat(ids.stream().mapToInt(id -> api.get("/api/v1/messages/" + id).json().get("attempts").asInt()).sum())
                .as("some attempts were refused and retried").isGreaterThan(20);
        ids.forEach(id -> assertThat(simulator.inbox(numbers.get(id))).hasSize(1));
    }

    @Test
    void aPermanentErrorFailsTheMessageWithTheOperatorsReason() {
        simulator.settings().submitError(1.0, 0x0B);
        JsonNode accepted = send(Map.of("to", newNumber(), "text", "to a barred destination"));
        JsonNode failed = awaitStatus(accepted.get("id").asString(), "FAILED");
        assertThat(failed.get("failureCode").asString()).isEqualTo("0x0000000B");
        assertThat(failed.get("failureReason").asString()).contains("RINVDSTADR");
    }

    @Test
    void anUndeliverableReceiptMakesTheMessageUndelivered() {
        String to = newNumber();
        simulator.settings().forcedOutcome(to, org.risala.simulator.ReceiptStat.UNDELIV);
        JsonNode accepted = send(Map.of("to", to, "text", "to a handset that is off"));
        JsonNode message = awaitStatus(accepted.get("id").asString(), "UNDELIVERED");
        assertThat(message.get("failureReason").asString()).contains("UNDELIVERED");
    }

    @Test
    void aReceiptArrivingBeforeItsSubmitResponseIsStillMatched() {
        simulator.settings().receiptBeforeResponse(true);
        String id = send(Map.of("to", newNumber(), "text", "early receipt")).get("id").asString();
        awaitStatus(id, "DELIVERED");
    }

    @Test
    void duplicatedReceiptsDoNotChangeADeliveredMessage() {
        simulator.settings().duplicateReceipts(true);
        String id = send(Map.of("to", newNumber(), "text", "receipt twice")).get("id").asString();
        JsonNode message = awaitStatus(id, "DELIVERED");
        assertThat(message.get("timeline")).hasSize(3);
    }

    @Test
    void messagesInFlightWhenTheOperatorDropsTheLinkAreAllDelivered() {
        List<Map<String, Object>> batch = new ArrayList<>();
        Map<Integer, String> numbers = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            String to = newNumber();
            numbers.put(i, to);
            batch.add(Map.of("to", to, "text", "mid-stream " + i));
        }
        ApiCalls.Response r = api.post("/api/v1/messages/batch", Map.of("messages", batch));
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().partsAccepted() > 0);
        simulator.dropConnections();
        for (JsonNode item : r.json().get("results")) {
            awaitStatus(item.get("id").asString(), "DELIVERED");
        }
        numbers.values().forEach(to -> assertThat(simulator.inbox(to)).isNotEmpty());
    }
}
