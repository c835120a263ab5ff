package org.risala.smpp;

/** An SMPP address: type of number, numbering plan indicator and the address itself, as they go into a PDU. */
record SmppAddress(int ton, int npi, String address) {

    static final int TON_INTERNATIONAL = 1;
    static final int TON_ALPHANUMERIC = 5;
    static final int NPI_UNKNOWN = 0;
    static final int NPI_ISDN = 1;

    /** a destination handset: international number, digits only */
    static SmppAddress destination(String e164) {
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        if (digits.length() > 15 || !digitsOnly(digits)) {
            throw new IllegalArgumentException("destination is not an E.164 number: " + e164);
        }
        return new SmppAddress(TON_INTERNATIONAL, NPI_ISDN, digits);
    }

    /**
     * The number as Risala writes it: an international number (TON 1) begins with its country code, which is what a
     * leading '+' says, so a visitor's foreign number is read as theirs, not taken for a malformed local one.
     */
    String number() {
        return ton == TON_INTERNATIONAL && digitsOnly(address) ? "+" + address : address;
    }

    /** at least one character, all of them 0-9 (a plain loop: receipts and MOs check several fields each) */
    static boolean digitsOnly(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
