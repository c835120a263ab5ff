package org.risala.simulator;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameter.Message_state.Message_state_enum;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.sms.ConcatenationHeader;
import org.risala.sms.Encoding;
import org.risala.sms.SmsCodec;

class SmscSimulatorTests {

    private static final String HANDSET = "96891234567";
    private static final String ARABIC = "مخالفة مرورية: يرجى السداد خلال ٣٠ يوماً";

    private final SimulatorSettings settings = new SimulatorSettings().receiptDelay(ofMillis(20)).receiptSenders(4);
    private final SmscSimulator simulator = new SmscSimulator(settings);
    private final List<TestEsme> esmes = new ArrayList<>();

    @BeforeEach
    void start() {
        simulator.start(0);
    }

    @AfterEach
    void stop() {
        esmes.forEach(TestEsme::close);
        simulator.stop();
    }

    @Test
    void listensOnAnEphemeralLoopbackPort() {
        assertThat(simulator.port()).isPositive().isNotEqualTo(2775);
    }

    @Test
    void answersASubmitWithAMessageIdAndPutsTheTextInTheHandsetsInbox() throws Exception {
        TestEsme esme = bind(BindType.BIND_TX, "risala");

        String id = esme.submit(HANDSET, gsm("Your permit is ready"), (byte) 0, TestEsme.PLAIN);

        assertThat(id).matches("[0-9A-F]{8}");
        assertThat(simulator.inbox("+" + HANDSET)).singleElement().satisfies(message -> {
            assertThat(message.to()).isEqualTo("+" + HANDSET);
            assertThat(message.from()).isEqualTo("90085");
            assertThat(message.text()).isEqualTo("Your permit is ready");
            assertThat(message.encoding()).isEqualTo("GSM7");
            assertThat(message.parts()).isEqualTo(1);
            assertThat(message.messageIds()).containsExactly(id);
        });
        assertThat(simulator.inbox(HANDSET)).hasSize(1);
        assertThat(simulator.stats().partsAccepted()).isEqualTo(1);
    }

    @Test
    void successiveSubmitsGetIncreasingIds() throws Exception {
        TestEsme esme = bind(BindType.BIND_TX, "risala");

        long first = Long.parseLong(esme.submit(HANDSET, gsm("one"), (byte) 0, TestEsme.PLAIN), 16);
        long second = Long.parseLong(esme.submit(HANDSET, gsm("two"), (byte) 0, TestEsme.PLAIN), 16);

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void receiptCarriesTheDecimalFormOfTheHexResponseId() throws Exception {
        TestEsme esme = bind(BindType.BIND_TRX, "risala");

        String hexId = esme.submit(HANDSET, gsm("Your visa application was approved"), (byte) 0, TestEsme.PLAIN);

        DeliverSm receipt = awaitReceipts(esme, 1).get(0);
        String decimal = Long.toString(Long.parseLong(hexId, 16));
        assertThat(TestEsme.receiptTextId(receipt)).isEqualTo(decimal).isNotEqualTo(hexId);
        assertThat(receipt.getOptionalParameter(OptionalParameter.Receipted_message_id.class).getValueAsString())
                .isEqualTo(decimal);
        assertThat(receipt.getOptionalParameter(OptionalParameter.Message_state.class).getMessageState())
                .isEqualTo(Message_state_enum.DELIVERED);
        assertThat(receipt.getEsmClass()).isEqualTo((byte) 0x04);
        assertThat(receipt.getSourceAddr()).isEqualTo(HANDSET);
        assertThat(receipt.getDestAddress()).isEqualTo("90085");
        assertThat(TestEsme.receiptText(receipt))
                .matches("id:" + decimal + " sub:001 dlvrd:001 submit date:\\d{10} done date:\\d{10} stat:DELIVRD "
                        + "err:000 text:Your visa applicatio");
        assertThat(receipt.getShortMessageAsDeliveryReceipt().getFinalStatus().name()).isEqualTo("DELIVRD");
    }

    @Test
    void decimalStyleUsesTheSameIdInResponseAndReceipt() throws Exception {
        settings.messageIdStyle(MessageIdStyle.DECIMAL);
        TestEsme esme = bind(BindType.BIND_TRX, "risala");

        String id = esme.submit(HANDSET, gsm("hello"), (byte) 0, TestEsme.PLAIN);

        assertThat(id).matches("\\d+");
        assertThat(TestEsme.receiptTextId(awaitReceipts(esme, 1).get(0))).isEqualTo(id);
    }

    @Test
    void noReceiptWhenNoneWasRequested() throws Exception {
        TestEsme esme = bind(BindType.BIND_TRX, "risala");

        esme.submit(HANDSET, gsm("no receipt"), (byte) 0, TestEsme.PLAIN, new RegisteredDelivery(0));
        esme.submit(HANDSET, gsm("with receipt"), (byte) 0, TestEsme.PLAIN);

        assertThat(TestEsme.receiptText(awaitReceipts(esme, 1).get(0))).endsWith("text:with receipt");
        assertThat(esme.receipts).hasSize(1);
    }

    @Test
    void forcedOutcomeGivesAnUndeliverableReceiptForThatNumberOnly() throws Exception {
        settings.forcedOutcome("+96899999999", ReceiptStat.UNDELIV);
        TestEsme esme = bind(BindType.BIND_TRX, "risala");

        String failing = esme.submit("96899999999", gsm("bad"), (byte) 0, TestEsme.PLAIN);
        esme.submit(HANDSET, gsm("good"), (byte) 0, TestEsme.PLAIN);

        List<DeliverSm> receipts = awaitReceipts(esme, 2);
        DeliverSm undelivered = receipts.stream().filter(r -> r.getSourceAddr().equals("96899999999")).findFirst()
                .orElseThrow();
        assertThat(TestEsme.receiptTextId(undelivered)).isEqualTo(Long.toString(Long.parseLong(failing, 16)));
        assertThat(TestEsme.receiptText(undelivered)).contains("dlvrd:000", "stat:UNDELIV", "err:001");
        assertThat(undelivered.getOptionalParameter(OptionalParameter.Message_state.class).getMessageState())
                .isEqualTo(Message_state_enum.UNDELIVERABLE);
        assertThat(receipts).filteredOn(r -> r.getSourceAddr().equals(HANDSET))
                .allSatisfy(r -> assertThat(TestEsme.receiptText(r)).contains("stat:DELIVRD"));
    }

    @Test
    void outcomeMixDecidesTheStat() throws Exception {
        settings.outcomes(new OutcomeMix(0, 0, 1, 0));
        TestEsme esme = bind(BindType.BIND_TRX, "risala");

        esme.submit(HANDSET, gsm("late"), (byte) 0, TestEsme.PLAIN);

        assertThat(TestEsme.receiptText(awaitReceipts(esme, 1).get(0))).contains("stat:EXPIRED");
    }

    @Test
    void reassemblesAThreePartUdhMessageWhateverTheOrderOfItsParts() throws Exception {
        TestEsme esme = bind(BindType.BIND_TX, "risala");
        String[] texts = {"A".repeat(153), "B".repeat(153), "The end."};
        List<String> ids = new ArrayList<>();

        for (int sequence : new int[] {3, 1, 2}) {
            byte[] udh = new ConcatenationHeader(0x2A, 3, sequence, false).toUdh();
            ids.add(esme.submit(HANDSET, concat(udh, gsm(texts[sequence - 1])), (byte) 0, TestEsme.UDHI));
            if (sequence != 2) {
                assertThat(simulator.inbox(HANDSET)).isEmpty();
            }
        }

        assertThat(simulator.inbox(HANDSET)).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo(texts[0] + texts[1] + texts[2]);
            assertThat(message.parts()).isEqualTo(3);
            assertThat(message.messageIds()).containsExactly(ids.get(1), ids.get(2), ids.get(0));
        });
        assertThat(simulator.stats().handsetMessages()).isEqualTo(1);
    }

    @Test
    void keepsPartsOfDifferentReferencesApart() throws Exception {
        TestEsme esme = bind(BindType.BIND_TX, "risala");

        esme.submit(HANDSET, concat(new ConcatenationHeader(1, 2, 1, false).toUdh(), gsm("first ")), (byte) 0,
                TestEsme.UDHI);
        esme.submit(HANDSET, concat(new ConcatenationHeader(2, 2, 2, false).toUdh(), gsm("other")), (byte) 0,
                TestEsme.UDHI);

        assertThat(simulator.inbox(HANDSET)).isEmpty();
    }

    @Test
    void reassemblesSarTlvParts() throws Exception {
        TestEsme esme = bind(BindType.BIND_TX, "risala");

        for (int sequence = 1; sequence <= 2; sequence++) {
            esme.submit(HANDSET, gsm(sequence == 1 ? "Part one, " : "part two."), (byte) 0, TestEsme.PLAIN,
                    OptionalParameters.newSarMsgRefNum(0x1234), OptionalParameters.newSarTotalSegments(2),
                    OptionalParameters.newSarSegmentSeqnum(sequence));
        }

        assertThat(simulator.inbox(HANDSET)).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("Part one, part two.");
            assertThat(message.parts()).isEqualTo(2);
        });
    }

    @Test
    void readsTheTextOfAMessagePayload() throws Exception {
        TestEsme esme = bind(BindType.BIND_TX, "risala");
        String text = "A long alert ".repeat(30);

        esme.submit(HANDSET, new byte[0], (byte) 0, TestEsme.PLAIN, new OptionalParameter.Message_payload(gsm(text)));

        assertThat(simulator.inbox(HANDSET)).singleElement().extracting(HandsetMessage::text).isEqualTo(text);
    }

    @Test
    void arabicInUcs2RoundTrips() throws Exception {
        TestEsme esme = bind(BindType.BIND_TRX, "risala");

        esme.submit(HANDSET, ARABIC.getBytes(StandardCharsets.UTF_16BE), (byte) 0x08, TestEsme.PLAIN);

        assertThat(simulator.inbox(HANDSET)).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo(ARABIC);
            assertThat(message.encoding()).isEqualTo("UCS2");
        });
        assertThat(TestEsme.receiptText(awaitReceipts(esme, 1).get(0))).endsWith("text:?????? ??????: ???? ");
    }

    @Test
    void throttlesEverySubmitAtFractionOne() throws Exception {
        settings.throttleFraction(1.0);
        TestEsme esme = bind(BindType.BIND_TX, "risala");

        assertThatThrownBy(() -> esme.submit(HANDSET, gsm("hi"), (byte) 0, TestEsme.PLAIN))
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(0x58));
        assertThat(simulator.inbox(HANDSET)).isEmpty();
        assertThat(simulator.stats().submitsRefused()).isEqualTo(1);

        settings.throttleFraction(0);
        assertThat(esme.submit(HANDSET, gsm("hi"), (byte) 0, TestEsme.PLAIN)).isNotBlank();
    }

    @Test
    void answersTheConfiguredSubmitError() throws Exception {
        settings.submitError(1.0, 0x0B);
        TestEsme esme = bind(BindType.BIND_TX, "risala");

        assertThatThrownBy(() -> esme.submit(HANDSET, gsm("hi"), (byte) 0, TestEsme.PLAIN))
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(0x0B));
    }

    @Test
    void aResponseDelayLongerThanTheClientsTimerTimesTheSubmitOut() throws Exception {
        settings.responseDelay(ofMillis(600));
        TestEsme esme = bind(BindType.BIND_TX, "risala");
        esme.session.setTransactionTimer(150);

        assertThatThrownBy(() -> esme.submit(HANDSET, gsm("slow"), (byte) 0, TestEsme.PLAIN))
                .isInstanceOf(ResponseTimeoutException.class);
        // the simulator still accepted it, as a slow SMSC would: the outcome was unknown to the client, not "failed"
        await().atMost(ofSeconds(2)).until(() -> simulator.inbox(HANDSET).size() == 1);
    }

    @Test
    void refusesBindsWhileTheFaultIsOn() throws Exception {
        settings.refuseBinds(true);

        assertThatThrownBy(() -> TestEsme.bind(simulator, BindType.BIND_TRX, "risala"))
                .isInstanceOf(IOException.class);
        assertThat(simulator.stats().boundSessions()).isZero();

        settings.refuseBinds(false);
        assertThat(bind(BindType.BIND_TRX, "risala").session.getSessionState()).isEqualTo(SessionState.BOUND_TRX);
    }

    @Test
    void droppingConnectionsClosesTheClientsSession() throws Exception {
        TestEsme esme = bind(BindType.BIND_TRX, "risala");
        assertThat(simulator.hasReceiver()).isTrue();

        simulator.dropConnections();

        await().atMost(ofSeconds(3)).until(() -> esme.session.getSessionState() == SessionState.CLOSED);
        await().atMost(ofSeconds(3)).until(() -> !simulator.hasReceiver());
        assertThat(bind(BindType.BIND_TRX, "risala").session.getSessionState()).isEqualTo(SessionState.BOUND_TRX);
    }

    @Test
    void unbindAllUnbindsEveryClient() throws Exception {
        TestEsme tx = bind(BindType.BIND_TX, "risala");
        TestEsme rx = bind(BindType.BIND_RX, "risala");

        simulator.unbindAll();

        // jSMPP waits out its unbind timers on each side; under a loaded CI machine that takes a few seconds
        await().atMost(ofSeconds(10)).until(() -> tx.session.getSessionState() == SessionState.CLOSED
                && rx.session.getSessionState() == SessionState.CLOSED);
        assertThat(simulator.stats().boundSessions()).isZero();
    }

    @Test
    void sendsEachReceiptTwiceWhenDuplicatesAreOn() throws Exception {
        settings.duplicateReceipts(true);
        TestEsme esme = bind(BindType.BIND_TRX, "risala");

        esme.submit(HANDSET, gsm("twice"), (byte) 0, TestEsme.PLAIN);

        List<DeliverSm> receipts = awaitReceipts(esme, 2);
        assertThat(receipts).extracting(TestEsme::receiptTextId).containsOnly(TestEsme.receiptTextId(receipts.get(0)));
    }

    @Test
    void receiptBeforeResponseDeliversTheReceiptBeforeSubmitReturns() throws Exception {
        settings.receiptBeforeResponse(true).receiptDelay(ofSeconds(30));
        TestEsme esme = bind(BindType.BIND_TRX, "risala");

        String id = esme.submit(HANDSET, gsm("race"), (byte) 0, TestEsme.PLAIN);

        // no waiting: the receipt was acknowledged before the submit_sm_resp was written
        assertThat(esme.receipts).singleElement()
                .satisfies(r -> assertThat(TestEsme.receiptTextId(r)).isEqualTo(Long.toString(Long.parseLong(id, 16))));
    }

    @Test
    void routesReceiptsToAReceiverOfTheSubmittingSystemId() throws Exception {
        TestEsme transmitter = bind(BindType.BIND_TX, "risala");
        TestEsme ownReceiver = bind(BindType.BIND_RX, "risala");
        TestEsme otherReceiver = bind(BindType.BIND_RX, "someone-else");

        for (int i = 0; i < 5; i++) {
            transmitter.submit(HANDSET, gsm("m" + i), (byte) 0, TestEsme.PLAIN);
        }

        awaitReceipts(ownReceiver, 5);
        assertThat(otherReceiver.receipts).isEmpty();
        assertThat(transmitter.receipts).isEmpty();
    }

    @Test
    void retriesAReceiptTheClientAnsweredWithAnError() throws Exception {
        TestEsme esme = bind(BindType.BIND_TRX, "risala");
        esme.refuseNext.set(2);

        esme.submit(HANDSET, gsm("persistent"), (byte) 0, TestEsme.PLAIN);

        awaitReceipts(esme, 1);
        assertThat(esme.refuseNext).hasValue(0);
        assertThat(simulator.stats().receiptsSent()).isEqualTo(1);
    }

    @Test
    void keepsReceiptsUntilAReceiverBinds() throws Exception {
        TestEsme transmitter = bind(BindType.BIND_TX, "risala");
        transmitter.submit(HANDSET, gsm("waiting"), (byte) 0, TestEsme.PLAIN);

        TestEsme receiver = bind(BindType.BIND_RX, "risala");

        assertThat(TestEsme.receiptText(awaitReceipts(receiver, 1).get(0))).endsWith("text:waiting");
    }

    @Test
    void injectsAnMoMessageToABoundReceiver() throws Exception {
        TestEsme esme = bind(BindType.BIND_TRX, "risala");

        MoResult result = simulator.injectMo("+96891234567", "90085", "PAY 1234");

        assertThat(result.parts()).isEqualTo(1);
        DeliverSm mo = awaitMos(esme, 1).get(0);
        assertThat(mo.isSmscDeliveryReceipt()).isFalse();
        assertThat(mo.getSourceAddr()).isEqualTo(HANDSET);
        assertThat(mo.getSourceAddrTon()).isEqualTo((byte) 1);
        assertThat(mo.getSourceAddrNpi()).isEqualTo((byte) 1);
        assertThat(mo.getDestAddress()).isEqualTo("90085");
        assertThat(mo.getDataCoding()).isEqualTo(Encoding.GSM7.dataCoding());
        assertThat(SmsCodec.decode(mo.getDataCoding(), mo.getShortMessage())).isEqualTo("PAY 1234");
        assertThat(simulator.stats().moSent()).isEqualTo(1);
    }

    @Test
    void injectsArabicMoAsUcs2() throws Exception {
        TestEsme esme = bind(BindType.BIND_RX, "risala");

        simulator.injectMo("96891234567", "90085", "مخالفات");

        DeliverSm mo = awaitMos(esme, 1).get(0);
        assertThat(mo.getDataCoding()).isEqualTo((byte) 0x08);
        assertThat(SmsCodec.decode(mo.getDataCoding(), mo.getShortMessage())).isEqualTo("مخالفات");
    }

    @Test
    void splitsALongMoMessageIntoUdhParts() throws Exception {
        TestEsme esme = bind(BindType.BIND_TRX, "risala");
        String text = ARABIC.repeat(4);

        MoResult result = simulator.injectMo("96891234567", "90085", text);

        List<DeliverSm> parts = awaitMos(esme, result.parts());
        assertThat(result.parts()).isGreaterThan(1);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.isUdhi()).isTrue();
            assertThat(ConcatenationHeader.parse(part.getShortMessage())).hasValueSatisfying(header -> {
                assertThat(header.total()).isEqualTo(result.parts());
                assertThat(header.sixteenBitReference()).isFalse();
            });
        });
        StringBuilder reassembled = new StringBuilder();
        parts.stream()
                .sorted(Comparator.comparingInt(p -> ConcatenationHeader.parse(p.getShortMessage()).orElseThrow()
                        .sequence()))
                .forEach(p -> {
                    byte[] message = p.getShortMessage();
                    int udh = ConcatenationHeader.udhLength(message);
                    reassembled.append(SmsCodec.decode(p.getDataCoding(),
                            java.util.Arrays.copyOfRange(message, udh, message.length)));
                });
        assertThat(reassembled.toString()).isEqualTo(text);
    }

    @Test
    void injectingMoWithoutAReceiverFailsClearly() throws Exception {
        bind(BindType.BIND_TX, "risala");

        assertThatThrownBy(() -> simulator.injectMo("96891234567", "90085", "HELP"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no receiver");
    }

    @Test
    void clearsInboxes() throws Exception {
        TestEsme esme = bind(BindType.BIND_TX, "risala");
        esme.submit(HANDSET, gsm("hello"), (byte) 0, TestEsme.PLAIN);

        simulator.clearInboxes();

        assertThat(simulator.inbox(HANDSET)).isEmpty();
    }

    private TestEsme bind(BindType type, String systemId) throws IOException {
        TestEsme esme = TestEsme.bind(simulator, type, systemId);
        esmes.add(esme);
        return esme;
    }

    private static List<DeliverSm> awaitReceipts(TestEsme esme, int count) {
        await().atMost(ofSeconds(3)).until(() -> esme.receipts.size() >= count);
        return List.copyOf(esme.receipts);
    }

    private static List<DeliverSm> awaitMos(TestEsme esme, int count) {
        await().atMost(ofSeconds(3)).until(() -> esme.mos.size() >= count);
        return List.copyOf(esme.mos);
    }

    private static byte[] gsm(String text) {
        return SmsCodec.encode(Encoding.GSM7, text);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
