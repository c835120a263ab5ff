package org.risala.sms;

import java.util.Optional;

/**
 * The concatenation information element of a User Data Header (3GPP TS 23.040 §9.2.3.24.1 and .8): which long
 * message a part belongs to, how many parts it has and which one this is. Whether a short_message starts with a UDH
 * at all is told by the UDHI bit of esm_class, which the caller checks.
 *
 * @param reference           the same for all parts of one message; 0–255, or 0–65535 with a 16-bit reference
 * @param total               number of parts, 1–255
 * @param sequence            this part's position, 1–total
 * @param sixteenBitReference IEI 0x08 with a two-octet reference instead of IEI 0x00
 */
public record ConcatenationHeader(int reference, int total, int sequence, boolean sixteenBitReference) {

    private static final int IEI_CONCATENATION_8BIT = 0x00;
    private static final int IEI_CONCATENATION_16BIT = 0x08;

    public ConcatenationHeader {
        int maxReference = sixteenBitReference ? 0xFFFF : 0xFF;
        if (reference < 0 || reference > maxReference) {
            throw new IllegalArgumentException("reference must be 0-" + maxReference + ": " + reference);
        }
        if (total < 1 || total > 255) {
            throw new IllegalArgumentException("total must be 1-255: " + total);
        }
        if (sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("sequence must be 1-" + total + ": " + sequence);
        }
    }

    /** The whole UDH, length octet included: {@code 05 00 03 ref total seq} or {@code 06 08 04 refHi refLo total seq}. */
    public byte[] toUdh() {
        if (sixteenBitReference) {
            return new byte[] {0x06, IEI_CONCATENATION_16BIT, 0x04,
                    (byte) (reference >> 8), (byte) reference, (byte) total, (byte) sequence};
        }
        return new byte[] {0x05, IEI_CONCATENATION_8BIT, 0x03, (byte) reference, (byte) total, (byte) sequence};
    }

    /** Octets this header takes at the start of short_message: 6, or 7 with a 16-bit reference. */
    public int udhLength() {
        return sixteenBitReference ? 7 : 6;
    }

    /**
     * Finds the concatenation element in the UDH at the start of short_message, skipping other elements (port
     * addressing, national language shift, ...). Elements with a zero total or sequence, or a sequence beyond the
     * total, are ignored as TS 23.040 asks; if several remain, the last one counts.
     *
     * @return empty when the UDH carries no usable concatenation element
     * @throws IllegalArgumentException when the UDH is longer than the message or an element overruns it
     */
    public static Optional<ConcatenationHeader> parse(byte[] shortMessage) {
        int end = udhLength(shortMessage);
        ConcatenationHeader found = null;
        int position = 1;
        while (position < end) {
            if (position + 2 > end) {
                throw new IllegalArgumentException("UDH ends inside an information element header");
            }
            int iei = shortMessage[position] & 0xFF;
            int length = shortMessage[position + 1] & 0xFF;
            int data = position + 2;
            if (data + length > end) {
                throw new IllegalArgumentException("information element 0x%02X overruns the UDH".formatted(iei));
            }
            if (iei == IEI_CONCATENATION_8BIT && length == 3) {
                found = concatenation(octet(shortMessage, data), shortMessage, data + 1, false, found);
            } else if (iei == IEI_CONCATENATION_16BIT && length == 4) {
                int reference = octet(shortMessage, data) << 8 | octet(shortMessage, data + 1);
                found = concatenation(reference, shortMessage, data + 2, true, found);
            }
            position = data + length;
        }
        return Optional.ofNullable(found);
    }

    /**
     * Octets of the whole UDH (its length octet UDHL plus UDHL), to strip before decoding the text.
     *
     * @throws IllegalArgumentException when the message is empty or shorter than its UDH claims
     */
    public static int udhLength(byte[] shortMessage) {
        if (shortMessage == null || shortMessage.length == 0) {
            throw new IllegalArgumentException("short_message is empty, it has no UDH");
        }
        int length = octet(shortMessage, 0) + 1;
        if (length > shortMessage.length) {
            throw new IllegalArgumentException(
                    "UDH of " + length + " octets in a short_message of " + shortMessage.length);
        }
        return length;
    }

    private static ConcatenationHeader concatenation(int reference, byte[] message, int at, boolean sixteenBit,
                                                     ConcatenationHeader previous) {
        int total = octet(message, at);
        int sequence = octet(message, at + 1);
        boolean usable = total >= 1 && sequence >= 1 && sequence <= total;
        return usable ? new ConcatenationHeader(reference, total, sequence, sixteenBit) : previous;
    }

    private static int octet(byte[] bytes, int index) {
        return bytes[index] & 0xFF;
    }
}
