package org.risala.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulator does, changeable while it runs (the HTTP fault API and tests flip these between messages).
 * Every field is volatile and read once per PDU, so a change applies from the next submit_sm on.
 * {@link #receiptSenders()} is read only by {@link SmscSimulator#start(int)}.
 */
public final class SimulatorSettings {

    private volatile MessageIdStyle messageIdStyle = MessageIdStyle.HEX_RESP_DECIMAL_RECEIPT;
    private volatile Duration receiptDelay = Duration.ofMillis(100);
    private volatile int receiptSenders = 32;
    private volatile OutcomeMix outcomes = OutcomeMix.ALL_DELIVERED;
    private final Map<String, ReceiptStat> forcedOutcomes = new ConcurrentHashMap<>();

    private volatile double throttleFraction;
    private volatile double submitErrorFraction;
    private volatile int submitErrorStatus = 0x14;
    private volatile Duration responseDelay = Duration.ZERO;
    private volatile boolean refuseBinds;
    private volatile boolean duplicateReceipts;
    private volatile boolean receiptBeforeResponse;

    public MessageIdStyle messageIdStyle() {
        return messageIdStyle;
    }

    public SimulatorSettings messageIdStyle(MessageIdStyle style) {
        this.messageIdStyle = Objects.requireNonNull(style);
        return this;
    }

    /** time between the submit_sm_resp going out and the part's receipt going out */
    public Duration receiptDelay() {
        return receiptDelay;
    }

    public SimulatorSettings receiptDelay(Duration delay) {
        this.receiptDelay = nonNegative(delay, "receiptDelay");
        return this;
    }

    /** threads sending receipts; each waits for its deliver_sm_resp, so this bounds receipts in flight */
    public int receiptSenders() {
        return receiptSenders;
    }

    public SimulatorSettings receiptSenders(int senders) {
        if (senders < 1) {
            throw new IllegalArgumentException("receiptSenders must be at least 1");
        }
        this.receiptSenders = senders;
        return this;
    }

    public OutcomeMix outcomes() {
        return outcomes;
    }

    public SimulatorSettings outcomes(OutcomeMix mix) {
        this.outcomes = Objects.requireNonNull(mix);
        return this;
    }

    /** every part to this handset gets this outcome, whatever the mix says */
    public SimulatorSettings forcedOutcome(String e164, ReceiptStat stat) {
        forcedOutcomes.put(Numbers.toE164(e164), Objects.requireNonNull(stat));
        return this;
    }

    public SimulatorSettings clearForcedOutcomes() {
        forcedOutcomes.clear();
        return this;
    }

    public Map<String, ReceiptStat> forcedOutcomes() {
        return Map.copyOf(forcedOutcomes);
    }

    ReceiptStat outcomeFor(String e164, double uniform) {
        ReceiptStat forced = forcedOutcomes.get(e164);
        return forced != null ? forced : outcomes.pick(uniform);
    }

    /** share of submit_sm answered with ESME_RTHROTTLED (0x58) */
    public double throttleFraction() {
        return throttleFraction;
    }

    public SimulatorSettings throttleFraction(double fraction) {
        this.throttleFraction = fraction(fraction, "throttleFraction");
        return this;
    }

    /** share of submit_sm (among those not throttled) answered with {@link #submitErrorStatus()} */
    public double submitErrorFraction() {
        return submitErrorFraction;
    }

    public int submitErrorStatus() {
        return submitErrorStatus;
    }

    /** e.g. {@code submitError(0.1, 0x14)} answers one submit in ten with ESME_RMSGQFUL */
    public SimulatorSettings submitError(double fraction, int status) {
        if (status <= 0) {
            throw new IllegalArgumentException("submitErrorStatus must be a non-zero command_status");
        }
        this.submitErrorStatus = status;
        this.submitErrorFraction = fraction(fraction, "submitErrorFraction");
        return this;
    }

    /** how long each submit_sm waits before it is answered, to push clients past their response timer */
    public Duration responseDelay() {
        return responseDelay;
    }

    public SimulatorSettings responseDelay(Duration delay) {
        this.responseDelay = nonNegative(delay, "responseDelay");
        return this;
    }

    /** refuse every bind with ESME_RBINDFAIL (TX) or ESME_RINVPASWD (RX, TRX), as for a wrong password */
    public boolean refuseBinds() {
        return refuseBinds;
    }

    public SimulatorSettings refuseBinds(boolean refuse) {
        this.refuseBinds = refuse;
        return this;
    }

    /** send every receipt twice, as an SMSC does when it believes the first deliver_sm_resp was lost */
    public boolean duplicateReceipts() {
        return duplicateReceipts;
    }

    public SimulatorSettings duplicateReceipts(boolean duplicate) {
        this.duplicateReceipts = duplicate;
        return this;
    }

    /** deliver the receipt before the submit_sm_resp is written (the receipt-before-response race) */
    public boolean receiptBeforeResponse() {
        return receiptBeforeResponse;
    }

    public SimulatorSettings receiptBeforeResponse(boolean early) {
        this.receiptBeforeResponse = early;
        return this;
    }

    /** switches every fault off and restores the all-delivered outcome; id style and delays stay */
    public SimulatorSettings clearFaults() {
        throttleFraction = 0;
        submitErrorFraction = 0;
        submitErrorStatus = 0x14;
        responseDelay = Duration.ZERO;
        refuseBinds = false;
        duplicateReceipts = false;
        receiptBeforeResponse = false;
        outcomes = OutcomeMix.ALL_DELIVERED;
        forcedOutcomes.clear();
        return this;
    }

    private static double fraction(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
        return value;
    }

    private static Duration nonNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive");
        }
        return value;
    }
}
