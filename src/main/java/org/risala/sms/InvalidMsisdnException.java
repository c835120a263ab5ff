package org.risala.sms;

/**
 * A phone number that Risala will not send to, with the reason and a sentence the caller (an API client, a member of
 * staff, a citizen) can act on. The message may repeat what was typed, so it belongs in the response, not in logs.
 */
public class InvalidMsisdnException extends IllegalArgumentException {

    public enum Reason {
        /** nothing was typed */
        EMPTY,
        /** letters or symbols that are not part of a phone number */
        NOT_A_NUMBER,
        /** digits that do not form a valid number */
        INVALID,
        /** a valid number that cannot receive SMS (fixed line, premium rate, toll free, ...) */
        NOT_MOBILE,
        /** a valid mobile number of another country while only national numbers are allowed */
        FOREIGN
    }

    private final Reason reason;

    public InvalidMsisdnException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
