package org.risala.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.risala.smpp.SmppProperties.MessageIdFormat.AS_IS;
import static org.risala.smpp.SmppProperties.MessageIdFormat.BOTH_DEC;
import static org.risala.smpp.SmppProperties.MessageIdFormat.BOTH_HEX;
import static org.risala.smpp.SmppProperties.MessageIdFormat.RESP_DEC_RCPT_HEX;
import static org.risala.smpp.SmppProperties.MessageIdFormat.RESP_HEX_RCPT_DEC;

import org.junit.jupiter.api.Test;

class MessageIdsTests {

    @Test
    void hexResponseAndDecimalReceiptOfTheSameMessageGiveTheSameKey() {
        String fromResponse = MessageIds.normalise(RESP_HEX_RCPT_DEC, "1A2B3C", false);
        String fromReceipt = MessageIds.normalise(RESP_HEX_RCPT_DEC, "1715004", true);

        assertThat(fromResponse).isEqualTo("1715004").isEqualTo(fromReceipt);
    }

    @Test
    void theReverseFormatReadsTheReceiptAsHex() {
        assertThat(MessageIds.normalise(RESP_DEC_RCPT_HEX, "1715004", false)).isEqualTo("1715004");
        assertThat(MessageIds.normalise(RESP_DEC_RCPT_HEX, "1a2b3c", true)).isEqualTo("1715004");
    }

    @Test
    void leadingZerosDoNotMatter() {
        assertThat(MessageIds.normalise(BOTH_DEC, "0000123", true)).isEqualTo("123");
        assertThat(MessageIds.normalise(BOTH_HEX, "000000ff", false)).isEqualTo("255");
        assertThat(MessageIds.normalise(AS_IS, "00ab12", false)).isEqualTo("AB12");
    }

    @Test
    void zeroStaysZero() {
        assertThat(MessageIds.normalise(AS_IS, "0000", true)).isEqualTo("0");
        assertThat(MessageIds.normalise(BOTH_DEC, "000", true)).isEqualTo("0");
    }

    @Test
    void hexLettersAreCaseInsensitive() {
        assertThat(MessageIds.normalise(BOTH_HEX, "DeadBeef", true))
                .isEqualTo(MessageIds.normalise(BOTH_HEX, "deadbeef", false))
                .isEqualTo("3735928559");
    }

    @Test
    void sixtyFourBitValuesStayUnsigned() {
        assertThat(MessageIds.normalise(BOTH_HEX, "FFFFFFFFFFFFFFFF", false)).isEqualTo("18446744073709551615");
        assertThat(MessageIds.normalise(BOTH_DEC, "18446744073709551615", true)).isEqualTo("18446744073709551615");
    }

    @Test
    void valuesBeyondSixtyFourBitsFallBackToText() {
        assertThat(MessageIds.normalise(BOTH_HEX, "01FFFFFFFFFFFFFFFFF", false)).isEqualTo("1FFFFFFFFFFFFFFFFF");
    }

    @Test
    void idsThatDoNotParseInTheirBaseAreComparedAsUpperCaseText() {
        assertThat(MessageIds.normalise(BOTH_DEC, "00ab-12", true)).isEqualTo("AB-12");
        assertThat(MessageIds.normalise(RESP_HEX_RCPT_DEC, "0xyz", false)).isEqualTo("XYZ");
        // hex-looking text in a decimal position is not silently read as hex
        assertThat(MessageIds.normalise(RESP_HEX_RCPT_DEC, "1a", true)).isEqualTo("1A");
    }

    @Test
    void asIsDoesNotConvertDigits() {
        assertThat(MessageIds.normalise(AS_IS, "10", true)).isEqualTo("10");
        assertThat(MessageIds.normalise(AS_IS, "1a2b", false)).isEqualTo("1A2B");
    }
}
