package org.risala.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;
import org.risala.sms.ConcatenationHeader;
import org.risala.smpp.SmppProperties.Concatenation;
import org.risala.smpp.SubmitParts.Part;

class SubmitPartsTests {

    private static final String LONG_GSM = "Traffic violation 1234: ".repeat(10);

    @Test
    void aShortMessageIsOnePartWithoutHeader() {
        List<Part> parts = SubmitParts.of("Your code is 4821", Concatenation.UDH_8BIT, 7);

        assertThat(parts).singleElement().satisfies(part -> {
            assertThat(part.esmClass()).isEqualTo((byte) 0);
            assertThat(part.dataCoding()).isEqualTo((byte) 0);
            assertThat(new String(part.shortMessage(), StandardCharsets.US_ASCII)).isEqualTo("Your code is 4821");
        });
    }

    @Test
    void udhPartsCarryTheReferenceTotalAndSequence() {
        List<Part> parts = SubmitParts.of(LONG_GSM, Concatenation.UDH_8BIT, 300);

        assertThat(parts).hasSize(2);
        for (Part part : parts) {
            assertThat(part.esmClass()).isEqualTo((byte) 0x40);
            assertThat(ConcatenationHeader.parse(part.shortMessage()))
                    .contains(new ConcatenationHeader(300 & 0xFF, 2, part.number(), false));
            assertThat(part.shortMessage().length).isLessThanOrEqualTo(6 + 153);
        }
    }

    @Test
    void sixteenBitUdhKeepsTheWholeReference() {
        List<Part> parts = SubmitParts.of(LONG_GSM, Concatenation.UDH_16BIT, 300);

        assertThat(ConcatenationHeader.parse(parts.get(1).shortMessage()))
                .contains(new ConcatenationHeader(300, 2, 2, true));
    }

    @Test
    void arabicIsUcs2() {
        List<Part> parts = SubmitParts.of("مخالفة مرورية", Concatenation.UDH_8BIT, 1);

        assertThat(parts).singleElement().satisfies(part -> {
            assertThat(part.dataCoding()).isEqualTo((byte) 0x08);
            assertThat(new String(part.shortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("مخالفة مرورية");
        });
    }

    @Test
    void sarPartsUseTlvsInsteadOfAHeader() {
        List<Part> parts = SubmitParts.of(LONG_GSM, Concatenation.SAR, 513);

        assertThat(parts).hasSize(2);
        Part second = parts.get(1);
        assertThat(second.esmClass()).isEqualTo((byte) 0);
        assertThat(second.optionalParameters()).hasSize(3);
        assertThat(Arrays.stream(second.optionalParameters())
                .filter(OptionalParameter.Sar_msg_ref_num.class::isInstance)
                .map(tlv -> ((OptionalParameter.Sar_msg_ref_num) tlv).getValue()).findFirst()).contains((short) 513);
        assertThat(Arrays.stream(second.optionalParameters())
                .filter(OptionalParameter.Sar_segment_seqnum.class::isInstance)
                .map(tlv -> ((OptionalParameter.Sar_segment_seqnum) tlv).getValue()).findFirst()).contains((byte) 2);
    }

    @Test
    void payloadSendsTheWholeTextInOneTlv() {
        List<Part> parts = SubmitParts.of(LONG_GSM, Concatenation.PAYLOAD, 1);

        assertThat(parts).singleElement().satisfies(part -> {
            assertThat(part.shortMessage()).isEmpty();
            OptionalParameter.Message_payload payload = (OptionalParameter.Message_payload) part.optionalParameters()[0];
            assertThat(new String(payload.getValue(), StandardCharsets.US_ASCII)).isEqualTo(LONG_GSM);
        });
    }
}
