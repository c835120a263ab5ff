package org.risala.backoffice;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;

/**
 * Omani plate numbers as citizens type them, brought to one canonical form: the digits, a space, the Latin
 * letters ({@code 12345 AB}, {@code 777 R}).
 * <p>
 * Accepted: 1-5 digits and 1-2 letters, in either order (typed Arabic often puts the letters first), with or
 * without spaces or hyphens between them, Latin letters in either case. Arabic-Indic ({@code ٠-٩}) and extended
 * Arabic-Indic ({@code ۰-۹}) digits count as ASCII digits. Arabic letters are read through the small map below of
 * the letters printed on Omani plates next to their Latin counterparts; any other Arabic letter makes the text not a
 * plate. Directional marks and the tatweel ({@code ـ}, as in {@code هـ}) that phones and plates add are ignored.
 */
public final class PlateNumbers {

    /**
     * Arabic plate letter → Latin plate letter. The hamza and alef-maqsura variants are here because phone
     * keyboards produce them for the same letter.
     */
    private static final Map<Character, Character> ARABIC_LETTERS = Map.ofEntries(
            entry('ا', 'A'), entry('أ', 'A'), entry('إ', 'A'), entry('آ', 'A'),
            entry('ب', 'B'),
            entry('د', 'D'),
            entry('ه', 'H'),
            entry('ج', 'J'),
            entry('ك', 'K'),
            entry('م', 'M'),
            entry('ر', 'R'),
            entry('س', 'S'),
            entry('ط', 'T'),
            entry('و', 'W'),
            entry('ي', 'Y'), entry('ى', 'Y'));

    private static final int MAX_DIGITS = 5;
    private static final int MAX_LETTERS = 2;

    private PlateNumbers() {
    }

    /** the canonical form, or empty when the text is not a plate number */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder();
        StringBuilder letters = new StringBuilder();
        int groups = 0;
        boolean inDigits = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isIgnorable(c)) {
                continue;
            }
            int digit = digit(c);
            char letter = digit >= 0 ? 0 : letter(c);
            if (digit < 0 && letter == 0) {
                return Optional.empty();
            }
            boolean isDigit = digit >= 0;
            if (groups == 0 || isDigit != inDigits) {
                groups++;
                inDigits = isDigit;
            }
            if (isDigit) {
                digits.append((char) ('0' + digit));
            } else {
                letters.append(letter);
            }
        }
        // one run of digits and one of letters: "12A34B" is not a plate
        if (groups != 2 || digits.length() > MAX_DIGITS || letters.length() > MAX_LETTERS) {
            return Optional.empty();
        }
        return Optional.of(digits + " " + letters);
    }

    private static boolean isIgnorable(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-'
                || c == '\u0640' // tatweel
                || c == '\u200E' || c == '\u200F' || c == '\u061C'; // LRM, RLM, Arabic letter mark
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return c - '\u0660';
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return c - '\u06F0';
        }
        return -1;
    }

    /** the Latin plate letter, or 0 when c is not one */
    private static char letter(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c;
        }
        if (c >= 'a' && c <= 'z') {
            return (char) (c - 'a' + 'A');
        }
        return ARABIC_LETTERS.getOrDefault(c, (char) 0);
    }
}
