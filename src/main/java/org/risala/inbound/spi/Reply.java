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

    private static final String UNAVAILABLE_EN = "The service is temporarily unavailable. Please try again later.";
    private static final String UNAVAILABLE_AR = "الخدمة غير متاحة مؤقتا. يرجى المحاولة لاحقا.";

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

    /** the answer when something went wrong on Risala's side or the back office's: it says nothing about the record */
    public static Reply temporarilyUnavailable(Language language) {
        return of(language == Language.AR ? UNAVAILABLE_AR : UNAVAILABLE_EN, Outcome.FAILED);
    }

    public boolean isSilent() {
        return text == null;
    }
}
