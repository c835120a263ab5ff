package org.risala.simulator;

import org.jsmpp.bean.OptionalParameter.Message_state.Message_state_enum;

/** The final outcomes the simulator reports in receipts, named as in the receipt's {@code stat:} field. */
public enum ReceiptStat {
    DELIVRD(Message_state_enum.DELIVERED, "000"),
    UNDELIV(Message_state_enum.UNDELIVERABLE, "001"),
    EXPIRED(Message_state_enum.EXPIRED, "027"),
    REJECTD(Message_state_enum.REJECTED, "069");

    private final Message_state_enum messageState;
    private final String errorCode;

    ReceiptStat(Message_state_enum messageState, String errorCode) {
        this.messageState = messageState;
        this.errorCode = errorCode;
    }

    Message_state_enum messageState() {
        return messageState;
    }

    /** an illustrative err: value, non-zero for failures so callers can see it carried through */
    String errorCode() {
        return errorCode;
    }
}
