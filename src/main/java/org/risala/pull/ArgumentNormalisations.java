package org.risala.pull;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normalisations a service configuration names for its arguments. Each one first drops what
 * {@link ArabicText#clean(String)} drops (non-ASCII digits become ASCII), so they work on raw text as well as on the
 * arguments of a parsed {@link Command}. Blank input is never a value.
 */
public enum ArgumentNormalisations implements Normalisation {

    /** as written, only trimmed (of non-breaking spaces too) */
    NONE {
        @Override
        public Optional<String> normalise(String raw) {
            return nonBlank(SPACES_AROUND.matcher(raw).replaceAll(""));
        }
    },

    /** cleaned, trimmed and upper-cased */
    UPPER {
        @Override
        public Optional<String> normalise(String raw) {
            return nonBlank(ArabicText.clean(raw).strip().toUpperCase(Locale.ROOT));
        }
    },

    /** ASCII digits only; spaces and hyphens between groups of digits are dropped */
    DIGITS {
        @Override
        public Optional<String> normalise(String raw) {
            String digits = withoutSeparators(raw);
            return ALL_DIGITS.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
        }
    },

    /** an Omani civil (resident) number: 6 to 10 digits, grouped as people like */
    CIVIL_ID {
        @Override
        public Optional<String> normalise(String raw) {
            return DIGITS.normalise(raw).filter(digits -> digits.length() >= 6 && digits.length() <= 10);
        }
    },

    /** a visa application number, {@code V} then the year and a 6-digit sequence: {@code v 2026 000123} → {@code V2026000123} */
    VISA_APPLICATION {
        @Override
        public Optional<String> normalise(String raw) {
            String value = withoutSeparators(raw).toUpperCase(Locale.ROOT);
            return VISA.matcher(value).matches() ? Optional.of(value) : Optional.empty();
        }
    },

    /**
     * An Omani plate, up to 5 digits and 1 or 2 letters, in the canonical form {@code 12345AB}: the letters may come
     * first or last, be separated by spaces or hyphens, be in either case, or be Arabic ({@code ١٢٣٤٥ أ ب}), read
     * through {@link #PLATE_LETTERS}. An Arabic letter outside that table makes it no plate.
     */
    PLATE {
        @Override
        public Optional<String> normalise(String raw) {
            StringBuilder latin = new StringBuilder();
            for (int cp : ArabicText.foldLetters(withoutSeparators(raw)).codePoints().toArray()) {
                Character letter = PLATE_LETTERS.get(cp);
                latin.appendCodePoint(letter != null ? letter : Character.toUpperCase(cp));
            }
            if (PLATE_DIGITS_FIRST.matcher(latin).matches()) {
                return Optional.of(latin.toString());
            }
            Matcher lettersFirst = PLATE_LETTERS_FIRST.matcher(latin);
            return lettersFirst.matches()
                    ? Optional.of(lettersFirst.group(2) + lettersFirst.group(1))
                    : Optional.empty();
        }
    };

    /**
     * Arabic plate letters and the Latin letters printed beside them, after letter folding (so أ is read as ا and
     * a final ة as ه). To be confirmed against the Directorate General of Traffic's table before go-live.
     */
    public static final Map<Integer, Character> PLATE_LETTERS = Map.ofEntries(
            Map.entry((int) 'ا', 'A'), Map.entry((int) 'ب', 'B'), Map.entry((int) 'ج', 'J'),
            Map.entry((int) 'د', 'D'), Map.entry((int) 'ر', 'R'), Map.entry((int) 'س', 'S'),
            Map.entry((int) 'ط', 'T'), Map.entry((int) 'ع', 'E'), Map.entry((int) 'ك', 'K'),
            Map.entry((int) 'ل', 'L'), Map.entry((int) 'م', 'M'), Map.entry((int) 'ن', 'N'),
            Map.entry((int) 'ه', 'H'), Map.entry((int) 'و', 'W'), Map.entry((int) 'ي', 'Y'));

    private static final Pattern SPACES_AROUND = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}-]+");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern VISA = Pattern.compile("V[0-9]{10}");
    private static final Pattern PLATE_DIGITS_FIRST = Pattern.compile("[0-9]{1,5}[A-Z]{1,2}");
    private static final Pattern PLATE_LETTERS_FIRST = Pattern.compile("([A-Z]{1,2})([0-9]{1,5})");

    private static String withoutSeparators(String raw) {
        return SEPARATORS.matcher(ArabicText.clean(raw)).replaceAll("");
    }

    private static Optional<String> nonBlank(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
