package org.risala.smpp;

import java.util.ArrayList;
import java.util.List;

import org.jsmpp.bean.OptionalParameter;
import org.risala.sms.ConcatenationHeader;
import org.risala.sms.Encoding;
import org.risala.sms.MessageText;
import org.risala.sms.SmsCodec;
import org.risala.smpp.SmppProperties.Concatenation;

/** Cuts a message's text into the short_message (and TLVs) of each submit_sm, by the operator's concatenation. */
final class SubmitParts {

    static final byte ESM_DEFAULT = 0x00;
    /** esm_class bit 6: short_message starts with a user data header */
    static final byte ESM_UDHI = 0x40;

    /** one submit_sm's content; number and total are 1-based part counters */
    record Part(int number, int total, byte esmClass, byte dataCoding, byte[] shortMessage,
                OptionalParameter[] optionalParameters) {
    }

    private SubmitParts() {
    }

    static List<Part> of(String text, Concatenation concatenation, int reference) {
        MessageText message = MessageText.of(text);
        Encoding encoding = message.encoding();
        byte dataCoding = encoding.dataCoding();
        if (concatenation == Concatenation.PAYLOAD) {
            // the SMSC splits it; sm_length must then be 0
            OptionalParameter payload = new OptionalParameter.Message_payload(SmsCodec.encode(encoding, text));
            return List.of(new Part(1, 1, ESM_DEFAULT, dataCoding, new byte[0], new OptionalParameter[] {payload}));
        }
        // with SAR the SMSC writes the UDH itself and may choose a 16-bit reference, so leave room for it
        boolean sixteenBit = concatenation != Concatenation.UDH_8BIT;
        List<String> texts = message.parts(sixteenBit);
        int total = texts.size();
        List<Part> parts = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            byte[] body = SmsCodec.encode(encoding, texts.get(i));
            int number = i + 1;
            if (total == 1) {
                parts.add(new Part(1, 1, ESM_DEFAULT, dataCoding, body, new OptionalParameter[0]));
            } else if (concatenation == Concatenation.SAR) {
                OptionalParameter[] sar = {
                        new OptionalParameter.Sar_msg_ref_num((short) (reference & 0xFFFF)),
                        new OptionalParameter.Sar_total_segments((byte) total),
                        new OptionalParameter.Sar_segment_seqnum((byte) number)};
                parts.add(new Part(number, total, ESM_DEFAULT, dataCoding, body, sar));
            } else {
                int ref = reference & (sixteenBit ? 0xFFFF : 0xFF);
                byte[] udh = new ConcatenationHeader(ref, total, number, sixteenBit).toUdh();
                byte[] shortMessage = new byte[udh.length + body.length];
                System.arraycopy(udh, 0, shortMessage, 0, udh.length);
                System.arraycopy(body, 0, shortMessage, udh.length, body.length);
                parts.add(new Part(number, total, ESM_UDHI, dataCoding, shortMessage, new OptionalParameter[0]));
            }
        }
        return parts;
    }
}
