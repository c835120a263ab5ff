package org.risala.sms;

import java.util.ArrayList;
import java.util.List;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.risala.sms.InvalidMsisdnException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MsisdnParserTests {

    private final MsisdnParser omanOnly = new MsisdnParser("OM", false);
    private final MsisdnParser international = new MsisdnParser("OM", true);

    @ParameterizedTest
    @ValueSource(strings = {
            "+96891234567",
            "0096891234567",
            "96891234567",
            "91234567",
            "9123 4567",
            "9123-4567",
            "+968 9123 4567",
            "(+968) 912-34567",
            "00968 9123 4567",
            "968-9123-4567",
            "9123.4567",
            "  91234567  ",
            "9123\u00A04567",
            "\u200F91234567",
            "\u200E+968 9123 4567\u200E",
            "\u061C9123\u061C4567",
            "\u202B91234567\u202C",
            "٩١٢٣٤٥٦٧",
            "۹۱۲۳۴۵۶۷",
            "٠٠٩٦٨٩١٢٣٤٥٦٧",
            "+٩٦٨ ٩١٢٣ ٤٥٦٧",
            "９１２３４５６７",
            "9123\u20134567"})
    void acceptsTheFormsPeopleTypeForOneOmaniMobile(String raw) {
        assertThat(omanOnly.parse(raw)).isEqualTo(Msisdn.of("+96891234567"));
    }

    @ParameterizedTest
    @CsvSource({
            "71234567, +96871234567",
            "99123456, +96899123456",
            "77123456, +96877123456",
            "96812345, +96896812345",
            "90112345, +96890112345"})
    void acceptsOtherOmaniMobileRanges(String raw, String e164) {
        assertThat(omanOnly.parse(raw).e164()).isEqualTo(e164);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\u00A0", "\u200F\u200E", "\t\n"})
    void rejectsEmptyInput(String raw) {
        assertRejected(omanOnly, raw, Reason.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "9123abc4567", "1-800-FLOWERS", "9123/4567", "91234567,92345678", "+", "---",
            "91234567+", "++96891234567", "+968+91234567", "tel:91234567", "91234567 ext. 12", "9123#4567",
            "9123*4567", "٩١٢٣٤٥٦٧ب", "²91234567"})
    void rejectsLettersAndSymbolsInsteadOfGuessing(String raw) {
        assertRejected(omanOnly, raw, Reason.NOT_A_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"091234567", "9123456", "912345678", "0091234567", "968 7123456", "70123456",
            "73123456", "5", "+999123456789", "+96812345", "00000000"})
    void rejectsDigitsThatDoNotFormAValidNumber(String raw) {
        assertRejected(omanOnly, raw, Reason.INVALID);
    }

    @Test
    void readsADoubleZeroPrefixAsInternationalAndSoRejectsWhatWouldBeIndian() {
        assertThatExceptionOfType(InvalidMsisdnException.class)
                .isThrownBy(() -> international.parse("0091234567"))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
    }

    @ParameterizedTest
    @CsvSource({
            "24123456, a fixed-line number",
            "90012345, a premium-rate number",
            "80071234, a toll-free number"})
    void rejectsNumbersThatCannotReceiveSmsAndSaysWhatTheyAre(String raw, String kind) {
        InvalidMsisdnException rejection = assertRejected(omanOnly, raw, Reason.NOT_MOBILE);

        assertThat(rejection).hasMessage(raw + " is " + kind + "; SMS can only be sent to mobile numbers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+447911123456", "00447911123456", "+971501234567", "+919812345678"})
    void rejectsForeignMobilesWhenOnlyNationalNumbersAreAllowed(String raw) {
        InvalidMsisdnException rejection = assertRejected(omanOnly, raw, Reason.FOREIGN);

        assertThat(rejection.getMessage()).startsWith(raw + " is a foreign number (")
                .endsWith("only numbers in Oman can receive SMS from this service");
    }

    @Test
    void namesTheCountryOfAForeignNumber() {
        assertThat(assertRejected(omanOnly, "+971501234567", Reason.FOREIGN))
                .hasMessageContaining("(United Arab Emirates)");
    }

    @ParameterizedTest
    @CsvSource({
            "+447911123456,  +447911123456",
            "00447911123456, +447911123456",
            "+971501234567,  +971501234567",
            "91234567,       +96891234567"})
    void acceptsForeignMobilesWhenInternationalIsAllowed(String raw, String e164) {
        assertThat(international.parse(raw).e164()).isEqualTo(e164);
    }

    @Test
    void stillRejectsForeignFixedLinesWhenInternationalIsAllowed() {
        assertRejected(international, "+442071234567", Reason.NOT_MOBILE);
    }

    @Test
    void explainsInvalidNumbersWithAnExampleOfAValidMobile() {
        assertThat(assertRejected(omanOnly, "091234567", Reason.INVALID).getMessage())
                .startsWith("091234567 is not a valid phone number")
                .containsPattern("looks like \\+968 \\d{4} \\d{4}\\)$");
    }

    @Test
    void quotesGarbageWithoutItsInvisibleMarksAndCutsItShort() {
        String pasted = "\u200Fcall me " + "x".repeat(100);

        assertThat(assertRejected(omanOnly, pasted, Reason.NOT_A_NUMBER).getMessage())
                .startsWith("\"call me xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" is not a phone number")
                .doesNotContain("\u200F");
    }

    @Test
    void tryParseGivesTheNumberOrNothing() {
        assertThat(omanOnly.tryParse("9123 4567")).contains(Msisdn.of("+96891234567"));
        assertThat(omanOnly.tryParse("24123456")).isEmpty();
        assertThat(omanOnly.tryParse(null)).isEmpty();
    }

    @Test
    void refusesAnUnknownDefaultRegion() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MsisdnParser("XX", false));
        assertThatIllegalArgumentException().isThrownBy(() -> new MsisdnParser(null, false));
    }

    @Test
    void readsAnInternationalNumberAsLibphonenumberDoesWithoutItsFullParse() throws Exception {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        List<String> numbers = new ArrayList<>(List.of("+96891234567", "+96871234567", "+96824123456",
                "+9689123456", "+968912345678", "+0968912345", "+1", "+999123456", "+80012345678", "+3906123456",
                "+447911123456", "+4407911123456", "+12025550123", "+123456789012345678"));
        // an example of every type for every region: each must read alike, whichever way it is read
        for (String region : util.getSupportedRegions()) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = util.getExampleNumberForType(region, type);
                if (example != null) {
                    numbers.add(util.format(example, PhoneNumberFormat.E164));
                }
            }
        }
        int shortened = 0;
        for (String number : numbers) {
            PhoneNumber quick = MsisdnParser.international(number);
            if (quick != null) {
                shortened++;
                assertThat(quick).as(number).isEqualTo(util.parse(number, "OM"));
            }
        }
        assertThat(MsisdnParser.international("+96891234567")).isNotNull();
        assertThat(shortened).as("numbers read without the full parse").isGreaterThan(numbers.size() / 4);
    }

    private static InvalidMsisdnException assertRejected(MsisdnParser parser, String raw, Reason reason) {
        InvalidMsisdnException[] thrown = new InvalidMsisdnException[1];
        assertThatExceptionOfType(InvalidMsisdnException.class)
                .isThrownBy(() -> parser.parse(raw))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isNotBlank();
                    thrown[0] = e;
                });
        return thrown[0];
    }
}
