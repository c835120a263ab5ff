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
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("destination is not an E.164 number: " + e164);
        }
        return new SmppAddress(TON_INTERNATIONAL, NPI_ISDN, digits);
    }
}
