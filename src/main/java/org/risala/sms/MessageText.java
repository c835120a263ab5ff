package org.risala.sms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text of one SMS as the network will carry it: its {@link Encoding}, its length in encoding units and how it is
 * split into concatenated parts (3GPP TS 23.040 §9.2.3.24.1).
 * <p>
 * Splitting never cuts a GSM escape pair or a UTF-16 surrogate pair, so a part may hold one unit less than its
 * capacity and the segment count can be higher than the length divided by the capacity.
 * <p>
 * {@link #toString()} does not show the text: it may be a one-time code or a personal notice.
 */
public final class MessageText {

    private static final int GSM7_SINGLE = 160;
    private static final int GSM7_PART_8BIT_REFERENCE = 153;
    private static final int GSM7_PART_16BIT_REFERENCE = 152;
    private static final int UCS2_SINGLE = 70;
    private static final int UCS2_PART_8BIT_REFERENCE = 67;
    private static final int UCS2_PART_16BIT_REFERENCE = 66;

    /** above this, the text is simply not GSM text, and pointing at single characters would not help */
    private static final int MAX_NAMED_NON_GSM = 3;

    /** stands for a replaced character when working out what the text would cost in GSM-7 */
    private static final char GSM_STAND_IN = '?';

    private final String value;
    private final Encoding encoding;
    private final int units;
    private final List<String> partsWith8BitReference;
    private final List<String> partsWith16BitReference;
    /** found once: every message of a batch with the same text shares one MessageText */
    private volatile List<String> warnings;

    private MessageText(String value) {
        this.value = value;
        this.encoding = Gsm7Alphabet.canEncode(value) ? Encoding.GSM7 : Encoding.UCS2;
        this.units = encoding == Encoding.GSM7 ? Gsm7Alphabet.septets(value) : value.length();
        this.partsWith8BitReference = split(false);
        this.partsWith16BitReference = split(true);
    }

    /** @throws IllegalArgumentException when the text is null or empty */
    public static MessageText of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("text is empty");
        }
        return new MessageText(text);
    }

    public String value() {
        return value;
    }

    /** GSM-7 when every character is in the default alphabet or its extension table, otherwise UCS-2 */
    public Encoding encoding() {
        return encoding;
    }

    /** septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2 */
    public int units() {
        return units;
    }

    /** segments with an 8-bit concatenation reference, the usual choice */
    public int segments() {
        return segments(false);
    }

    public int segments(boolean sixteenBitReference) {
        return parts(sixteenBitReference).size();
    }

    /** the text of each part in order; a single element when the message fits one SMS */
    public List<String> parts(boolean sixteenBitReference) {
        return sixteenBitReference ? partsWith16BitReference : partsWith8BitReference;
    }

    private List<String> split(boolean sixteenBitReference) {
        boolean gsm = encoding == Encoding.GSM7;
        if (units <= (gsm ? GSM7_SINGLE : UCS2_SINGLE)) {
            return List.of(value);
        }
        int capacity = gsm
                ? (sixteenBitReference ? GSM7_PART_16BIT_REFERENCE : GSM7_PART_8BIT_REFERENCE)
                : (sixteenBitReference ? UCS2_PART_16BIT_REFERENCE : UCS2_PART_8BIT_REFERENCE);
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < value.length(); ) {
            // one character, with its escape (GSM-7) or both surrogates (UCS-2), is the unit that cannot be cut
            int chars = gsm ? 1 : Character.charCount(value.codePointAt(i));
            int cost = gsm ? Gsm7Alphabet.septets(value.charAt(i)) : chars;
            if (used + cost > capacity) {
                parts.add(value.substring(start, i));
                start = i;
                used = 0;
            }
            used += cost;
            i += chars;
        }
        parts.add(value.substring(start));
        return List.copyOf(parts);
    }

    /**
     * Advice for the sender, as sentences: invisible formatting characters (often pasted from a word processor or
     * a right-to-left form), and a few non-GSM characters that make an otherwise GSM-7 message UCS-2 and longer.
     * Plain Arabic text, which can only be UCS-2, gets none.
     */
    public List<String> warnings() {
        List<String> known = warnings;
        if (known == null) {
            known = findWarnings();
            warnings = known;
        }
        return known;
    }

    private List<String> findWarnings() {
        if (encoding == Encoding.GSM7) {
            return List.of();
        }
        Map<Integer, Integer> invisible = new LinkedHashMap<>();
        Map<Integer, Integer> nonGsm = new LinkedHashMap<>();
        StringBuilder asGsm = new StringBuilder();
        value.codePoints().forEach(cp -> {
            if (isInvisible(cp)) {
                invisible.merge(cp, 1, Integer::sum);
            } else if (Character.isBmpCodePoint(cp) && Gsm7Alphabet.canEncode((char) cp)) {
                asGsm.appendCodePoint(cp);
            } else {
                nonGsm.merge(cp, 1, Integer::sum);
                asGsm.append(GSM_STAND_IN);
            }
        });
        int nonGsmCount = nonGsm.values().stream().mapToInt(Integer::intValue).sum();
        MessageText gsmAlternative = asGsm.isEmpty() || nonGsmCount > MAX_NAMED_NON_GSM
                ? null : new MessageText(asGsm.toString());

        List<String> warnings = new ArrayList<>();
        if (!invisible.isEmpty()) {
            warnings.add(invisibleWarning(invisible, nonGsm.isEmpty() ? gsmAlternative : null));
        }
        if (nonGsmCount > 0 && gsmAlternative != null && gsmAlternative.segments() < segments()) {
            warnings.add(nonGsmWarning(nonGsm, nonGsmCount, gsmAlternative, !invisible.isEmpty()));
        }
        return List.copyOf(warnings);
    }

    private String invisibleWarning(Map<Integer, Integer> invisible, MessageText withoutThem) {
        int count = invisible.values().stream().mapToInt(Integer::intValue).sum();
        boolean one = count == 1;
        String warning = (one ? "The text contains an invisible character " : "The text contains " + count
                + " invisible characters: ") + describe(invisible, false) + ". ";
        if (withoutThem == null) {
            return warning + (one ? "It is" : "They are") + " not displayed but " + (one ? "is" : "are")
                    + " sent and counted in the message length.";
        }
        return warning + (one ? "It is" : "They are") + " not in the GSM alphabet and " + (one ? "makes" : "make")
                + " the whole message UCS-2" + cost(withoutThem) + "; remove " + (one ? "it." : "them.");
    }

    private String nonGsmWarning(Map<Integer, Integer> nonGsm, int count, MessageText gsmAlternative,
                                 boolean alsoInvisible) {
        boolean one = count == 1;
        return (one ? "The character " : "The characters ") + describe(nonGsm, true)
                + (one ? " is" : " are") + " not in the GSM alphabet and " + (one ? "makes" : "make")
                + " the whole message UCS-2" + cost(gsmAlternative)
                + (alsoInvisible ? " once the invisible characters are removed as well" : "")
                + "; replace " + (one ? "it" : "them") + " with a character from the GSM alphabet.";
    }

    private String cost(MessageText gsmAlternative) {
        if (gsmAlternative.segments() < segments()) {
            return ": " + segments() + " segments instead of " + gsmAlternative.segments();
        }
        return ", which fits " + UCS2_SINGLE + " characters per segment instead of " + GSM7_SINGLE;
    }

    /** e.g. {@code '’' U+2019 (RIGHT SINGLE QUOTATION MARK) ×2, '–' U+2013 (EN DASH)} */
    private static String describe(Map<Integer, Integer> characters, boolean visible) {
        return characters.entrySet().stream()
                .map(entry -> (visible ? "'" + Character.toString(entry.getKey()) + "' " : "")
                        + String.format("U+%04X (%s)", entry.getKey(), name(entry.getKey()))
                        + (entry.getValue() > 1 ? " ×" + entry.getValue() : ""))
                .collect(Collectors.joining(", "));
    }

    private static String name(int cp) {
        String name = Character.getName(cp);
        return name == null ? "unassigned" : name;
    }

    /** zero-width and bidirectional formatting characters, the soft hyphen and the byte order mark */
    private static boolean isInvisible(int cp) {
        return (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x2064)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0xFEFF || cp == 0x061C || cp == 0x00AD;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageText text && text.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "MessageText[" + encoding + ", " + units + " units, " + segments() + " segment(s)]";
    }
}
