package org.risala.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;

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

    /** the last minute written and its text: the receipts of one run of traffic share a few minutes */
    private record Minute(long epochMinute, String text) {
    }

    private static final AtomicReference<Minute> LAST_MINUTE = new AtomicReference<>(new Minute(Long.MIN_VALUE, ""));

    /**
     * The SMPP 3.4 Appendix B text. {@code text:} keeps printable ASCII only (others become '?'), because the receipt
     * goes out with data_coding 0 and clients parse it with their platform charset.
     */
    byte[] shortMessage(Instant doneAt) {
        String receipt = "id:" + receiptId
                + " sub:001 dlvrd:" + (stat == ReceiptStat.DELIVRD ? "001" : "000")
                + " submit date:" + date(submittedAt)
                + " done date:" + date(doneAt)
                + " stat:" + stat.name()
                + " err:" + stat.errorCode()
                + " text:" + printable(text);
        return receipt.getBytes(StandardCharsets.US_ASCII);
    }

    private static String date(Instant at) {
        long minute = Math.floorDiv(at.getEpochSecond(), 60);
        Minute last = LAST_MINUTE.get();
        if (last.epochMinute() != minute) {
            last = new Minute(minute, DATE.format(at));
            LAST_MINUTE.set(last);
        }
        return last.text();
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(20);
        for (int i = 0, n = 0; i < text.length() && n < 20; i += Character.charCount(text.codePointAt(i)), n++) {
            int c = text.codePointAt(i);
            out.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return out.toString();
    }
}
