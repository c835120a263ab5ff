package org.risala.sms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConcatenationHeaderTests {

    @Test
    void buildsTheEightBitReferenceUdh() {
        ConcatenationHeader header = new ConcatenationHeader(0xA7, 3, 2, false);

        assertThat(header.toUdh()).containsExactly(0x05, 0x00, 0x03, 0xA7, 0x03, 0x02);
        assertThat(header.udhLength()).isEqualTo(6).isEqualTo(header.toUdh().length);
    }

    @Test
    void buildsTheSixteenBitReferenceUdhHighOctetFirst() {
        ConcatenationHeader header = new ConcatenationHeader(0x12F4, 2, 1, true);

        assertThat(header.toUdh()).containsExactly(0x06, 0x08, 0x04, 0x12, 0xF4, 0x02, 0x01);
        assertThat(header.udhLength()).isEqualTo(7).isEqualTo(header.toUdh().length);
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 1, false", "255, 255, 255, false", "65535, 255, 1, true", "0, 2, 2, true"})
    void parsesWhatItBuilds(int reference, int total, int sequence, boolean sixteenBit) {
        ConcatenationHeader header = new ConcatenationHeader(reference, total, sequence, sixteenBit);
        byte[] shortMessage = withText(header.toUdh(), 0x48, 0x69);

        assertThat(ConcatenationHeader.parse(shortMessage)).contains(header);
        assertThat(ConcatenationHeader.udhLength(shortMessage)).isEqualTo(header.udhLength());
    }

    @Test
    void findsTheConcatenationElementAfterPortAddressing() {
        byte[] shortMessage = {0x0B, 0x05, 0x04, 0x0B, (byte) 0x84, 0x23, (byte) 0xF0, 0x00, 0x03, 0x2A, 0x04, 0x03,
                0x48, 0x69};

        assertThat(ConcatenationHeader.parse(shortMessage)).contains(new ConcatenationHeader(0x2A, 4, 3, false));
        assertThat(ConcatenationHeader.udhLength(shortMessage)).isEqualTo(12);
    }

    @Test
    void findsASixteenBitElementAfterANationalLanguageShift() {
        byte[] shortMessage = {0x09, 0x25, 0x01, 0x0D, 0x08, 0x04, 0x01, 0x00, 0x05, 0x05, 0x06, 0x45};

        assertThat(ConcatenationHeader.parse(shortMessage)).contains(new ConcatenationHeader(256, 5, 5, true));
    }

    @Test
    void isEmptyWhenTheUdhCarriesNoConcatenation() {
        byte[] portsOnly = {0x06, 0x05, 0x04, 0x0B, (byte) 0x84, 0x23, (byte) 0xF0, 0x41};

        assertThat(ConcatenationHeader.parse(portsOnly)).isEmpty();
        assertThat(ConcatenationHeader.udhLength(portsOnly)).isEqualTo(7);
    }

    @Test
    void isEmptyForAnEmptyUdh() {
        assertThat(ConcatenationHeader.parse(new byte[] {0x00, 0x41})).isEmpty();
    }

    @Test
    void ignoresAnElementWithZeroOrOutOfRangeValues() {
        assertThat(ConcatenationHeader.parse(new byte[] {0x05, 0x00, 0x03, 0x01, 0x00, 0x01})).isEmpty();
        assertThat(ConcatenationHeader.parse(new byte[] {0x05, 0x00, 0x03, 0x01, 0x02, 0x00})).isEmpty();
        assertThat(ConcatenationHeader.parse(new byte[] {0x05, 0x00, 0x03, 0x01, 0x02, 0x03})).isEmpty();
    }

    @Test
    void takesTheLastOfRepeatedConcatenationElements() {
        byte[] shortMessage = {0x0A, 0x00, 0x03, 0x01, 0x02, 0x01, 0x00, 0x03, 0x07, 0x03, 0x02};

        assertThat(ConcatenationHeader.parse(shortMessage)).contains(new ConcatenationHeader(7, 3, 2, false));
    }

    @Test
    void rejectsAUdhLongerThanTheMessage() {
        byte[] truncated = {0x05, 0x00, 0x03, 0x01};

        assertThatIllegalArgumentException().isThrownBy(() -> ConcatenationHeader.udhLength(truncated));
        assertThatIllegalArgumentException().isThrownBy(() -> ConcatenationHeader.parse(truncated));
    }

    @Test
    void rejectsAnElementThatOverrunsTheUdh() {
        byte[] overrun = {0x04, 0x00, 0x03, 0x01, 0x02, 0x01, 0x41};

        assertThatIllegalArgumentException().isThrownBy(() -> ConcatenationHeader.parse(overrun))
                .withMessageContaining("overruns");
    }

    @Test
    void rejectsAUdhEndingInsideAnElementHeader() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ConcatenationHeader.parse(new byte[] {0x01, 0x00, 0x41}));
    }

    @Test
    void rejectsAnEmptyShortMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> ConcatenationHeader.udhLength(new byte[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> ConcatenationHeader.parse(new byte[0]));
    }

    @ParameterizedTest
    @CsvSource({"256, 2, 1, false", "-1, 2, 1, false", "65536, 2, 1, true", "1, 0, 1, false", "1, 256, 1, false",
            "1, 2, 0, false", "1, 2, 3, true"})
    void refusesValuesTheHeaderCannotCarry(int reference, int total, int sequence, boolean sixteenBit) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConcatenationHeader(reference, total, sequence, sixteenBit));
    }

    private static byte[] withText(byte[] udh, int... text) {
        byte[] message = new byte[udh.length + text.length];
        System.arraycopy(udh, 0, message, 0, udh.length);
        for (int i = 0; i < text.length; i++) {
            message[udh.length + i] = (byte) text[i];
        }
        return message;
    }
}
