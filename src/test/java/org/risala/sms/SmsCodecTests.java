package org.risala.sms;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SmsCodecTests {

    private static final String ARABIC = "مخالفة مرورية رقم ١٢٣";

    @Test
    void decodesDataCodingZeroAsUnpackedGsm7() {
        byte[] septets = {0x00, 0x1B, 0x65, 0x48, 0x69, 0x05};

        assertThat(SmsCodec.decode(0x00, septets)).isEqualTo("@€Hié");
    }

    @Test
    void decodesUcs2AsUtf16BigEndian() {
        byte[] bytes = {0x06, 0x45, 0x06, 0x31, (byte) 0xD8, 0x3D, (byte) 0xDE, 0x00};

        assertThat(SmsCodec.decode(0x08, bytes)).isEqualTo("مر😀");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x08, 0x18, 0x19, 0x1A, 0x1B, 0x48, 0xE0})
    void decodesTheUcs2DataCodingSchemes(int dataCoding) {
        assertThat(SmsCodec.decode(dataCoding, ARABIC.getBytes(StandardCharsets.UTF_16BE))).isEqualTo(ARABIC);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x10, 0x11, 0x12, 0x13, 0xC0, 0xD1, 0xF0, 0xF1, 0xF3})
    void decodesTheGsm7DataCodingSchemes(int dataCoding) {
        assertThat(SmsCodec.decode(dataCoding, new byte[] {0x00, 0x01, 0x1B, 0x3C})).isEqualTo("@£[");
    }

    @Test
    void decodesLatin1() {
        byte[] bytes = {0x43, 0x61, 0x66, (byte) 0xE9, (byte) 0xA3};

        assertThat(SmsCodec.decode(0x03, bytes)).isEqualTo("Café£");
    }

    @Test
    void decodesIa5AsAscii() {
        assertThat(SmsCodec.decode(0x01, "STOP 1234".getBytes(StandardCharsets.US_ASCII))).isEqualTo("STOP 1234");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x02, 0x04, 0x14, 0xF4, 0x24, 0x80})
    void readsEightBitAndUnknownCodingsAsLatin1SoTheMessageCanStillBeStored(int dataCoding) {
        byte[] bytes = {0x41, (byte) 0xE9, 0x00};

        assertThat(SmsCodec.decode(dataCoding, bytes)).isEqualTo("Aé\u0000");
    }

    @Test
    void encodesGsm7AsUnpackedSeptets() {
        assertThat(SmsCodec.encode(Encoding.GSM7, "@A€")).containsExactly(0x00, 0x41, 0x1B, 0x65);
    }

    @Test
    void encodesUcs2AsUtf16BigEndian() {
        assertThat(SmsCodec.encode(Encoding.UCS2, "م😀"))
                .containsExactly(0x06, 0x45, 0xD8, 0x3D, 0xDE, 0x00);
    }

    @Test
    void roundTripsBothEncodingsThroughTheirDataCoding() {
        String gsm = "Fine {paid}: 20€";

        assertThat(SmsCodec.decode(Encoding.GSM7.dataCoding(), SmsCodec.encode(Encoding.GSM7, gsm))).isEqualTo(gsm);
        assertThat(SmsCodec.decode(Encoding.UCS2.dataCoding(), SmsCodec.encode(Encoding.UCS2, ARABIC)))
                .isEqualTo(ARABIC);
    }

    @Test
    void encodingsCarryTheirSmppDataCoding() {
        assertThat(Encoding.GSM7.dataCoding()).isEqualTo((byte) 0x00);
        assertThat(Encoding.UCS2.dataCoding()).isEqualTo((byte) 0x08);
    }
}
