package org.risala.inbound.spi;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.risala.sms.Encoding;
import org.risala.sms.MessageText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ReplyFitterTests {

    private static final String POINTER = ReplyFitter.POINTER;
    private static final String POINTER_AR = ReplyFitter.POINTER_AR;
    private static final String ARABIC_LETTER = "م";

    @Test
    void hasAGsmPointerForEnglishAndAnArabicOneForArabic() {
        assertThat(MessageText.of(POINTER).encoding()).isEqualTo(Encoding.GSM7);
        assertThat(POINTER).hasSize(22);
        assertThat(POINTER_AR).hasSize(25);
        assertThat(ReplyFitter.pointer(Language.EN)).isEqualTo(POINTER);
        assertThat(ReplyFitter.pointer(Language.AR)).isEqualTo(POINTER_AR);
    }

    @ParameterizedTest
    @CsvSource({"160, 1", "306, 2", "459, 3"})
    void keepsAGsmReplyThatFits(int length, int maxSegments) {
        String reply = "a".repeat(length);

        assertThat(ReplyFitter.fit(reply, maxSegments, POINTER)).isSameAs(reply);
    }

    @ParameterizedTest
    @CsvSource({"70, 1", "134, 2", "201, 3"})
    void keepsAnArabicReplyThatFits(int length, int maxSegments) {
        String reply = ARABIC_LETTER.repeat(length);

        assertThat(ReplyFitter.fit(reply, maxSegments, POINTER_AR)).isSameAs(reply);
    }

    static Stream<Arguments> oneUnitTooLong() {
        // a single word too long for the limit: cut at the last character that leaves exactly room for the pointer
        return Stream.of(
                arguments("a", 161, 1, POINTER, 160 - 22),
                arguments("a", 307, 2, POINTER, 2 * 153 - 22),
                arguments("a", 460, 3, POINTER, 3 * 153 - 22),
                arguments(ARABIC_LETTER, 71, 1, POINTER_AR, 70 - 25),
                arguments(ARABIC_LETTER, 135, 2, POINTER_AR, 2 * 67 - 25),
                arguments(ARABIC_LETTER, 202, 3, POINTER_AR, 3 * 67 - 25));
    }

    @ParameterizedTest
    @MethodSource("oneUnitTooLong")
    void cutsAReplyOneUnitTooLongToFillTheLimitExactly(String unit, int length, int maxSegments, String pointer,
                                                       int kept) {
        String fitted = ReplyFitter.fit(unit.repeat(length), maxSegments, pointer);

        assertThat(fitted).isEqualTo(unit.repeat(kept) + pointer);
        MessageText text = MessageText.of(fitted);
        assertThat(text.segments()).isEqualTo(maxSegments);
        assertThat(MessageText.of(fitted + unit).segments()).as("not one unit shorter than it could be")
                .isGreaterThan(maxSegments);
    }

    @Test
    void cutsAfterAWordThatEndsExactlyWhereThePointerStarts() {
        String reply = "a".repeat(138) + " " + "b".repeat(30);

        assertThat(ReplyFitter.fit(reply, 1, POINTER)).isEqualTo("a".repeat(138) + POINTER).hasSize(160);
    }

    @Test
    void cutsBeforeAWordThatWouldNotFitWhole() {
        String reply = "a".repeat(100) + " " + "b".repeat(100);

        assertThat(ReplyFitter.fit(reply, 1, POINTER)).isEqualTo("a".repeat(100) + POINTER);
    }

    @Test
    void cutsAnArabicReplyAtAWord() {
        String words = "لديكم مخالفة مرورية غير مدفوعة في مسقط بتاريخ ٢٠٢٦/٠١/١٥ بمبلغ عشرين ريالا عمانيا";

        String fitted = ReplyFitter.fit(words, 1, POINTER_AR);

        assertThat(fitted).isEqualTo("لديكم مخالفة مرورية غير مدفوعة في مسقط بتاريخ" + POINTER_AR);
        assertThat(MessageText.of(fitted).segments()).isEqualTo(1);
    }

    @Test
    void dropsSpacesAndSeparatorsLeftHangingBeforeThePointer() {
        String reply = "a".repeat(130) + ", ;  " + "b".repeat(40);

        assertThat(ReplyFitter.fit(reply, 1, POINTER)).isEqualTo("a".repeat(130) + POINTER);
    }

    @Test
    void countsTheSegmentsOfTheFinalTextWhenThePointerIsNotGsm() {
        String ellipsis = "… more at rop.gov.om";

        String fitted = ReplyFitter.fit("a".repeat(161), 1, ellipsis);

        assertThat(fitted).isEqualTo("a".repeat(70 - ellipsis.length()) + ellipsis);
        assertThat(MessageText.of(fitted).encoding()).isEqualTo(Encoding.UCS2);
        assertThat(MessageText.of(fitted).segments()).isEqualTo(1);
    }

    @Test
    void countsGsmExtensionCharactersAsTwoSeptets() {
        String fitted = ReplyFitter.fit("€".repeat(81), 1, POINTER);

        assertThat(fitted).isEqualTo("€".repeat(69) + POINTER);
        assertThat(MessageText.of(fitted).units()).isEqualTo(160);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String fitted = ReplyFitter.fit("😀".repeat(100), 1, POINTER);

        // 70 - 22 = 48 units for the emoji, two units each
        assertThat(fitted).isEqualTo("😀".repeat(24) + POINTER).hasSize(70);
    }

    @Test
    void neverSeparatesALetterFromItsDiacritic() {
        String withFatha = "بَ";

        // 70 - 25 = 45 units: 22 letters with their fatha, not a 23rd letter without it
        String fitted = ReplyFitter.fit(withFatha.repeat(50), 1, POINTER_AR);

        assertThat(fitted).isEqualTo(withFatha.repeat(22) + POINTER_AR).hasSize(69);
    }

    @Test
    void givesThePointerAloneWhenNothingElseFits() {
        String pointer = "x".repeat(160);

        assertThat(ReplyFitter.fit("too long " + "a".repeat(200), 1, pointer)).isEqualTo(pointer);
    }

    static Stream<Arguments> replies() {
        Random random = new Random(20260115);
        String[] english = {"VIO", "12345AB", "unpaid", "violation,", "Muscat", "20.000", "OMR;", "2026-01-15", "€5",
                "{x}", "Sohar", "expressway."};
        String[] arabic = {"مخالفة", "غير", "مدفوعة", "مسقط", "١٢٣٤٥", "ريال؛", "صحار", "بتاريخ،", "😀"};
        return IntStream.range(0, 120).mapToObj(i -> {
            String[] words = i % 2 == 0 ? english : arabic;
            StringBuilder reply = new StringBuilder(words[random.nextInt(words.length)]);
            int count = random.nextInt(150);
            for (int w = 0; w < count; w++) {
                reply.append(random.nextInt(5) == 0 ? "  " : " ").append(words[random.nextInt(words.length)]);
            }
            return arguments(reply.toString(), 1 + random.nextInt(4), i % 2 == 0 ? POINTER : POINTER_AR);
        });
    }

    @ParameterizedTest
    @MethodSource("replies")
    void alwaysFitsAndEndsWithThePointerWhenCut(String reply, int maxSegments, String pointer) {
        String fitted = ReplyFitter.fit(reply, maxSegments, pointer);

        assertThat(MessageText.of(fitted).segments()).isLessThanOrEqualTo(maxSegments);
        if (MessageText.of(reply).segments() <= maxSegments) {
            assertThat(fitted).isEqualTo(reply);
        } else {
            assertThat(fitted).endsWith(pointer);
            String kept = fitted.substring(0, fitted.length() - pointer.length());
            assertThat(reply).startsWith(kept);
            assertThat(kept).doesNotEndWith(" ").doesNotEndWith(",").doesNotEndWith("؛");
            assertThat(reply.charAt(kept.length())).as("cut at a word").matches(c -> ", ;.؛،".indexOf(c) >= 0);
        }
    }

    @Test
    void refusesAnEmptyReply() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReplyFitter.fit("", 1, POINTER))
                .withMessage("reply is empty");
    }

    @Test
    void refusesFewerThanOneSegment() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReplyFitter.fit("hello", 0, POINTER))
                .withMessage("maxSegments must be at least 1, was 0");
    }

    @Test
    void refusesAPointerThatDoesNotFitByItself() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReplyFitter.fit("hello", 1, "x".repeat(161)))
                .withMessageContaining("does not fit 1 segment(s)");
        assertThatIllegalArgumentException().isThrownBy(() -> ReplyFitter.fit("hello", 1, " "));
    }
}
