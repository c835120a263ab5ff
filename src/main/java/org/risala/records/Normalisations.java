package org.risala.records;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The normalisations of what citizens type for a record — a pull service's arguments, a subscription's key. Each
 * one first drops what {@link ArabicText#clean(String)} drops (non-ASCII digits become ASCII), so they work on raw
 * text as well as on the words of a parsed command. Blank input is never a value.
 */
public enum Normalisations implements Normalisation {

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

    /** a passport number: letters and digits, 5 to 12 of them with at least one digit, upper-cased; spaces and hyphens dropped */
    PASSPORT {
        @Override
        public Optional<String> normalise(String raw) {
            String value = withoutSeparators(raw).toUpperCase(Locale.ROOT);
            return PASSPORT_NUMBER.matcher(value).matches() ? Optional.of(value) : Optional.empty();
        }
    },

    /** an Omani plate in its canonical form {@code 12345AB}, as {@link PlateNumber} reads it */
    PLATE {
        @Override
        public Optional<String> normalise(String raw) {
            return PlateNumber.normalise(raw);
        }
    };

    private static final Pattern SPACES_AROUND = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}-]+");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern VISA = Pattern.compile("V[0-9]{10}");
    private static final Pattern PASSPORT_NUMBER = Pattern.compile("(?=[A-Z]*[0-9])[A-Z0-9]{5,12}");

    private static String withoutSeparators(String raw) {
        return SEPARATORS.matcher(ArabicText.clean(raw)).replaceAll("");
    }

    private static Optional<String> nonBlank(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
