package org.risala.outbound;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an outbound message. Transitions are guarded: a final status never changes again, so a late or
 * repeated receipt cannot move a message backwards.
 */
public enum MessageStatus {
    /** stored and waiting to be sent (also while being retried, or scheduled for later) */
    QUEUED("Accepted and stored; waiting to be sent, scheduled, or being retried."),
    /** every part was accepted by an operator's SMSC; waiting for the delivery receipt */
    SUBMITTED("Accepted by the operator; waiting for the delivery receipt."),
    DELIVERED("The operator reports every part delivered to the handset."),
    UNDELIVERED("The operator could not deliver it (e.g. handset off for too long, number barred)."),
    EXPIRED("Its validity period ended before it could be sent or delivered."),
    REJECTED("The operator rejected it (e.g. content filter, sender not allowed)."),
    FAILED("It could not be sent: the operator refused it permanently (e.g. invalid destination)."),
    UNKNOWN("The operator accepted it but no delivery receipt came within the configured time.");

    private final String meaning;

    MessageStatus(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    public boolean isFinal() {
        return this != QUEUED && this != SUBMITTED;
    }

    public boolean canMoveTo(MessageStatus next) {
        return allowedNext().contains(next);
    }

    private Set<MessageStatus> allowedNext() {
        return switch (this) {
            case QUEUED -> EnumSet.of(SUBMITTED, EXPIRED, FAILED);
            // a message that got its receipt late after being declared UNKNOWN is not reopened
            case SUBMITTED -> EnumSet.of(DELIVERED, UNDELIVERED, EXPIRED, REJECTED, FAILED, UNKNOWN);
            default -> EnumSet.noneOf(MessageStatus.class);
        };
    }
}
