package org.risala.sms;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Gsm7AlphabetTests {

    private static final String ALL_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    @Test
    void hasOneHundredTwentySevenBasicCharactersBesidesEsc() {
        assertThat(ALL_BASIC).hasSize(127);
        assertThat(ALL_BASIC.chars().allMatch(c -> Gsm7Alphabet.isBasic((char) c))).isTrue();
        assertThat(Gsm7Alphabet.encode(ALL_BASIC)).hasSize(127).doesNotContain(0x1B);
    }

    @Test
    void givesEveryBasicCharacterItsOwnCodeBelow0x80() {
        Set<Byte> codes = new HashSet<>();
        for (byte code : Gsm7Alphabet.encode(ALL_BASIC)) {
            assertThat(code).isBetween((byte) 0x00, (byte) 0x7F);
            codes.add(code);
        }
        assertThat(codes).hasSize(127);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "@|0x00", "£|0x01", "$|0x02", "¥|0x03", "è|0x04", "é|0x05", "Ç|0x09", "Δ|0x10", "_|0x11", "Ξ|0x1A",
            "Æ|0x1C", "É|0x1F", "\" \"|0x20", "¤|0x24", "¡|0x40", "A|0x41", "Ä|0x5B", "§|0x5F", "¿|0x60", "a|0x61",
            "ü|0x7E", "à|0x7F"})
    void encodesBasicCharactersWithTheirTableCodes(String c, String code) {
        assertThat(Gsm7Alphabet.encode(c)).containsExactly(Integer.decode(code).byteValue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {"^ 0x14", "{ 0x28", "} 0x29", "\\ 0x2F", "[ 0x3C", "~ 0x3D", "] 0x3E",
            "| 0x40", "€ 0x65"})
    void encodesExtensionCharactersAsEscFollowedByTheirCode(String c, String code) {
        assertThat(Gsm7Alphabet.isExtension(c.charAt(0))).isTrue();
        assertThat(Gsm7Alphabet.isBasic(c.charAt(0))).isFalse();
        assertThat(Gsm7Alphabet.encode(c)).containsExactly(0x1B, Integer.decode(code).byteValue());
    }

    @Test
    void encodesFormFeedFromTheExtensionTable() {
        assertThat(Gsm7Alphabet.isExtension('\f')).isTrue();
        assertThat(Gsm7Alphabet.encode("\f")).containsExactly(0x1B, 0x0A);
    }

    @Test
    void canEncodeTheOperatorAcceptanceTestString() {
        assertThat(Gsm7Alphabet.canEncode("@£$¥èé^{}[]~|€")).isTrue();
        assertThat(Gsm7Alphabet.canEncode("Your permit 1234 is ready. Collect it at ROP Qurum.")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"’", "‘", "“", "”", "–", "—", "…", "`", "\u00A0", "\u200F", "مرحبا", "Ê", "ç", "\u001B",
            "\t", "😀", "Hello’"})
    void cannotEncodeCharactersOutsideGsm(String text) {
        assertThat(Gsm7Alphabet.canEncode(text)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Gsm7Alphabet.encode(text))
                .withMessageContaining("is not in the GSM 7-bit alphabet");
        assertThatIllegalArgumentException().isThrownBy(() -> Gsm7Alphabet.septets(text));
    }

    @Test
    void treatsTheEscControlCharacterAsNeitherBasicNorExtension() {
        assertThat(Gsm7Alphabet.isBasic('\u001B')).isFalse();
        assertThat(Gsm7Alphabet.isExtension('\u001B')).isFalse();
    }

    @Test
    void countsExtensionCharactersAsTwoSeptets() {
        assertThat(Gsm7Alphabet.septets("")).isZero();
        assertThat(Gsm7Alphabet.septets("abc")).isEqualTo(3);
        assertThat(Gsm7Alphabet.septets("€")).isEqualTo(2);
        assertThat(Gsm7Alphabet.septets("@£$¥èé^{}[]~|€")).isEqualTo(6 + 2 * 8);
        assertThat(Gsm7Alphabet.septets("Fine: 20€ [paid]")).isEqualTo(16 + 3);
    }

    @Test
    void encodingHasOneByteForEachSeptet() {
        String text = "Fine: 20€ {paid} @ ROP";

        assertThat(Gsm7Alphabet.encode(text)).hasSize(Gsm7Alphabet.septets(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@£$¥èé^{}[]~|€", "Line one\nLine two\r\n\fPage two", "ΔΦΓΛΩΠΨΣΘΞ ÆæßÉ ¡¿ §¤",
            "Hello World 0123456789 !\"#%&'()*+,-./:;<=>?", ""})
    void decodesWhatItEncodes(String text) {
        assertThat(Gsm7Alphabet.decode(Gsm7Alphabet.encode(text))).isEqualTo(text);
    }

    @Test
    void decodesTheAtSignFromZero() {
        assertThat(Gsm7Alphabet.decode(new byte[] {0x00, 0x41, 0x00})).isEqualTo("@A@");
    }

    @Test
    void decodesAnEscapeWithoutExtensionAsTheBasicCharacter() {
        assertThat(Gsm7Alphabet.decode(new byte[] {0x1B, 0x41, 0x62})).isEqualTo("Ab");
    }

    @Test
    void decodesReservedAndDanglingEscapesAsSpaces() {
        assertThat(Gsm7Alphabet.decode(new byte[] {0x41, 0x1B, 0x1B, 0x42})).isEqualTo("A B");
        assertThat(Gsm7Alphabet.decode(new byte[] {0x41, 0x1B})).isEqualTo("A ");
    }

    @Test
    void decodesBytesAboveSeptetRangeAsReplacementCharacters() {
        assertThat(Gsm7Alphabet.decode(new byte[] {0x41, (byte) 0x80, (byte) 0xFF})).isEqualTo("A\uFFFD\uFFFD");
    }
}
