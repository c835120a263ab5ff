package org.risala.smpp;

/** The message states a delivery receipt can report (SMPP 3.4 message_state / receipt stat:). */
public enum ReceiptState {
    ENROUTE(false), DELIVERED(true), EXPIRED(true), DELETED(true), UNDELIVERED(true), ACCEPTED(true),
    UNKNOWN(true), REJECTED(true);

    private final boolean finalState;

    ReceiptState(boolean finalState) {
        this.finalState = finalState;
    }

    public boolean isFinal() {
        return finalState;
    }
}
