package org.risala.sms;

import java.nio.charset.StandardCharsets;

/**
 * Bytes of short_message to text and back. Outgoing text is always GSM-7 (unpacked) or UCS-2; incoming messages can
 * carry any data_coding, read with the SMPP 3.4 meaning for 0x00–0x0F and the GSM 03.38 data coding scheme
 * (3GPP TS 23.038 §4) above.
 */
public final class SmsCodec {

    private SmsCodec() {
    }

    public static byte[] encode(Encoding encoding, String text) {
        return switch (encoding) {
            case GSM7 -> Gsm7Alphabet.encode(text);
            case UCS2 -> text.getBytes(StandardCharsets.UTF_16BE);
        };
    }

    /**
     * Text of an incoming message, without its UDH. Never fails: alphabets we cannot read (8-bit data, compressed
     * text, national character sets) are read as ISO-8859-1, so that the message can still be stored and shown.
     */
    public static String decode(int dataCoding, byte[] bytes) {
        return switch (alphabet(dataCoding & 0xFF)) {
            case GSM7 -> Gsm7Alphabet.decode(bytes);
            case UCS2 -> new String(bytes, StandardCharsets.UTF_16BE);
            case ASCII -> new String(bytes, StandardCharsets.US_ASCII);
            case LATIN1 -> new String(bytes, StandardCharsets.ISO_8859_1);
        };
    }

    private enum Alphabet { GSM7, UCS2, ASCII, LATIN1 }

    private static Alphabet alphabet(int dcs) {
        if (dcs <= 0x0F) {
            // SMPP 3.4 §5.2.19 gives this range its own meaning, different from the GSM DCS
            return switch (dcs) {
                case 0x00 -> Alphabet.GSM7;
                case 0x01 -> Alphabet.ASCII;
                case 0x03 -> Alphabet.LATIN1;
                case 0x08 -> Alphabet.UCS2;
                default -> Alphabet.LATIN1;  // 8-bit data and national character sets: best effort
            };
        }
        return switch (dcs >> 4) {
            // general data coding (00xx) and automatic deletion (01xx): bit 5 = compressed, bits 3-2 = alphabet
            case 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7 -> {
                boolean compressed = (dcs & 0x20) != 0;
                int alphabet = (dcs >> 2) & 0x3;
                yield compressed ? Alphabet.LATIN1
                        : alphabet == 0 ? Alphabet.GSM7
                        : alphabet == 2 ? Alphabet.UCS2
                        : Alphabet.LATIN1;
            }
            case 0xC, 0xD -> Alphabet.GSM7;  // message waiting indication, discard or store
            case 0xE -> Alphabet.UCS2;       // message waiting indication, store, UCS-2
            case 0xF -> (dcs & 0x04) == 0 ? Alphabet.GSM7 : Alphabet.LATIN1;  // message class; bit 2 = 8-bit data
            default -> Alphabet.LATIN1;      // 0x80-0xBF are reserved
        };
    }
}
