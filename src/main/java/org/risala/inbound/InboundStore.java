package org.risala.inbound;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.risala.sms.Msisdn;
import org.risala.sms.MsisdnParser;
import org.risala.smpp.SmsReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores each incoming SMS part. It runs on jSMPP's receiving thread and returns only after the insert committed:
 * if the database is down the exception makes the SMSC resend, so nothing a citizen sent is lost.
 */
@Component
class InboundStore {

    private static final Logger log = LoggerFactory.getLogger(InboundStore.class);

    private final JdbcClient jdbc;
    private final MsisdnParser numbers = new MsisdnParser("OM", true);

    InboundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SmsReceived sms) {
        // store the citizen in E.164 when the SMSC's form parses; keep the raw form otherwise, never drop it
        var parsed = numbers.tryParse(sms.from());
        String sender = parsed.map(Msisdn::e164).orElse(sms.from());
        jdbc.sql("""
                        INSERT INTO inbound_message (operator, sender, recipient, body, concat_ref, part_no, total_parts, received_at)
                        VALUES (:op, :from, :to, :body, :ref, :part, :total, :at)""")
                .param("op", sms.operator()).param("from", sender).param("to", sms.to()).param("body", sms.text())
                .param("ref", sms.concatReference()).param("part", sms.partNumber()).param("total", sms.totalParts())
                .param("at", OffsetDateTime.ofInstant(sms.receivedAt(), ZoneOffset.UTC))
                .update();
        log.info("SMS received from {} to {} via {} (part {}/{})", parsed.map(Msisdn::masked).orElse("(unparsed number)"), sms.to(), sms.operator(),
                sms.partNumber(), sms.totalParts());
    }
}
