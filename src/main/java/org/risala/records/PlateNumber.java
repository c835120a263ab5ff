package org.risala.records;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Omani vehicle plates: up to 5 digits and 1 or 2 letters, in the canonical form {@code 12345AB}. Citizens type
 * the letters first or last, with spaces or hyphens, in either case, or in Arabic ({@code ١٢٣٤٥ أ ب}), read
 * through {@link #LETTERS}; an Arabic letter outside that table makes the text no plate.
 */
public final class PlateNumber {

    /**
     * Arabic plate letters and the Latin letters printed beside them, after {@link ArabicText#foldLetters} (so أ is
     * read as ا). To be confirmed against the Directorate General of Traffic's table before go-live.
     */
    public static final Map<Integer, Character> LETTERS = Map.ofEntries(
            Map.entry((int) 'ا', 'A'), Map.entry((int) 'ب', 'B'), Map.entry((int) 'ج', 'J'),
            Map.entry((int) 'د', 'D'), Map.entry((int) 'ر', 'R'), Map.entry((int) 'س', 'S'),
            Map.entry((int) 'ط', 'T'), Map.entry((int) 'ع', 'E'), Map.entry((int) 'ك', 'K'),
            Map.entry((int) 'ل', 'L'), Map.entry((int) 'م', 'M'), Map.entry((int) 'ن', 'N'),
            Map.entry((int) 'ه', 'H'), Map.entry((int) 'و', 'W'), Map.entry((int) 'ي', 'Y'));

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}-]+");
    private static final Pattern DIGITS_FIRST = Pattern.compile("([0-9]{1,5})([A-Z]{1,2})");
    private static final Pattern LETTERS_FIRST = Pattern.compile("([A-Z]{1,2})([0-9]{1,5})");

    private PlateNumber() {
    }

    /** the canonical form, e.g. {@code 12345AB}, or empty when the text is not a plate */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(ArabicText.clean(raw)).replaceAll("");
        StringBuilder latin = new StringBuilder();
        for (int cp : ArabicText.foldLetters(compact).codePoints().toArray()) {
            Character letter = LETTERS.get(cp);
            latin.appendCodePoint(letter != null ? letter : Character.toUpperCase(cp));
        }
        if (DIGITS_FIRST.matcher(latin).matches()) {
            return Optional.of(latin.toString());
        }
        Matcher lettersFirst = LETTERS_FIRST.matcher(latin);
        return lettersFirst.matches() ? Optional.of(lettersFirst.group(2) + lettersFirst.group(1)) : Optional.empty();
    }

    /** how a plate is printed and read out: the digits, a space, the letters ({@code 12345 AB}) */
    public static String display(String canonical) {
        Matcher m = DIGITS_FIRST.matcher(canonical);
        return m.matches() ? m.group(1) + " " + m.group(2) : canonical;
    }
}
