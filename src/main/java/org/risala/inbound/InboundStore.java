package org.risala.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.risala.sms.Msisdn;
import org.risala.sms.MsisdnParser;
import org.risala.smpp.SmsReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores each incoming SMS: a single part at once, the parts of a concatenated one until the last arrives, then
 * the reassembled text. It runs on jSMPP's receiving thread and returns only after the commit: if the database is
 * down the exception makes the SMSC resend, so nothing a citizen sent is lost. What the SMSC resends (a part, or a
 * whole message within the duplicate window) is stored once.
 */
@Component
class InboundStore {

    private static final Logger log = LoggerFactory.getLogger(InboundStore.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final InboundProperties properties;
    private final MsisdnParser numbers = new MsisdnParser("OM", true);
    private final Counter stored;
    private final Counter duplicates;

    InboundStore(JdbcClient jdbc, TransactionTemplate tx, Clock clock, InboundProperties properties,
                 MeterRegistry registry) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.stored = Counter.builder("risala.inbound.messages").description("incoming SMS stored").register(registry);
        this.duplicates = Counter.builder("risala.inbound.duplicates")
                .description("incoming SMS or parts the SMSC sent again, stored once").register(registry);
    }

    @EventListener
    void on(SmsReceived sms) {
        Optional<Msisdn> parsed = numbers.tryParse(sms.from());
        // the citizen in E.164 when the SMSC's form parses; the raw form otherwise, never dropped
        String sender = parsed.map(Msisdn::e164).orElse(sms.from());
        String outcome = tx.execute(s -> sms.totalParts() <= 1
                ? storeMessage(sms.operator(), sender, sms.to(), sms.text(), 1)
                : storePart(new Group(sms.operator(), sender, sms.to(), sms.concatReference(), sms.totalParts()),
                        sms.partNumber(), sms.text()));
        log.info("SMS from {} to {} via {}, part {}/{}: {}", parsed.map(Msisdn::masked).orElse("(unparsed number)"),
                sms.to(), sms.operator(), Math.max(1, sms.partNumber()), Math.max(1, sms.totalParts()), outcome);
    }

    /** the parts of one concatenated message */
    private record Group(String operator, String sender, String recipient, int reference, int total) {

        static final String WHERE = "operator = :op AND sender = :from AND recipient = :to AND concat_ref = :ref "
                + "AND total_parts = :total";

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
            return sql.param("op", operator).param("from", sender).param("to", recipient).param("ref", reference)
                    .param("total", total);
        }
    }

    /** adds a part and, when it was the last one, stores the reassembled message */
    private String storePart(Group group, int partNumber, String text) {
        group.bind(jdbc.sql("""
                        INSERT INTO inbound_concat (operator, sender, recipient, concat_ref, total_parts, first_at)
                        VALUES (:op, :from, :to, :ref, :total, :now) ON CONFLICT DO NOTHING"""))
                .param("now", ts(clock.instant())).update();
        // one part of a group at a time: the last two arriving together must not both miss completing it
        group.bind(jdbc.sql("SELECT concat_ref FROM inbound_concat WHERE " + Group.WHERE + " FOR UPDATE"))
                .query(Integer.class).list();
        int added = group.bind(jdbc.sql("""
                        INSERT INTO inbound_part (operator, sender, recipient, concat_ref, total_parts, part_no, body)
                        VALUES (:op, :from, :to, :ref, :total, :part, :body) ON CONFLICT DO NOTHING"""))
                .param("part", partNumber).param("body", text).update();
        if (added == 0) {
            duplicates.increment();
            return "part sent again, already stored";
        }
        List<String> parts = group.bind(jdbc.sql("SELECT body FROM inbound_part WHERE " + Group.WHERE
                + " ORDER BY part_no")).query(String.class).list();
        if (parts.size() < group.total()) {
            return "part stored, waiting for the others";
        }
        group.bind(jdbc.sql("DELETE FROM inbound_part WHERE " + Group.WHERE)).update();
        group.bind(jdbc.sql("DELETE FROM inbound_concat WHERE " + Group.WHERE)).update();
        return storeMessage(group.operator(), group.sender(), group.recipient(), String.join("", parts), parts.size());
    }

    /** stores, with the parts that came, concatenated messages whose other parts have not come in time */
    @Scheduled(fixedDelayString = "${risala.inbound.concat-sweep-interval:60s}")
    void completeOverdue() {
        Instant cutoff = clock.instant().minus(properties.concatTimeout());
        List<Group> overdue = tx.execute(s -> jdbc.sql("""
                        SELECT operator, sender, recipient, concat_ref, total_parts FROM inbound_concat
                        WHERE first_at < :cutoff ORDER BY first_at LIMIT 100 FOR UPDATE SKIP LOCKED""")
                .param("cutoff", ts(cutoff))
                .query((rs, n) -> new Group(rs.getString("operator"), rs.getString("sender"), rs.getString("recipient"),
                        rs.getInt("concat_ref"), rs.getInt("total_parts")))
                .list());
        for (Group group : overdue) {
            String outcome = tx.execute(s -> {
                List<String> parts = group.bind(jdbc.sql("SELECT body FROM inbound_part WHERE " + Group.WHERE
                        + " ORDER BY part_no FOR UPDATE")).query(String.class).list();
                group.bind(jdbc.sql("DELETE FROM inbound_part WHERE " + Group.WHERE)).update();
                group.bind(jdbc.sql("DELETE FROM inbound_concat WHERE " + Group.WHERE)).update();
                return parts.isEmpty() ? "no parts left"
                        : storeMessage(group.operator(), group.sender(), group.recipient(), String.join("", parts),
                                parts.size());
            });
            log.warn("concatenated SMS to {} via {} still missed parts after {}: {}", group.recipient(),
                    group.operator(), properties.concatTimeout(), outcome);
        }
    }

    private String storeMessage(String operator, String sender, String recipient, String text, int parts) {
        Instant now = clock.instant();
        String fingerprint = fingerprint(operator, sender, recipient, text);
        boolean seen = jdbc.sql("""
                        SELECT COUNT(*) FROM inbound_message WHERE fingerprint = :f AND received_at > :since""")
                .param("f", fingerprint).param("since", ts(now.minus(properties.duplicateWindow())))
                .query(Long.class).single() > 0;
        if (seen) {
            duplicates.increment();
            return "sent again within the duplicate window, already stored";
        }
        jdbc.sql("""
                        INSERT INTO inbound_message (operator, sender, recipient, body, parts, fingerprint, received_at)
                        VALUES (:op, :from, :to, :body, :parts, :f, :at)""")
                .param("op", operator).param("from", sender).param("to", recipient).param("body", text)
                .param("parts", parts).param("f", fingerprint).param("at", ts(now)).update();
        stored.increment();
        return parts == 1 ? "stored" : "stored, reassembled from " + parts + " parts";
    }

    private static String fingerprint(String operator, String sender, String recipient, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {operator, sender, recipient, text}) {
                sha.update(field.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
