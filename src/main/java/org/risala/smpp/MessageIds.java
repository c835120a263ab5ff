package org.risala.smpp;

import java.util.Locale;

import org.risala.smpp.SmppProperties.MessageIdFormat;

/**
 * Canonical form of SMSC message ids, so that the id of a submit_sm_resp and the id in its receipt compare equal
 * even when the SMSC writes one in hex and the other in decimal, or pads with zeros.
 */
final class MessageIds {

    private MessageIds() {
    }

    /**
     * @param fromReceipt true for an id read from a delivery receipt, false for one from submit_sm_resp
     * @return the unsigned decimal value when the id parses in the base the format gives that side, else the id
     * upper-cased without leading zeros
     */
    static String normalise(MessageIdFormat format, String id, boolean fromReceipt) {
        String trimmed = id.trim();
        int radix = radix(format, fromReceipt);
        if (radix != 0) {
            try {
                return Long.toUnsignedString(Long.parseUnsignedLong(trimmed, radix));
            } catch (NumberFormatException notInThatBase) {
                // fall through to the textual form: some SMSCs mix formats, the string form still matches itself
            }
        }
        return withoutLeadingZeros(trimmed.toUpperCase(Locale.ROOT));
    }

    private static int radix(MessageIdFormat format, boolean fromReceipt) {
        return switch (format) {
            case AS_IS -> 0;
            case BOTH_HEX -> 16;
            case BOTH_DEC -> 10;
            case RESP_HEX_RCPT_DEC -> fromReceipt ? 10 : 16;
            case RESP_DEC_RCPT_HEX -> fromReceipt ? 16 : 10;
        };
    }

    private static String withoutLeadingZeros(String id) {
        int start = 0;
        while (start < id.length() - 1 && id.charAt(start) == '0') {
            start++;
        }
        return id.substring(start);
    }
}
