package org.risala.simulator;

/**
 * Shares of the receipt outcomes. Any non-negative weights are accepted and read relative to their sum, so
 * {@code (1, 1, 0, 0)} means half delivered, half undeliverable.
 */
public record OutcomeMix(double delivered, double undelivered, double expired, double rejected) {

    public static final OutcomeMix ALL_DELIVERED = new OutcomeMix(1, 0, 0, 0);

    public OutcomeMix {
        if (delivered < 0 || undelivered < 0 || expired < 0 || rejected < 0) {
            throw new IllegalArgumentException("outcome shares must not be negative");
        }
        if (delivered + undelivered + expired + rejected <= 0) {
            throw new IllegalArgumentException("at least one outcome share must be positive");
        }
    }

    /** @param uniform a random number in [0, 1) */
    ReceiptStat pick(double uniform) {
        double point = uniform * (delivered + undelivered + expired + rejected);
        if (point < delivered) {
            return ReceiptStat.DELIVRD;
        }
        if (point < delivered + undelivered) {
            return ReceiptStat.UNDELIV;
        }
        if (point < delivered + undelivered + expired) {
            return ReceiptStat.EXPIRED;
        }
        return ReceiptStat.REJECTD;
    }
}
