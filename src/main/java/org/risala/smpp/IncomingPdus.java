package org.risala.smpp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.risala.sms.ConcatenationHeader;
import org.risala.sms.Msisdn;
import org.risala.sms.SmsCodec;
import org.risala.smpp.SmppProperties.MessageIdFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Turns the deliver_sm of one operator into {@link DeliveryReceiptReceived} and {@link SmsReceived}. Listeners run
 * synchronously on jSMPP's PDU threads and jSMPP answers deliver_sm_resp after we return, so a listener that
 * fails makes us answer ESME_RX_T_APPN and the SMSC delivers again later.
 */
final class IncomingPdus implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(IncomingPdus.class);

    private final String operator;
    private final MessageIdFormat messageIdFormat;
    private final ReceiptParser receipts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncomingPdus(String operator, MessageIdFormat messageIdFormat, ReceiptParser receipts,
                 ApplicationEventPublisher events, Clock clock) {
        this.operator = operator;
        this.messageIdFormat = messageIdFormat;
        this.receipts = receipts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        Object event = MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())
                ? receipt(deliverSm)
                : sms(deliverSm);
        if (event == null) {
            return;
        }
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            log.warn("Could not take a deliver_sm from {} ({}), asking the SMSC to send it again", operator,
                    e.toString());
            throw new ProcessRequestException("not stored: " + e.getMessage(), SMPPConstant.STAT_ESME_RX_T_APPN, e);
        }
    }

    private DeliveryReceiptReceived receipt(DeliverSm deliverSm) {
        String text = new String(content(deliverSm), StandardCharsets.ISO_8859_1);
        ReceiptParser.Tlvs tlvs = new ReceiptParser.Tlvs(receiptedMessageId(deliverSm), messageState(deliverSm),
                networkErrorCode(deliverSm));
        Optional<ReceiptParser.Receipt> receipt = receipts.parse(text, tlvs, clock.instant());
        if (receipt.isEmpty()) {
            // answering an error would only make the SMSC resend something we can never match
            log.warn("Receipt from {} without a message id, dropped", operator);
            return null;
        }
        ReceiptParser.Receipt r = receipt.get();
        log.debug("Receipt from {}: id {} {} err {}", operator, r.id(), r.state(), r.errorCode());
        return new DeliveryReceiptReceived(operator, MessageIds.normalise(messageIdFormat, r.id(), true), r.state(),
                r.errorCode(), r.submittedAt(), r.doneAt());
    }

    private SmsReceived sms(DeliverSm deliverSm) {
        byte[] content = content(deliverSm);
        int dataCoding = deliverSm.getDataCoding() & 0xFF;
        int reference = 0;
        int part = 1;
        int total = 1;
        byte[] body = content;
        try {
            if (deliverSm.isUdhi() && content.length > 0) {
                Optional<ConcatenationHeader> header = ConcatenationHeader.parse(content);
                body = Arrays.copyOfRange(content, ConcatenationHeader.udhLength(content), content.length);
                if (header.isPresent()) {
                    reference = header.get().reference();
                    part = header.get().sequence();
                    total = header.get().total();
                }
            } else {
                OptionalParameter.Sar_msg_ref_num sarReference =
                        deliverSm.getOptionalParameter(OptionalParameter.Sar_msg_ref_num.class);
                OptionalParameter.Sar_total_segments sarTotal =
                        deliverSm.getOptionalParameter(OptionalParameter.Sar_total_segments.class);
                OptionalParameter.Sar_segment_seqnum sarSequence =
                        deliverSm.getOptionalParameter(OptionalParameter.Sar_segment_seqnum.class);
                if (sarReference != null && sarTotal != null && sarSequence != null) {
                    reference = sarReference.getValue() & 0xFFFF;
                    total = sarTotal.getValue() & 0xFF;
                    part = sarSequence.getValue() & 0xFF;
                }
            }
        } catch (IllegalArgumentException brokenHeader) {
            // refusing would make the SMSC resend it forever; the citizen's words are still worth keeping
            log.warn("MO from {} on {} has a broken user data header ({}), taken as one whole message",
                    masked(deliverSm.getSourceAddr()), operator, brokenHeader.getMessage());
            body = content;
        }
        String text = SmsCodec.decode(dataCoding, body);
        log.info("MO from {} to {} on {}: part {}/{}, {} characters", masked(deliverSm.getSourceAddr()),
                deliverSm.getDestAddress(), operator, part, total, text.length());
        SmppAddress from = new SmppAddress(deliverSm.getSourceAddrTon(), deliverSm.getSourceAddrNpi(),
                deliverSm.getSourceAddr());
        return new SmsReceived(operator, from.number(), deliverSm.getDestAddress(), text, reference, part,
                total, clock.instant());
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        log.debug("alert_notification from {} ignored", operator);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    /** short_message, or message_payload when the SMSC sent sm_length 0 */
    private static byte[] content(DeliverSm deliverSm) {
        byte[] shortMessage = deliverSm.getShortMessage();
        if (shortMessage != null && shortMessage.length > 0) {
            return shortMessage;
        }
        OptionalParameter.Message_payload payload = deliverSm.getOptionalParameter(OptionalParameter.Message_payload.class);
        return payload == null ? new byte[0] : payload.getValue();
    }

    private static String receiptedMessageId(DeliverSm deliverSm) {
        OptionalParameter.Receipted_message_id id =
                deliverSm.getOptionalParameter(OptionalParameter.Receipted_message_id.class);
        return id == null ? null : id.getValueAsString();
    }

    private static Integer messageState(DeliverSm deliverSm) {
        OptionalParameter.Message_state state = deliverSm.getOptionalParameter(OptionalParameter.Message_state.class);
        return state == null ? null : state.getValue() & 0xFF;
    }

    private static String networkErrorCode(DeliverSm deliverSm) {
        OptionalParameter.Network_error_code code =
                deliverSm.getOptionalParameter(OptionalParameter.Network_error_code.class);
        if (code == null || code.getValue().length != 3) {
            return null;
        }
        byte[] value = code.getValue();
        // network type (1 GSM, 2 ANSI-136, 3 IS-95 ...) : error code of that network
        return (value[0] & 0xFF) + ":" + (((value[1] & 0xFF) << 8) | (value[2] & 0xFF));
    }

    /** for logs: a number that parses is masked by Msisdn's rule, anything else keeps 5 + 2 characters */
    static String masked(String address) {
        if (address == null) {
            return "null";
        }
        String digits = address.startsWith("+") ? address.substring(1) : address;
        try {
            return Msisdn.of("+" + digits).masked();
        } catch (IllegalArgumentException notAnE164Number) {
            if (address.length() <= 7) {
                return "*".repeat(address.length());
            }
            return address.substring(0, 5) + "*".repeat(address.length() - 7) + address.substring(address.length() - 2);
        }
    }
}
