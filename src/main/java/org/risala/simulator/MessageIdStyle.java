package org.risala.simulator;

/** How the simulator writes the message id of one part in the submit_sm_resp and in its receipt. */
public enum MessageIdStyle {
    /**
     * Hex in the submit_sm_resp, decimal of the same number in the receipt text and receipted_message_id, as many
     * real SMSCs do (the hex/decimal trap of docs/sms-reference.md §1.9).
     */
    HEX_RESP_DECIMAL_RECEIPT,
    /** Decimal everywhere. */
    DECIMAL;

    String inResponse(long id) {
        return this == DECIMAL ? Long.toString(id) : Long.toHexString(id).toUpperCase(java.util.Locale.ROOT);
    }

    String inReceipt(long id) {
        return Long.toString(id);
    }
}
