package org.risala.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateNumberTests {

    /** the canonical form as printed on the plate, which is how these cases are written */
    private static java.util.Optional<String> read(String typed) {
        return PlateNumber.normalise(typed).map(PlateNumber::display);
    }

    @Test
    void theCanonicalFormIsDigitsThenLettersWithoutSpace() {
        assertThat(PlateNumber.normalise("ab 12345")).contains("12345AB");
        assertThat(PlateNumber.display("12345AB")).isEqualTo("12345 AB");
    }


    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "12345AB      | 12345 AB",
            "12345 AB     | 12345 AB",
            "12345-ab     | 12345 AB",
            "  12345  ab  | 12345 AB",
            "12345 - A B  | 12345 AB",
            "777R         | 777 R",
            "777 r        | 777 R",
            "AB 12345     | 12345 AB",
            "1 A          | 1 A",
    })
    void latinFormsBecomeDigitsSpaceLetters(String typed, String canonical) {
        assertThat(read(typed)).contains(canonical);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "١٢٣٤٥ أ ب    | 12345 AB",
            "١٢٣٤٥أب      | 12345 AB",
            "١٢٣٤٥ ا ب    | 12345 AB",
            "أ ب ١٢٣٤٥    | 12345 AB",
            "۱۲۳۴۵ AB     | 12345 AB",
            "12345 أب     | 12345 AB",
            "٧٧٧ ر        | 777 R",
            "٤٨٢١ س م     | 4821 SM",
            "١٠ هـ ي      | 10 HY",
            "١٠ ى ك       | 10 YK",
            "٢ د ج        | 2 DJ",
            "٣ ط و        | 3 TW",
    })
    void arabicDigitsAndPlateLettersBecomeTheirLatinForm(String typed, String canonical) {
        assertThat(read(typed)).contains(canonical);
    }

    @Test
    void directionalMarksAndNoBreakSpacesThatPhonesInsertAreIgnored() {
        assertThat(read("\u200F١٢٣٤٥ \u200Fأ ب\u200F")).contains("12345 AB");
        assertThat(read("\u061C777\u00A0R")).contains("777 R");
        assertThat(read("12345\u200EAB")).contains("12345 AB");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ", "12345", "AB", "123456 AB", "12345 ABC", "12A34B", "12345 A1", "12345.AB", "12345 ش",
            "12345 ÄB", "V2026000123"})
    void anythingElseIsNotAPlate(String typed) {
        assertThat(read(typed)).isEmpty();
    }

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
    void readsTheCanonicalFormHoweverThePlateIsWritten(String raw, String canonical) {
        assertThat(PlateNumber.normalise(raw)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "12345", "AB", "123456AB", "12345ABC", "12A34", "A12345B", "12345 Ä",
            "12345 ص", "12345 AB.", "12345_AB", "١٢٣٤٥ أ ب ج"})
    void rejectsWhatIsNotAPlateInCanonicalForm(String raw) {
        assertThat(PlateNumber.normalise(raw)).isEmpty();
    }

    @Test
    void mapsEveryArabicPlateLetterToOneLatinLetter() {
        assertThat(PlateNumber.LETTERS.values()).doesNotHaveDuplicates();
        PlateNumber.LETTERS.forEach((arabic, latin) ->
                assertThat(PlateNumber.normalise("1 " + Character.toString(arabic)))
                        .contains("1" + latin));
    }
}
