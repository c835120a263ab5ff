package org.risala.smpp;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads delivery receipts leniently: SMSCs vary the case of the keys, add seconds to the dates, invent stat
 * values and sometimes move the facts into TLVs. The TLVs win when present (they are typed; the text is
 * "vendor-specific" per SMPP 3.4 Appendix B).
 */
final class ReceiptParser {

    /** what the receipt's TLVs said; each may be null */
    record Tlvs(String receiptedMessageId, Integer messageState, String networkErrorCode) {
        static final Tlvs NONE = new Tlvs(null, null, null);
    }

    /** a parsed receipt; id is the SMSC's message id as written, not yet normalised */
    record Receipt(String id, ReceiptState state, String errorCode, Instant submittedAt, Instant doneAt) {
    }

    private static final Pattern ID = field("id");
    private static final Pattern STAT = field("stat");
    private static final Pattern ERR = field("err");
    private static final Pattern SUBMIT_DATE = field("submit date");
    private static final Pattern DONE_DATE = field("done date");
    private static final Pattern TEXT = Pattern.compile("(?i)(?:^|\\s)text:");

    private static final Map<String, ReceiptState> STATS = Map.ofEntries(
            Map.entry("ENROUTE", ReceiptState.ENROUTE),
            Map.entry("DELIVRD", ReceiptState.DELIVERED),
            Map.entry("DELIVERED", ReceiptState.DELIVERED),
            Map.entry("EXPIRED", ReceiptState.EXPIRED),
            Map.entry("DELETED", ReceiptState.DELETED),
            Map.entry("UNDELIV", ReceiptState.UNDELIVERED),
            Map.entry("UNDELIVERABLE", ReceiptState.UNDELIVERED),
            Map.entry("ACCEPTD", ReceiptState.ACCEPTED),
            Map.entry("ACCEPTED", ReceiptState.ACCEPTED),
            Map.entry("UNKNOWN", ReceiptState.UNKNOWN),
            Map.entry("REJECTD", ReceiptState.REJECTED),
            Map.entry("REJECTED", ReceiptState.REJECTED));

    private final ZoneId zone;

    /** @param zone the SMSC's local time zone, in which receipt dates are written */
    ReceiptParser(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param text      the receipt text from short_message or message_payload, may be empty
     * @param arrivedAt used as the done date when the receipt gives none
     * @return empty when neither the TLVs nor the text carry a message id
     */
    Optional<Receipt> parse(String text, Tlvs tlvs, Instant arrivedAt) {
        String fields = beforeText(text == null ? "" : text);
        String id = firstNonBlank(tlvs.receiptedMessageId(), find(ID, fields));
        if (id == null) {
            return Optional.empty();
        }
        ReceiptState state = tlvs.messageState() != null
                ? fromMessageState(tlvs.messageState())
                : Optional.ofNullable(find(STAT, fields)).map(ReceiptParser::fromStat).orElse(ReceiptState.UNKNOWN);
        String errorCode = firstNonBlank(tlvs.networkErrorCode(), find(ERR, fields));
        Instant submittedAt = date(find(SUBMIT_DATE, fields));
        Instant doneAt = date(find(DONE_DATE, fields));
        return Optional.of(new Receipt(id.trim(), state, errorCode, submittedAt, doneAt == null ? arrivedAt : doneAt));
    }

    static ReceiptState fromStat(String stat) {
        return STATS.getOrDefault(stat.toUpperCase(Locale.ROOT), ReceiptState.UNKNOWN);
    }

    /** SMPP 3.4 §5.3.2.35 message_state values */
    static ReceiptState fromMessageState(int messageState) {
        return switch (messageState) {
            case 0, 1 -> ReceiptState.ENROUTE; // 0 SCHEDULED: not delivered yet either
            case 2 -> ReceiptState.DELIVERED;
            case 3 -> ReceiptState.EXPIRED;
            case 4 -> ReceiptState.DELETED;
            case 5 -> ReceiptState.UNDELIVERED;
            case 6 -> ReceiptState.ACCEPTED;
            case 8 -> ReceiptState.REJECTED;
            default -> ReceiptState.UNKNOWN;
        };
    }

    private Instant date(String value) {
        if (value == null || !(value.length() == 10 || value.length() == 12) || !SmppAddress.digitsOnly(value)) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(2000 + number(value, 0), number(value, 2), number(value, 4),
                    number(value, 6), number(value, 8), value.length() == 12 ? number(value, 10) : 0);
            return local.atZone(zone).toInstant();
        } catch (DateTimeException invalidDate) {
            return null;
        }
    }

    private static int number(String digits, int from) {
        return Integer.parseInt(digits, from, from + 2, 10);
    }

    /** the free text may contain anything, including "stat:", so fields are read only before it */
    private static String beforeText(String text) {
        Matcher matcher = TEXT.matcher(text);
        return matcher.find() ? text.substring(0, matcher.start()) : text;
    }

    private static String find(Pattern pattern, String fields) {
        Matcher matcher = pattern.matcher(fields);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static Pattern field(String key) {
        // a value never holds a colon, so "id: sub:001" (empty id) does not read "sub" as the id
        return Pattern.compile("(?i)(?:^|\\s)" + key.replace(" ", "\\s+") + ":[ ]?([^\\s:]+)(?=\\s|$)");
    }

    private static String firstNonBlank(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }
}
