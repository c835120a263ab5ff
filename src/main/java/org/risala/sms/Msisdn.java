package org.risala.sms;

import java.util.regex.Pattern;

/**
 * A mobile subscriber number in E.164 form with a leading '+', e.g. {@code +96891234567}.
 * <p>
 * Build one from user input with {@link MsisdnParser}; the constructor only checks the shape, not whether the number
 * exists or is a mobile. {@link #toString()} is masked so that a number logged by accident does not leak.
 */
public record Msisdn(String e164) {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

    private static final String OMAN_PREFIX = "+968";

    /** '+', 968 and 8 national digits */
    private static final int OMAN_LENGTH = 12;

    public Msisdn {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number with a leading '+': " + e164);
        }
    }

    /** For values that were parsed and validated before, e.g. read back from the database. */
    public static Msisdn of(String e164) {
        return new Msisdn(e164);
    }

    /** The number without '+', as SMPP destination and source addresses carry it. */
    public String digits() {
        return e164.substring(1);
    }

    /**
     * The number with its middle digits hidden: {@code +96891****67}. For Omani numbers the operator prefix stays
     * visible (it is what support staff ask about); elsewhere the first 5 characters and the last 2.
     */
    public String masked() {
        int keepStart = e164.startsWith(OMAN_PREFIX) && e164.length() == OMAN_LENGTH ? 6 : 5;
        int keepEnd = 2;
        return e164.substring(0, keepStart)
                + "*".repeat(e164.length() - keepStart - keepEnd)
                + e164.substring(e164.length() - keepEnd);
    }

    /**
     * A stored number masked for a page or a log; anything that is not E.164 (should not happen for stored numbers)
     * is hidden whole, as it cannot be told apart.
     */
    public static String masked(String stored) {
        try {
            return of(stored).masked();
        } catch (IllegalArgumentException e) {
            return "••••";
        }
    }

    @Override
    public String toString() {
        return masked();
    }
}
