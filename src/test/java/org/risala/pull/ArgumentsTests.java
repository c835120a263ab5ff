package org.risala.pull;

import org.risala.records.Normalisations;

import org.risala.inbound.spi.Language;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArgumentsTests {

    @Test
    void readsPlatesAsTheRecordsModuleDoes() {
        // the cases themselves are in org.risala.records.PlateNumberTests
        assertThat(Normalisations.PLATE.normalise("١٢٣٤٥ أ ب")).contains("12345AB");
        assertThat(Normalisations.PLATE.normalise("12345 ص")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "123456        | 123456",
            "1234567890    | 1234567890",
            "'  12345678 ' | 12345678",
            "1234 5678     | 12345678",
            "1234-5678     | 12345678",
            "١٢٣٤٥٦٧٨      | 12345678",
            "۱۲۳۴۵۶۷۸      | 12345678"})
    void readsACivilIdAsItsDigits(String raw, String canonical) {
        assertThat(Normalisations.CIVIL_ID.normalise(raw)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "12345678901", "1234567a", "12.345.678", "+96812345678", "١٢٣٤٥"})
    void rejectsACivilIdOfTheWrongLengthOrWithOtherCharacters(String raw) {
        assertThat(Normalisations.CIVIL_ID.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "V2026000123      | V2026000123",
            "v2026000123      | V2026000123",
            "v 2026 000123    | V2026000123",
            "V-2026-000123    | V2026000123",
            "v٢٠٢٦٠٠٠١٢٣      | V2026000123"})
    void readsAVisaApplicationNumber(String raw, String canonical) {
        assertThat(Normalisations.VISA_APPLICATION.normalise(raw)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026000123", "V202600012", "V20260001234", "W2026000123", "VV2026000123",
            "V2026/000123"})
    void rejectsWhatIsNotAVisaApplicationNumber(String raw) {
        assertThat(Normalisations.VISA_APPLICATION.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12 34 | 1234", "٠٩-٨٧ | 0987", "7 | 7"})
    void readsDigits(String raw, String canonical) {
        assertThat(Normalisations.DIGITS.normalise(raw)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "12a", "1.5", "-"})
    void rejectsWhatIsNotDigits(String raw) {
        assertThat(Normalisations.DIGITS.normalise(raw)).isEmpty();
    }

    @Test
    void upperCasesCleanedText() {
        assertThat(Normalisations.UPPER.normalise(" muscat\u200F ١٢ ")).contains("MUSCAT 12");
    }

    @Test
    void keepsTextAsWrittenWithNone() {
        assertThat(Normalisations.NONE.normalise(" Muscat ١٢ ")).contains("Muscat ١٢");
    }

    @ParameterizedTest
    @EnumSource(Normalisations.class)
    void neverAcceptsBlankText(Normalisations normalisation) {
        assertThat(normalisation.normalise(" \u00A0\t")).isEmpty();
    }

    @Test
    void acceptsAnArgumentWhoseNormalisedValueMatchesThePattern() {
        ArgumentSpec plate = plate("[0-9]{1,5}[A-Z]{1,2}");

        assertThat(plate.accept("١٢٣٤٥ أ ب")).contains("12345AB");
        assertThat(plate.accept("ab 12")).contains("12AB");
    }

    @Test
    void rejectsAnArgumentWhoseNormalisedValueDoesNotMatchTheWholePattern() {
        ArgumentSpec twoLetters = plate("[0-9]+[A-Z]{2}");

        assertThat(twoLetters.accept("12345A")).isEmpty();
        assertThat(plate("[0-9]{3}").accept("12345AB")).as("matches as a whole, not a part").isEmpty();
    }

    @Test
    void rejectsAnArgumentTheNormalisationRejectsWhateverThePattern() {
        assertThat(plate(".*").accept("hello")).isEmpty();
        assertThat(plate(".*").accept(null)).isEmpty();
    }

    @Test
    void acceptsWithACustomNormalisation() {
        ArgumentSpec spec = new ArgumentSpec("code", "[a-z]+", raw -> Optional.of(raw.toLowerCase()), "code", "رمز");

        assertThat(spec.accept("ABC")).contains("abc");
    }

    @Test
    void givesTheUsageInTheLanguageOfTheCommand() {
        ArgumentSpec plate = plate(".*");

        assertThat(plate.usage(Language.EN)).isEqualTo("plate, e.g. 12345AB");
        assertThat(plate.usage(Language.AR)).isEqualTo("رقم اللوحة، مثال ١٢٣٤٥ أ ب");
    }

    @Test
    void refusesAnInvalidPatternWhenConfigured() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> plate("[0-9"))
                .withMessageStartingWith("argument 'plate' has an invalid pattern");
    }

    @Test
    void refusesABlankName() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ArgumentSpec(" ", ".*", Normalisations.NONE, "x", "x"));
    }

    private static ArgumentSpec plate(String pattern) {
        return new ArgumentSpec("plate", pattern, Normalisations.PLATE, "plate, e.g. 12345AB",
                "رقم اللوحة، مثال ١٢٣٤٥ أ ب");
    }
}
