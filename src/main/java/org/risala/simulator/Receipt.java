package org.risala.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;

/**
 * A delivery receipt for one accepted part, addressed back to the ESME that submitted it.
 *
 * @param systemId   the submitting ESME's system_id, to route the receipt to one of its receiver binds
 * @param handset    the part's destination_addr as submitted, the receipt's source_addr
 * @param sender     the part's source_addr with its TON and NPI, the receipt's destination_addr
 * @param receiptId  the message id in the form receipts use (see {@link MessageIdStyle})
 * @param text       the part's decoded text; the receipt carries its first 20 characters
 */
record Receipt(String systemId, String handset, TypeOfNumber handsetTon, NumberingPlanIndicator handsetNpi,
               String sender, TypeOfNumber senderTon, NumberingPlanIndicator senderNpi, String receiptId,
               ReceiptStat stat, Instant submittedAt, String text) {

    /** Omani SMSCs write local time; Oman is UTC+4 all year */
    static final ZoneId SMSC_ZONE = ZoneId.of("Asia/Muscat");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(SMSC_ZONE);

    /**
     * The SMPP 3.4 Appendix B text. {@code text:} keeps printable ASCII only (others become '?'), because the receipt
     * goes out with data_coding 0 and clients parse it with their platform charset.
     */
    byte[] shortMessage(Instant doneAt) {
        String receipt = "id:" + receiptId
                + " sub:001 dlvrd:" + (stat == ReceiptStat.DELIVRD ? "001" : "000")
                + " submit date:" + DATE.format(submittedAt)
                + " done date:" + DATE.format(doneAt)
                + " stat:" + stat.name()
                + " err:" + stat.errorCode()
                + " text:" + printable(text);
        return receipt.getBytes(StandardCharsets.US_ASCII);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(20);
        text.codePoints().limit(20).forEach(c -> out.append(c >= 0x20 && c < 0x7F ? (char) c : '?'));
        return out.toString();
    }
}
