package org.risala.smpp;

/** How a sender (source address) is written into submit_sm: alphanumeric, international number or short code. */
final class SenderAddress {

    private static final int MAX_ALPHANUMERIC = 11;
    private static final int MAX_SHORT_CODE = 8;
    private static final int MIN_INTERNATIONAL = 9;
    private static final int MAX_INTERNATIONAL = 15;

    private SenderAddress() {
    }

    /**
     * @param shortCodeTon TON the operator wants for short codes (they disagree: 3, 6 or 0)
     * @throws IllegalArgumentException when the sender fits none of the kinds, with the reason
     */
    static SmppAddress of(String sender, int shortCodeTon, int shortCodeNpi) {
        if (sender == null || sender.isBlank()) {
            throw new IllegalArgumentException("sender is empty");
        }
        if (sender.startsWith("+")) {
            return international(sender, sender.substring(1));
        }
        if (SmppAddress.digitsOnly(sender)) {
            if (sender.length() <= MAX_SHORT_CODE) {
                return new SmppAddress(shortCodeTon, shortCodeNpi, sender);
            }
            return international(sender, sender);
        }
        if (sender.length() > MAX_ALPHANUMERIC) {
            throw new IllegalArgumentException("alphanumeric sender '" + sender + "' is longer than "
                    + MAX_ALPHANUMERIC + " characters");
        }
        if (!sender.chars().allMatch(SenderAddress::isAlphanumericSenderChar)) {
            throw new IllegalArgumentException("alphanumeric sender '" + sender
                    + "' may use only Latin letters, digits, space and - _ . &");
        }
        if (sender.chars().noneMatch(c -> c < 128 && Character.isLetter(c))) {
            throw new IllegalArgumentException("sender '" + sender + "' is neither a number nor has a letter");
        }
        return new SmppAddress(SmppAddress.TON_ALPHANUMERIC, SmppAddress.NPI_UNKNOWN, sender);
    }

    private static SmppAddress international(String sender, String digits) {
        if (digits.length() < MIN_INTERNATIONAL || digits.length() > MAX_INTERNATIONAL
                || !SmppAddress.digitsOnly(digits)) {
            throw new IllegalArgumentException("sender '" + sender + "' is not an international number of "
                    + MIN_INTERNATIONAL + " to " + MAX_INTERNATIONAL + " digits");
        }
        if (digits.startsWith("0")) {
            // a trunk or international prefix means a national habit leaked in; guessing the country is unsafe
            throw new IllegalArgumentException("sender '" + sender + "' must be written as +<country code><number>");
        }
        return new SmppAddress(SmppAddress.TON_INTERNATIONAL, SmppAddress.NPI_ISDN, digits);
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlphanumericSenderChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isAsciiDigit(c) || " -_.&".indexOf(c) >= 0;
    }
}
