package org.risala.smpp;

import java.util.List;

/**
 * How an operator answered a {@link Submission}. {@code parts} holds the parts accepted in this attempt; when
 * {@code outcome} is not {@link Outcome#ACCEPTED} the remaining parts were not accepted.
 */
public record SubmitResult(Outcome outcome, List<PartAccepted> parts, int commandStatus, String reason) {

    public enum Outcome {
        /** every part was accepted by the SMSC */
        ACCEPTED,
        /** try again later (throttled, queue full, system error, link down before writing) */
        RETRY,
        /** sent but the answer never came (timeout, link lost after writing): may have reached the SMSC */
        UNKNOWN,
        /** the SMSC refused this message for good (e.g. invalid destination) */
        PERMANENT
    }

    /** one accepted part: 1-based part number, total parts, and the SMSC's message id normalised for receipt matching */
    public record PartAccepted(int partNumber, int totalParts, String smscMessageId) {
    }
}
