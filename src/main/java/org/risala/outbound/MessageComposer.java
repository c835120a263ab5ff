package org.risala.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.risala.sms.InvalidMsisdnException;
import org.risala.sms.MessageText;
import org.risala.sms.MsisdnParser;
import org.springframework.stereotype.Component;

/** Validates a send request field by field and turns it into a message ready to store. */
@Component
class MessageComposer {

    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("^(?=.*[A-Za-z])[A-Za-z0-9 .\\-]{1,11}$");
    private static final Pattern SHORT_CODE = Pattern.compile("^[0-9]{3,8}$");
    private static final Pattern INTERNATIONAL_SENDER = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final int MAX_TEXT = 4000;
    private static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(35);

    private final MsisdnParser numbers;
    private final OperatorRouter router;
    private final OutboundProperties properties;

    MessageComposer(OperatorRouter router, OutboundProperties properties) {
        this.numbers = new MsisdnParser(properties.defaultRegion(), properties.allowInternational());
        this.router = router;
        this.properties = properties;
    }

    record Composed(NewMessage message, List<String> warnings) {
    }

    Composed compose(SendRequest r, Instant now) {
        return compose(r, now, MessageText::of);
    }

    /**
     * @param texts how a text is analysed (encoding, segments, warnings): a batch gives the same answer for the
     *              same text, as every alert of one event has one of two texts
     */
    Composed compose(SendRequest r, Instant now, Function<String, MessageText> texts) {
        String to = recipient(r.to());
        MessageText text = text(r.text(), texts);
        String sender = sender(r.sender());
        String reference = optional("reference", r.reference(), 100);
        String idempotencyKey = optional("Idempotency-Key", r.idempotencyKey(), 100);
        String callbackUrl = callbackUrl(r.callbackUrl());
        Instant sendAt = r.sendAt();
        if (sendAt != null && sendAt.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
            throw new SendRejected("sendAt", "sendAt may be at most " + MAX_SCHEDULE_AHEAD.toDays() + " days ahead");
        }
        Duration validity = validity(r.validityMinutes());
        Instant start = sendAt != null && sendAt.isAfter(now) ? sendAt : now;
        Priority priority = r.priority() == null ? Priority.NORMAL : r.priority();
        String operator = router.route(to, r.testMode(), r.operator());
        NewMessage m = new NewMessage(UuidV7.next(now), r.clientId(), r.origin() == null ? "api" : r.origin(),
                reference, idempotencyKey, r.requestHash(), to, sender, text.value(), text.encoding(), text.segments(),
                priority, r.testMode(), operator, ThreadLocalRandom.current().nextInt(1, 65_536), callbackUrl, now,
                sendAt, start.plus(validity), r.service());
        return new Composed(m, text.warnings());
    }

    private String recipient(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new SendRejected("to", "to is required: the recipient's mobile number");
        }
        try {
            return numbers.parse(raw).e164();
        } catch (InvalidMsisdnException e) {
            throw new SendRejected("to", e.getMessage());
        }
    }

    private MessageText text(String raw, Function<String, MessageText> texts) {
        if (raw == null || raw.isEmpty()) {
            throw new SendRejected("text", "text is required");
        }
        if (raw.length() > MAX_TEXT) {
            throw new SendRejected("text", "text is " + raw.length() + " characters long; the maximum is " + MAX_TEXT);
        }
        MessageText text = texts.apply(raw);
        if (text.segments() > properties.maxSegments()) {
            throw new SendRejected("text", "text needs " + text.segments() + " segments (" + text.encoding() + ", "
                    + text.units() + " characters); the maximum is " + properties.maxSegments());
        }
        return text;
    }

    private static String sender(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
        // a short code first: it is what Risala's own messages are sent from, the alerts of a fan-out each
        if (SHORT_CODE.matcher(s).matches() || ALPHANUMERIC_SENDER.matcher(s).matches()
                || INTERNATIONAL_SENDER.matcher(s).matches()) {
            return s;
        }
        throw new SendRejected("sender", "sender must be a short code (3-8 digits), an alphanumeric name of up to "
                + "11 characters such as ROP, or an international number such as +96824000000");
    }

    private Duration validity(Integer minutes) {
        if (minutes == null) {
            return properties.defaultValidity();
        }
        if (minutes < 1 || minutes > properties.maxValidity().toMinutes()) {
            throw new SendRejected("validityMinutes", "validityMinutes must be between 1 and "
                    + properties.maxValidity().toMinutes());
        }
        return Duration.ofMinutes(minutes);
    }

    private static String callbackUrl(String raw) {
        try {
            return CallbackUrls.check(raw);
        } catch (IllegalArgumentException e) {
            throw new SendRejected("callbackUrl", e.getMessage());
        }
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new SendRejected(field, field + " may be at most " + max + " characters long");
        }
        return value;
    }

    /** time-ordered UUIDs (RFC 9562 version 7) keep the primary key index append-mostly */
    static final class UuidV7 {
        private UuidV7() {
        }

        static UUID next(Instant now) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long msb = (now.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }
    }
}
