package org.risala.sms;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageTextTests {

    /** 133 UTF-16 units: two parts with an 8-bit reference (67 + 66), three with a 16-bit one (66 + 66 + 1) */
    private static final String ARABIC_NOTICE = "تم تسجيل مخالفة مرورية على مركبتكم رقم ١٢٣٤٥ بتاريخ ٢٠٢٥/٠١/١٥. "
            + "للاستعلام والدفع يرجى زيارة موقع شرطة عمان السلطانية أو تطبيق الشرطة.";

    private static final String ARABIC_SHORT = "شرطة عمان السلطانية: تم تجديد رخصة القيادة الخاصة بكم.";

    private static final String EMOJI = "😀";

    @ParameterizedTest
    @NullAndEmptySource
    void refusesAnEmptyText(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> MessageText.of(text)).withMessage("text is empty");
    }

    @Test
    void keepsTheTextAsGiven() {
        assertThat(MessageText.of(" Hello ").value()).isEqualTo(" Hello ");
    }

    @Test
    void isGsm7WhenEveryCharacterIsInTheBasicOrExtensionTable() {
        MessageText text = MessageText.of("@£$¥èé^{}[]~|€");

        assertThat(text.encoding()).isEqualTo(Encoding.GSM7);
        assertThat(text.units()).isEqualTo(6 + 2 * 8);
    }

    @CsvSource(delimiter = '|', value = {"It’s ready", "“Quoted”", "10–12", "Wait…", "`code`", "مرحبا", "Hi " + EMOJI})
    @ParameterizedTest
    void isUcs2AsSoonAsOneCharacterIsNotGsm(String value) {
        MessageText text = MessageText.of(value);

        assertThat(text.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(text.units()).isEqualTo(value.length());
    }

    @Test
    void countsAnEmojiAsTwoUnits() {
        assertThat(MessageText.of("ok " + EMOJI).units()).isEqualTo(5);
    }

    @Test
    void fits160SeptetsInOneSegment() {
        MessageText text = MessageText.of("a".repeat(160));

        assertThat(text.segments()).isEqualTo(1);
        assertThat(text.segments(true)).isEqualTo(1);
        assertThat(text.parts(false)).containsExactly("a".repeat(160));
    }

    @Test
    void splits161SeptetsIntoTwoParts() {
        MessageText text = MessageText.of("a".repeat(161));

        assertThat(text.segments()).isEqualTo(2);
        assertThat(text.parts(false)).containsExactly("a".repeat(153), "a".repeat(8));
        assertThat(text.parts(true)).containsExactly("a".repeat(152), "a".repeat(9));
    }

    @Test
    void countsExtensionCharactersTowardsTheSingleSegmentLimit() {
        assertThat(MessageText.of("a".repeat(158) + "€").segments()).isEqualTo(1);
        assertThat(MessageText.of("a".repeat(159) + "€").segments()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"306, 2, 3", "307, 3, 3", "304, 2, 2", "305, 2, 3", "459, 3, 4", "460, 4, 4"})
    void fills153SeptetsPerPartWithAnEightBitReferenceAnd152WithASixteenBitOne(int length, int with8Bit,
                                                                               int with16Bit) {
        MessageText text = MessageText.of("b".repeat(length));

        assertThat(text.segments()).isEqualTo(with8Bit);
        assertThat(text.segments(false)).isEqualTo(with8Bit);
        assertThat(text.segments(true)).isEqualTo(with16Bit);
    }

    @Test
    void keepsAnExtensionCharacterWholeWhenItStraddlesAPartBoundary() {
        String value = "a".repeat(152) + "€" + "a".repeat(152);
        MessageText text = MessageText.of(value);

        assertThat(text.units()).isEqualTo(306);
        assertThat(text.segments()).isEqualTo(3);
        assertThat(text.parts(false)).containsExactly("a".repeat(152), "€" + "a".repeat(151), "a");
    }

    @Test
    void fillsAPartUpToTheLastSeptetWhenAnExtensionCharacterEndsIt() {
        MessageText text = MessageText.of("a".repeat(151) + "€" + "a".repeat(10));

        assertThat(text.parts(false)).containsExactly("a".repeat(151) + "€", "a".repeat(10));
    }

    @Test
    void fits70Ucs2UnitsInOneSegment() {
        MessageText text = MessageText.of("م".repeat(70));

        assertThat(text.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(text.segments()).isEqualTo(1);
    }

    @Test
    void splits71Ucs2UnitsIntoTwoParts() {
        MessageText text = MessageText.of("م".repeat(71));

        assertThat(text.parts(false)).containsExactly("م".repeat(67), "م".repeat(4));
        assertThat(text.parts(true)).containsExactly("م".repeat(66), "م".repeat(5));
    }

    @ParameterizedTest
    @CsvSource({"134, 2, 3", "135, 3, 3", "132, 2, 2", "133, 2, 3"})
    void fills67Ucs2UnitsPerPartWithAnEightBitReferenceAnd66WithASixteenBitOne(int length, int with8Bit,
                                                                               int with16Bit) {
        MessageText text = MessageText.of("ع".repeat(length));

        assertThat(text.segments(false)).isEqualTo(with8Bit);
        assertThat(text.segments(true)).isEqualTo(with16Bit);
    }

    @Test
    void keepsAnEmojiWholeWhenItStraddlesThe67UnitBoundary() {
        MessageText text = MessageText.of("م".repeat(66) + EMOJI + "م".repeat(66));

        assertThat(text.units()).isEqualTo(134);
        assertThat(text.segments()).isEqualTo(3);
        assertThat(text.parts(false)).containsExactly("م".repeat(66), EMOJI + "م".repeat(65), "م");
        assertThat(text.parts(false)).allSatisfy(MessageTextTests::hasNoBrokenSurrogate);
    }

    @Test
    void keepsEmojiWholeWithASixteenBitReferenceToo() {
        MessageText text = MessageText.of(EMOJI.repeat(40));

        assertThat(text.units()).isEqualTo(80);
        assertThat(text.parts(true)).containsExactly(EMOJI.repeat(33), EMOJI.repeat(7));
        assertThat(text.parts(false)).containsExactly(EMOJI.repeat(33), EMOJI.repeat(7));
    }

    @Test
    void countsSegmentsOfArabicText() {
        MessageText notice = MessageText.of(ARABIC_NOTICE);
        MessageText shortNotice = MessageText.of(ARABIC_SHORT);

        assertThat(notice.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(notice.units()).isEqualTo(133);
        assertThat(notice.segments()).isEqualTo(2);
        assertThat(notice.segments(true)).isEqualTo(3);
        assertThat(shortNotice.units()).isEqualTo(54);
        assertThat(shortNotice.segments()).isEqualTo(1);
    }

    @Test
    void partsJoinBackToTheWholeText() {
        for (String value : List.of(ARABIC_NOTICE, "a".repeat(152) + "€" + "a".repeat(152),
                "م".repeat(66) + EMOJI + "م".repeat(66), "x".repeat(1000))) {
            MessageText text = MessageText.of(value);
            assertThat(String.join("", text.parts(false))).isEqualTo(value);
            assertThat(String.join("", text.parts(true))).isEqualTo(value);
        }
    }

    @Test
    void noPartExceedsItsCapacity() {
        MessageText gsm = MessageText.of("{x}".repeat(200));
        MessageText ucs2 = MessageText.of(("م" + EMOJI).repeat(100));

        assertThat(gsm.parts(false)).allSatisfy(part -> assertThat(Gsm7Alphabet.septets(part)).isLessThanOrEqualTo(153));
        assertThat(gsm.parts(true)).allSatisfy(part -> assertThat(Gsm7Alphabet.septets(part)).isLessThanOrEqualTo(152));
        assertThat(ucs2.parts(false)).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(67));
        assertThat(ucs2.parts(true)).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(66));
    }

    @Test
    void warnsAboutARightToLeftMarkThatMakesEnglishTextUcs2AndLonger() {
        String english = "Your appointment at Royal Oman Police, Qurum, is confirmed for Sunday 10:00. "
                + "Bring your civil ID and this SMS.";
        MessageText text = MessageText.of("\u200F" + english);

        assertThat(english).hasSizeBetween(71, 160);
        assertThat(text.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(text.warnings()).containsExactly("The text contains an invisible character U+200F "
                + "(RIGHT-TO-LEFT MARK). It is not in the GSM alphabet and makes the whole message UCS-2: "
                + "2 segments instead of 1; remove it.");
    }

    @Test
    void warnsAboutAnInvisibleCharacterThatMakesAShortTextUcs2WithoutCostingASegment() {
        MessageText text = MessageText.of("Your permit is ready.\u200B");

        assertThat(text.warnings()).containsExactly("The text contains an invisible character U+200B "
                + "(ZERO WIDTH SPACE). It is not in the GSM alphabet and makes the whole message UCS-2, which fits "
                + "70 characters per segment instead of 160; remove it.");
    }

    @Test
    void countsRepeatedInvisibleCharacters() {
        MessageText text = MessageText.of("\u200EPermit\u200E ready\u00AD");

        assertThat(text.warnings()).singleElement().asString()
                .startsWith("The text contains 3 invisible characters: U+200E (LEFT-TO-RIGHT MARK) ×2, "
                        + "U+00AD (SOFT HYPHEN). They are not in the GSM alphabet and make the whole message UCS-2")
                .endsWith("; remove them.");
    }

    @Test
    void warnsAboutAnInvisibleCharacterInArabicWithoutBlamingItForUcs2() {
        MessageText text = MessageText.of(ARABIC_SHORT + "\u061C");

        assertThat(text.warnings()).containsExactly("The text contains an invisible character U+061C "
                + "(ARABIC LETTER MARK). It is not displayed but is sent and counted in the message length.");
    }

    @Test
    void warnsWhenASingleCurlyApostropheMakesA150CharacterTextThreeSegments() {
        String value = "Dear citizen, your vehicle registration renewal was approved today. It’s valid for one year. "
                + "Collect the sticker at any ROP service centre. Thank you.";
        MessageText text = MessageText.of(value);

        assertThat(value).hasSize(150);
        assertThat(text.segments()).isEqualTo(3);
        assertThat(text.warnings()).containsExactly("The character '’' U+2019 (RIGHT SINGLE QUOTATION MARK) is not "
                + "in the GSM alphabet and makes the whole message UCS-2: 3 segments instead of 1; replace it with a "
                + "character from the GSM alphabet.");
    }

    @Test
    void namesUpToThreeNonGsmCharactersWithTheirCounts() {
        MessageText text = MessageText.of("x".repeat(100) + "“quoted” – ok");

        assertThat(text.warnings()).containsExactly("The characters '“' U+201C (LEFT DOUBLE QUOTATION MARK), "
                + "'”' U+201D (RIGHT DOUBLE QUOTATION MARK), '–' U+2013 (EN DASH) are not in the GSM alphabet and "
                + "make the whole message UCS-2: 2 segments instead of 1; replace them with a character from the "
                + "GSM alphabet.");
    }

    @Test
    void countsARepeatedNonGsmCharacterOnce() {
        MessageText text = MessageText.of("y".repeat(100) + "it’s and that’s");

        assertThat(text.warnings()).singleElement().asString()
                .startsWith("The characters '’' U+2019 (RIGHT SINGLE QUOTATION MARK) ×2 are not in the GSM alphabet")
                .contains("2 segments instead of 1");
    }

    @Test
    void namesAnEmojiByItsCodePoint() {
        MessageText text = MessageText.of("z".repeat(100) + " " + EMOJI);

        assertThat(text.warnings()).singleElement().asString()
                .startsWith("The character '" + EMOJI + "' U+1F600 (GRINNING FACE) is not in the GSM alphabet");
    }

    @Test
    void doesNotWarnAboutANonGsmCharacterThatCostsNoSegment() {
        assertThat(MessageText.of("It’s ready.").warnings()).isEmpty();
    }

    @Test
    void doesNotWarnAboutMoreThanThreeNonGsmCharacters() {
        assertThat(MessageText.of("x".repeat(100) + "“a” ‘b’").warnings()).isEmpty();
    }

    @Test
    void doesNotWarnAboutPlainArabicText() {
        assertThat(MessageText.of(ARABIC_NOTICE).warnings()).isEmpty();
        assertThat(MessageText.of(ARABIC_SHORT).warnings()).isEmpty();
        assertThat(MessageText.of("نعم").warnings()).isEmpty();
    }

    @Test
    void doesNotWarnAboutGsmText() {
        assertThat(MessageText.of("@£$¥èé^{}[]~|€ " + "a".repeat(300)).warnings()).isEmpty();
    }

    @Test
    void warnsAboutBothAnInvisibleAndAVisibleNonGsmCharacter() {
        MessageText text = MessageText.of("\u200F" + "w".repeat(100) + "’");

        assertThat(text.warnings()).hasSize(2);
        assertThat(text.warnings().get(0)).isEqualTo("The text contains an invisible character U+200F "
                + "(RIGHT-TO-LEFT MARK). It is not displayed but is sent and counted in the message length.");
        assertThat(text.warnings().get(1)).contains("'’' U+2019")
                .contains("2 segments instead of 1 once the invisible characters are removed as well");
    }

    @Test
    void isEqualByText() {
        assertThat(MessageText.of("Hello")).isEqualTo(MessageText.of("Hello")).hasSameHashCodeAs(MessageText.of("Hello"))
                .isNotEqualTo(MessageText.of("hello"));
    }

    @Test
    void toStringDoesNotRevealTheText() {
        assertThat(MessageText.of("Your code is 482913").toString())
                .isEqualTo("MessageText[GSM7, 19 units, 1 segment(s)]")
                .doesNotContain("482913");
    }

    private static void hasNoBrokenSurrogate(String part) {
        assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).as("ends with a high surrogate").isFalse();
        assertThat(Character.isLowSurrogate(part.charAt(0))).as("starts with a low surrogate").isFalse();
    }
}
