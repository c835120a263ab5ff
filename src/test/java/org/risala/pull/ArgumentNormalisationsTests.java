package org.risala.pull;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArgumentNormalisationsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12345AB       | 12345AB",
            "12345 AB      | 12345AB",
            "12345-ab      | 12345AB",
            "AB 12345      | 12345AB",
            "ab-12345      | 12345AB",
            "1A            | 1A",
            "'  7 k '      | 7K",
            "١٢٣٤٥ أ ب     | 12345AB",
            "١٢٣٤٥أب       | 12345AB",
            "أ ب ١٢٣٤٥     | 12345AB",
            "۱۲۳۴۵ ر       | 12345R",
            "12345 إ هـ    | 12345AH",
            "١٢٣ ع و       | 123EW",
            "12345 A ب     | 12345AB",
            "\u200F١٢٣٤٥ أ ب\u200F | 12345AB"})
    void readsAPlateHoweverItIsWritten(String raw, String canonical) {
        assertThat(ArgumentNormalisations.PLATE.normalise(raw)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "12345", "AB", "123456AB", "12345ABC", "12A34", "A12345B", "12345 Ä",
            "12345 ص", "12345 AB.", "12345_AB", "١٢٣٤٥ أ ب ج"})
    void rejectsWhatIsNotAPlate(String raw) {
        assertThat(ArgumentNormalisations.PLATE.normalise(raw)).isEmpty();
    }

    @Test
    void mapsEveryArabicPlateLetterToOneLatinLetter() {
        assertThat(org.risala.records.PlateNumber.LETTERS.values()).doesNotHaveDuplicates();
        org.risala.records.PlateNumber.LETTERS.forEach((arabic, latin) ->
                assertThat(ArgumentNormalisations.PLATE.normalise("1 " + Character.toString(arabic)))
                        .contains("1" + latin));
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
        assertThat(ArgumentNormalisations.CIVIL_ID.normalise(raw)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "12345678901", "1234567a", "12.345.678", "+96812345678", "١٢٣٤٥"})
    void rejectsACivilIdOfTheWrongLengthOrWithOtherCharacters(String raw) {
        assertThat(ArgumentNormalisations.CIVIL_ID.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "V2026000123      | V2026000123",
            "v2026000123      | V2026000123",
            "v 2026 000123    | V2026000123",
            "V-2026-000123    | V2026000123",
            "v٢٠٢٦٠٠٠١٢٣      | V2026000123"})
    void readsAVisaApplicationNumber(String raw, String canonical) {
        assertThat(ArgumentNormalisations.VISA_APPLICATION.normalise(raw)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026000123", "V202600012", "V20260001234", "W2026000123", "VV2026000123",
            "V2026/000123"})
    void rejectsWhatIsNotAVisaApplicationNumber(String raw) {
        assertThat(ArgumentNormalisations.VISA_APPLICATION.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12 34 | 1234", "٠٩-٨٧ | 0987", "7 | 7"})
    void readsDigits(String raw, String canonical) {
        assertThat(ArgumentNormalisations.DIGITS.normalise(raw)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "12a", "1.5", "-"})
    void rejectsWhatIsNotDigits(String raw) {
        assertThat(ArgumentNormalisations.DIGITS.normalise(raw)).isEmpty();
    }

    @Test
    void upperCasesCleanedText() {
        assertThat(ArgumentNormalisations.UPPER.normalise(" muscat\u200F ١٢ ")).contains("MUSCAT 12");
    }

    @Test
    void keepsTextAsWrittenWithNone() {
        assertThat(ArgumentNormalisations.NONE.normalise(" Muscat ١٢ ")).contains("Muscat ١٢");
    }

    @ParameterizedTest
    @EnumSource(ArgumentNormalisations.class)
    void neverAcceptsBlankText(ArgumentNormalisations normalisation) {
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
                .isThrownBy(() -> new ArgumentSpec(" ", ".*", ArgumentNormalisations.NONE, "x", "x"));
    }

    private static ArgumentSpec plate(String pattern) {
        return new ArgumentSpec("plate", pattern, ArgumentNormalisations.PLATE, "plate, e.g. 12345AB",
                "رقم اللوحة، مثال ١٢٣٤٥ أ ب");
    }
}
