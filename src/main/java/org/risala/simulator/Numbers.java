package org.risala.simulator;

/** Address forms between SMPP ({@code 96891234567}) and the inboxes (E.164 {@code +96891234567}). */
final class Numbers {

    private static final String OMAN = "968";

    private Numbers() {
    }

    /**
     * {@code +96891234567}, {@code 96891234567} and {@code 0096891234567} give {@code +96891234567}; a bare
     * 8-digit national number is taken as Omani. Short codes and alphanumeric senders are returned as they are.
     */
    static String toE164(String address) {
        String trimmed = address.strip();
        boolean international = trimmed.startsWith("+") || trimmed.startsWith("00");
        String digits = trimmed.startsWith("+") ? trimmed.substring(1)
                : trimmed.startsWith("00") ? trimmed.substring(2) : trimmed;
        if (digits.length() < 8 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return trimmed;
        }
        return !international && digits.length() == 8 ? "+" + OMAN + digits : "+" + digits;
    }

    /** the SMPP form: digits without '+' */
    static String toSmpp(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }

    static boolean isNumber(String address) {
        String digits = toSmpp(address.strip());
        return !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
