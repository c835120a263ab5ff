package org.risala.sms;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1 and §6.2.1.1), unpacked: one septet
 * per byte, which is what SMSCs expect over SMPP with data_coding 0 unless agreed otherwise.
 * <p>
 * Extension characters are sent as ESC (0x1B) followed by their code and so cost two septets.
 */
public final class Gsm7Alphabet {

    private static final byte ESC = 0x1B;

    /**
     * The basic table in code order, 0x00 to 0x7F. Position 0x1B is ESC, which is not a character of its own; the
     * ESC control character in a text therefore does not match it (see {@link #isBasic(char)}).
     */
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** The extension table: each character and, at the same index, the code that follows ESC. */
    private static final String EXTENSION = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    /** a character's code in the basic table, or after ESC; -1 when it has none. Every text sent is looked up */
    private static final byte[] BASIC_CODE = lookup(BASIC, i -> i);
    private static final byte[] EXTENSION_CODE = lookup(EXTENSION, i -> EXTENSION_CODES[i]);

    static {
        // the ESC control character in a text is not the escape of the table
        BASIC_CODE[ESC] = -1;
    }

    private static byte[] lookup(String table, IntUnaryOperator codeAt) {
        byte[] code = new byte[table.chars().max().orElseThrow() + 1];
        Arrays.fill(code, (byte) -1);
        for (int i = 0; i < table.length(); i++) {
            code[table.charAt(i)] = (byte) codeAt.applyAsInt(i);
        }
        return code;
    }

    private Gsm7Alphabet() {
    }

    public static boolean isBasic(char c) {
        return c < BASIC_CODE.length && BASIC_CODE[c] >= 0;
    }

    public static boolean isExtension(char c) {
        return c < EXTENSION_CODE.length && EXTENSION_CODE[c] >= 0;
    }

    public static boolean canEncode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!canEncode(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean canEncode(char c) {
        return isBasic(c) || isExtension(c);
    }

    /** septets needed, 2 for each extension character; @throws IllegalArgumentException for a non-GSM character */
    public static int septets(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += septets(text.charAt(i));
        }
        return septets;
    }

    static int septets(char c) {
        if (isBasic(c)) {
            return 1;
        }
        if (isExtension(c)) {
            return 2;
        }
        throw notGsm(c);
    }

    /** Unpacked septets, one per byte; @throws IllegalArgumentException for a non-GSM character */
    public static byte[] encode(String text) {
        ByteArrayOutputStream septets = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isExtension(c)) {
                septets.write(ESC);
                septets.write(EXTENSION_CODE[c]);
            } else if (isBasic(c)) {
                septets.write(BASIC_CODE[c]);
            } else {
                throw notGsm(c);
            }
        }
        return septets.toByteArray();
    }

    /**
     * Reads unpacked septets. Lenient, because it reads what handsets and SMSCs send: a byte above 0x7F becomes
     * U+FFFD, and ESC followed by a code the extension table lacks shows the basic character, as TS 23.038 asks;
     * ESC ESC (reserved for a further table) and a trailing ESC show a space.
     */
    public static String decode(byte[] unpacked) {
        StringBuilder text = new StringBuilder(unpacked.length);
        for (int i = 0; i < unpacked.length; i++) {
            int code = unpacked[i] & 0xFF;
            if (code != ESC) {
                text.append(basic(code));
            } else if (i + 1 == unpacked.length || unpacked[i + 1] == ESC) {
                text.append(' ');
                i++;
            } else {
                text.append(extension(unpacked[++i] & 0xFF));
            }
        }
        return text.toString();
    }

    private static char basic(int code) {
        return code < BASIC.length() ? BASIC.charAt(code) : '\uFFFD';
    }

    private static char extension(int code) {
        for (int i = 0; i < EXTENSION_CODES.length; i++) {
            if (EXTENSION_CODES[i] == code) {
                return EXTENSION.charAt(i);
            }
        }
        return basic(code);
    }

    private static IllegalArgumentException notGsm(char c) {
        return new IllegalArgumentException(String.format("'%c' U+%04X is not in the GSM 7-bit alphabet", c, (int) c));
    }
}
