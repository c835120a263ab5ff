package org.risala.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.risala.smpp.SmppProperties.BindMode;
import org.risala.simulator.HandsetMessage;
import org.risala.smpp.SmppProperties.Concatenation;
import org.risala.smpp.SubmitResult.Outcome;

class SmppOperatorLinksIntegrationTests {

    private static final String HANDSET = "+96891234567";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final OperatorLinksHarness harness = new OperatorLinksHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    private static Submission submission(String text) {
        return submission(HANDSET, text, false);
    }

    private static Submission submission(String destination, String text, boolean highPriority) {
        return new Submission("m-1", OperatorLinksHarness.OPERATOR, destination, null, text, highPriority, 42,
                Instant.now().plus(Duration.ofHours(1)), null, Set.of());
    }

    private SmppOperatorLinks bound(SmppOperatorLinks links) {
        await().atMost(WAIT).until(() -> links.canTransmit(OperatorLinksHarness.OPERATOR));
        return links;
    }

    private static SubmitResult result(CompletableFuture<SubmitResult> future) throws Exception {
        return future.get(15, TimeUnit.SECONDS);
    }

    @Test
    void submitsAndMatchesTheReceiptDespiteHexAndDecimalIds() throws Exception {
        SmppOperatorLinks links = bound(harness.start(harness.operator()));

        SubmitResult result = result(links.submit(submission("Your code is 4821")));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(result.parts()).hasSize(1);
        String id = result.parts().get(0).smscMessageId();
        await().atMost(WAIT).until(() -> !harness.events(DeliveryReceiptReceived.class).isEmpty());
        DeliveryReceiptReceived receipt = harness.events(DeliveryReceiptReceived.class).get(0);
        assertThat(receipt.smscMessageId()).isEqualTo(id);
        assertThat(receipt.operator()).isEqualTo(OperatorLinksHarness.OPERATOR);
        assertThat(receipt.state()).isEqualTo(ReceiptState.DELIVERED);
        // the simulator answered in hex: the normalised id is its decimal value
        String hex = harness.simulator.inbox(HANDSET).get(0).messageIds().get(0);
        assertThat(id).isEqualTo(Long.toString(Long.parseLong(hex, 16)));
        HandsetMessage message = harness.simulator.inbox(HANDSET).get(0);
        assertThat(message.text()).isEqualTo("Your code is 4821");
        assertThat(message.from()).isEqualTo("ROP");
        assertThat(harness.meters.get("risala.smpp.submits").tag("result", "accepted").counter().count())
                .isEqualTo(1);
    }

    @Test
    void withSeparateTransmitterAndReceiverBindsSubmitsGoOutOnOneAndReceiptsAndSmsComeInOnTheOther()
            throws Exception {
        SmppOperatorLinks links = bound(harness.start(harness.operator(BindMode.TRANSMITTER_AND_RECEIVER, 1_000, 20,
                Duration.ofSeconds(2), Concatenation.UDH_8BIT)));
        await().atMost(WAIT).until(harness.simulator::hasReceiver);
        assertThat(links.binds()).extracting(BindStatus::state).containsExactly("BOUND_TX_RX");

        SubmitResult result = result(links.submit(submission("Your code is 7310")));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        await().atMost(WAIT).until(() -> !harness.events(DeliveryReceiptReceived.class).isEmpty());
        assertThat(harness.events(DeliveryReceiptReceived.class).get(0).smscMessageId())
                .isEqualTo(result.parts().get(0).smscMessageId());
        harness.simulator.injectMo(HANDSET, "90085", "VISA V2026000123");
        await().atMost(WAIT).until(() -> !harness.events(SmsReceived.class).isEmpty());
        assertThat(harness.events(SmsReceived.class).get(0).text()).isEqualTo("VISA V2026000123");
    }

    @Test
    void aLongGsmMessageArrivesWholeAtTheHandset() throws Exception {
        SmppOperatorLinks links = bound(harness.start(harness.operator()));
        String text = "Traffic violation notice: speeding on Sultan Qaboos Street at 14:02, fine OMR 50. ".repeat(4);

        SubmitResult result = result(links.submit(submission(text)));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(result.parts()).extracting(SubmitResult.PartAccepted::partNumber).containsExactly(1, 2, 3);
        await().atMost(WAIT).until(() -> !harness.simulator.inbox(HANDSET).isEmpty());
        HandsetMessage message = harness.simulator.inbox(HANDSET).get(0);
        assertThat(message.parts()).isEqualTo(3);
        assertThat(message.encoding()).isEqualTo("GSM7");
        assertThat(message.text()).isEqualTo(text);
        await().atMost(WAIT).until(() -> harness.events(DeliveryReceiptReceived.class).size() == 3);
    }

    @Test
    void arabicGoesAsUcs2AndSarPartsAreReassembledToo() throws Exception {
        SmppOperatorLinks links = bound(harness.start(
                harness.operator(1_000, 20, Duration.ofSeconds(2), Concatenation.SAR)));
        String text = "تم تسجيل مخالفة مرورية على مركبتكم، يرجى السداد خلال ثلاثين يوما لتجنب الغرامة الإضافية";

        SubmitResult result = result(links.submit(submission(text)));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(result.parts()).hasSize(2);
        await().atMost(WAIT).until(() -> !harness.simulator.inbox(HANDSET).isEmpty());
        HandsetMessage message = harness.simulator.inbox(HANDSET).get(0);
        assertThat(message.encoding()).isEqualTo("UCS2");
        assertThat(message.text()).isEqualTo(text);
    }

    @Test
    void partsAlreadySubmittedAreNotSentAgain() throws Exception {
        SmppOperatorLinks links = bound(harness.start(harness.operator()));
        String text = "x".repeat(200);

        SubmitResult result = result(links.submit(new Submission("m-2", OperatorLinksHarness.OPERATOR, HANDSET, null,
                text, false, 9, null, null, Set.of(1))));

        assertThat(result.parts()).extracting(SubmitResult.PartAccepted::partNumber).containsExactly(2);
        assertThat(harness.simulator.stats().partsAccepted()).isEqualTo(1);
    }

    @Test
    void throttlingIsRetriedAndPausesTheBind() throws Exception {
        SmppOperatorLinks links = bound(harness.start(harness.operator()));
        harness.simulator.settings().throttleFraction(1.0);

        SubmitResult throttled = result(links.submit(submission("one")));
        long throttledAt = System.nanoTime();
        harness.simulator.settings().throttleFraction(0);
        SubmitResult next = result(links.submit(submission("two")));

        assertThat(throttled.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(throttled.commandStatus()).isEqualTo(0x58);
        assertThat(throttled.reason()).contains("ESME_RTHROTTLED");
        assertThat(next.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(System.nanoTime() - throttledAt).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(900));
    }

    @Test
    void aPermanentErrorFailsWithAReadableReason() throws Exception {
        SmppOperatorLinks links = bound(harness.start(harness.operator()));
        harness.simulator.settings().submitError(1.0, 0x0B);

        SubmitResult result = result(links.submit(submission("hello")));

        assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT);
        assertThat(result.commandStatus()).isEqualTo(0x0B);
        assertThat(result.reason()).isEqualTo("ESME_RINVDSTADR (0x0000000B) invalid destination address");
    }

    @Test
    void aTemporaryErrorIsRetried() throws Exception {
        SmppOperatorLinks links = bound(harness.start(harness.operator()));
        harness.simulator.settings().submitError(1.0, 0x14);

        SubmitResult result = result(links.submit(submission("hello")));

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.reason()).contains("ESME_RMSGQFUL");
    }

    @Test
    void aMissingResponseIsAnUnknownOutcomeWithinTheTimeout() throws Exception {
        SmppOperatorLinks links = bound(harness.start(
                harness.operator(1_000, 20, Duration.ofMillis(500), Concatenation.UDH_8BIT)));
        harness.simulator.settings().responseDelay(Duration.ofMillis(2_000));
        long started = System.nanoTime();

        SubmitResult result = result(links.submit(submission("hello")));

        assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.MILLISECONDS.toNanos(1_900));
    }

    @Test
    void anInvalidSenderOrNumberIsPermanentAtOnce() throws Exception {
        SmppOperatorLinks links = bound(harness.start(harness.operator()));

        SubmitResult badNumber = result(links.submit(submission("+968 9123", "hello", false)));
        SubmitResult badSender = result(links.submit(new Submission("m-3", OperatorLinksHarness.OPERATOR, HANDSET,
                "RoyalOmanPolice", "hello", false, 1, null, null, Set.of())));

        assertThat(badNumber.outcome()).isEqualTo(Outcome.PERMANENT);
        assertThat(badSender.outcome()).isEqualTo(Outcome.PERMANENT);
        assertThat(badSender.reason()).contains("longer than 11");
        assertThat(harness.simulator.stats().submitsReceived()).isZero();
    }

    @Test
    void withoutABoundBindASubmitIsRetriedAtOnce() throws Exception {
        harness.simulator.settings().refuseBinds(true);
        SmppOperatorLinks links = harness.start(harness.operator());

        SubmitResult result = links.submit(submission("hello")).getNow(null);

        assertThat(result).isNotNull();
        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.reason()).contains("link down");
    }

    @Test
    void aDroppedConnectionIsRebuiltAfterABackoff() throws Exception {
        SmppOperatorLinks links = bound(harness.start(harness.operator()));

        harness.simulator.dropConnections();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> links.binds().get(0).state()
                .equals("BACKING_OFF"));
        assertThat(links.binds().get(0).lastError()).isEqualTo("connection closed");
        assertThat(links.canTransmit(OperatorLinksHarness.OPERATOR)).isFalse();
        bound(links);
        assertThat(links.binds().get(0).state()).isEqualTo("BOUND_TRX");
        assertThat(result(links.submit(submission("after the cut"))).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void aRefusedBindBacksOffVisiblyUntilTheSmscTakesItAgain() {
        harness.simulator.settings().refuseBinds(true);
        SmppOperatorLinks links = harness.start(harness.operator());

        await().atMost(WAIT).until(() -> links.binds().get(0).lastError() != null);
        BindStatus status = links.binds().get(0);
        assertThat(status.state()).isIn("BACKING_OFF", "CONNECTING");
        assertThat(status.lastError()).contains("bind refused").contains("ESME_RBINDFAIL");
        assertThat(status.holder()).isEqualTo("node-a:8080");

        harness.simulator.settings().refuseBinds(false);
        bound(links);
        assertThat(links.binds().get(0).lastError()).isNull();
    }

    @Test
    void neverExceedsTheOperatorsTpsInAnySecond() throws Exception {
        int tps = 20;
        SmppOperatorLinks links = bound(harness.start(
                harness.operator(tps, 50, Duration.ofSeconds(5), Concatenation.UDH_8BIT)));
        List<CompletableFuture<SubmitResult>> futures = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            futures.add(links.submit(submission(HANDSET, "bulk " + i, i % 5 == 0)));
        }
        List<SubmitResult> results = new ArrayList<>();
        for (CompletableFuture<SubmitResult> future : futures) {
            results.add(result(future));
        }

        long accepted = results.stream().filter(r -> r.outcome() == Outcome.ACCEPTED).count();
        assertThat(accepted).as("more than two seconds' worth got through").isGreaterThan(2L * tps);
        await().atMost(WAIT).until(() -> harness.simulator.inbox(HANDSET).size() == accepted);
        List<Instant> arrivals = harness.simulator.inbox(HANDSET).stream().map(HandsetMessage::receivedAt)
                .sorted().toList();
        // arrivals are stamped by the simulator after a loopback hop and a thread handoff, whose jitter on a busy
        // machine reaches a millisecond or two; a limiter that let tps + 1 through would be off by far more
        Duration jitter = Duration.ofMillis(20);
        for (int i = 0; i + tps < arrivals.size(); i++) {
            assertThat(Duration.between(arrivals.get(i), arrivals.get(i + tps)))
                    .as("%d submits within one second from %s", tps + 1, arrivals.get(i))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1).minus(jitter));
        }
    }

    @Test
    void aReceiptBeforeTheResponseIsStillPublished() throws Exception {
        SmppOperatorLinks links = bound(harness.start(harness.operator()));
        harness.simulator.settings().receiptBeforeResponse(true);

        SubmitResult result = result(links.submit(submission("early bird")));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        await().atMost(WAIT).until(() -> harness.events(DeliveryReceiptReceived.class).size() == 1);
        assertThat(harness.events(DeliveryReceiptReceived.class).get(0).smscMessageId())
                .isEqualTo(result.parts().get(0).smscMessageId());
    }

    @Test
    void anSmsFromACitizenIsPublished() {
        bound(harness.start(harness.operator()));

        harness.simulator.injectMo(HANDSET, "90085", "مخالفات 12345");

        await().atMost(WAIT).until(() -> !harness.events(SmsReceived.class).isEmpty());
        SmsReceived sms = harness.events(SmsReceived.class).get(0);
        assertThat(sms.text()).isEqualTo("مخالفات 12345");
        // sent with TON international, so with its country code: written with a + as E.164 writes it
        assertThat(sms.from()).isEqualTo("+96891234567");
        assertThat(sms.to()).isEqualTo("90085");
        assertThat(sms.totalParts()).isEqualTo(1);
    }
}
