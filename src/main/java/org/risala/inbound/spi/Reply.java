package org.risala.inbound.spi;

import java.util.Objects;

/**
 * A keyword service's answer to one command: the text sent back to the citizen, and what kind of answer it was,
 * for figures and the audit. {@link #silence} sends nothing.
 */
public record Reply(String text, Outcome outcome) {

    /** what kind of answer a command got */
    public enum Outcome {
        /** the back office had the record */
        FOUND,
        /** the back office answered that there is no such record */
        NOT_FOUND,
        /** the arguments were missing or not valid: the reply is the usage */
        INVALID,
        /** the back office was slow, down or answered nonsense: the reply says "temporarily unavailable" */
        FAILED,
        /** the command was carried out, e.g. a subscription */
        DONE,
        /** HELP */
        HELP,
        /** no service has this keyword */
        UNKNOWN,
        /** the number sent too many commands, or looked up too many different records */
        LIMITED
    }

    public Reply {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static Reply of(String text, Outcome outcome) {
        Objects.requireNonNull(text, "text");
        return new Reply(text, outcome);
    }

    /** nothing is sent back (a number over its limit gets one polite reply, then this) */
    public static Reply silence(Outcome outcome) {
        return new Reply(null, outcome);
    }

    public boolean isSilent() {
        return text == null;
    }
}
