package org.risala.simulator;

import org.jsmpp.bean.OptionalParameter.Message_payload;
import org.jsmpp.bean.OptionalParameter.Sar_msg_ref_num;
import org.jsmpp.bean.OptionalParameter.Sar_segment_seqnum;
import org.jsmpp.bean.OptionalParameter.Sar_total_segments;
import org.jsmpp.bean.SubmitSm;
import org.risala.sms.ConcatenationHeader;
import org.risala.sms.SmsCodec;

import java.util.Arrays;
import java.util.Optional;

/**
 * One submit_sm as the handset sees it: decoded text and its place in a concatenated message, whichever of the
 * three mechanisms carried it (UDH with UDHI set, sar_* TLVs, or the whole text in message_payload).
 *
 * @param to        the handset, E.164
 * @param reference concatenation reference; meaningless when {@code total} is 1
 * @param sequence  1-based
 * @param serviceType the submit_sm service_type, null when empty (the SMSC's default)
 */
record SubmittedPart(String to, String from, String text, String encoding, int reference, int total, int sequence,
                     String serviceType) {

    static SubmittedPart of(SubmitSm submit) {
        String to = Numbers.toE164(submit.getDestAddress());
        String from = submit.getSourceAddr();
        String serviceType = submit.getServiceType() == null || submit.getServiceType().isEmpty() ? null
                : submit.getServiceType();
        int dataCoding = submit.getDataCoding() & 0xFF;
        String encoding = isUcs2(dataCoding) ? "UCS2" : "GSM7";
        byte[] message = submit.getShortMessage() == null ? new byte[0] : submit.getShortMessage();
        if (message.length == 0) {
            Message_payload payload = submit.getOptionalParameter(Message_payload.class);
            if (payload != null) {
                message = payload.getValue();
            }
        }
        if (submit.isUdhi()) {
            Optional<ConcatenationHeader> header = ConcatenationHeader.parse(message);
            byte[] body = Arrays.copyOfRange(message, ConcatenationHeader.udhLength(message), message.length);
            String text = SmsCodec.decode(dataCoding, body);
            return header.filter(SubmittedPart::isPlausible)
                    .map(h -> new SubmittedPart(to, from, text, encoding, h.reference(), h.total(), h.sequence(),
                            serviceType))
                    .orElseGet(() -> new SubmittedPart(to, from, text, encoding, 0, 1, 1, serviceType));
        }
        String text = SmsCodec.decode(dataCoding, message);
        Sar_msg_ref_num reference = submit.getOptionalParameter(Sar_msg_ref_num.class);
        Sar_total_segments total = submit.getOptionalParameter(Sar_total_segments.class);
        Sar_segment_seqnum sequence = submit.getOptionalParameter(Sar_segment_seqnum.class);
        if (reference != null && total != null && sequence != null) {
            int parts = total.getValue() & 0xFF;
            int seq = sequence.getValue() & 0xFF;
            if (seq >= 1 && seq <= parts) {
                return new SubmittedPart(to, from, text, encoding, reference.getValue() & 0xFFFF, parts, seq,
                        serviceType);
            }
        }
        return new SubmittedPart(to, from, text, encoding, 0, 1, 1, serviceType);
    }

    /** a header a handset would not reassemble is shown as a message of its own */
    private static boolean isPlausible(ConcatenationHeader header) {
        return header.total() >= 1 && header.sequence() >= 1 && header.sequence() <= header.total();
    }

    /** 0x08, and the UCS-2 members of the general data coding group such as 0x18 (UCS-2, class 0) */
    private static boolean isUcs2(int dataCoding) {
        return (dataCoding & 0xC0) == 0 && (dataCoding & 0x0C) == 0x08;
    }
}
