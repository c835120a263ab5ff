package org.risala.pull;

import static org.risala.storage.SqlTimes.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.risala.storage.GroupCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit of every lookup: who asked, what, the kind of answer, how long it took, and the reply — whose text is
 * dropped after {@code risala.pull.lookups.reply-retention}. Lookups from all threads are written together.
 */
@Component
class LookupAudit {

    private static final Logger log = LoggerFactory.getLogger(LookupAudit.class);

    /** one lookup; {@code query} holds the normalised arguments, e.g. {@code plate=12345AB} */
    record Lookup(Instant askedAt, String service, String sender, String query, String outcome, int latencyMillis,
                  String reply, long inboundId) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Clock clock;
    private final LookupProperties properties;
    private final GroupCommit<Lookup> writer;

    LookupAudit(JdbcClient jdbc, NamedParameterJdbcTemplate batch, TransactionTemplate tx, Clock clock,
                LookupProperties properties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.properties = properties;
        this.writer = new GroupCommit<>("lookup-audit", 1, 1000, tx, this::insert);
    }

    /** completes once the lookup is stored, or failed to be (logged: the citizen still gets the answer) */
    CompletableFuture<Void> record(Lookup lookup) {
        return writer.submit(lookup).exceptionally(e -> {
            log.error("a lookup on {} could not be audited", lookup.service(), e);
            return null;
        });
    }

    private void insert(List<Lookup> lookups) {
        batch.batchUpdate("""
                INSERT INTO pull_lookup (asked_at, service, sender, query, outcome, latency_ms, reply, inbound_id)
                VALUES (:at, :service, :sender, :query, :outcome, :latency, :reply, :inbound)""", lookups.stream()
                .map(l -> new MapSqlParameterSource().addValue("at", ts(l.askedAt())).addValue("service", l.service())
                        .addValue("sender", l.sender()).addValue("query", cut(l.query(), 200))
                        .addValue("outcome", l.outcome()).addValue("latency", l.latencyMillis())
                        .addValue("reply", cut(l.reply(), 1600)).addValue("inbound", l.inboundId()))
                .toArray(SqlParameterSource[]::new));
    }

    @Scheduled(fixedDelayString = "${risala.pull.lookups.retention-sweep-interval:1h}")
    void applyRetention() {
        Instant now = clock.instant();
        int forgotten = jdbc.sql("UPDATE pull_lookup SET reply = NULL WHERE asked_at < :before AND reply IS NOT NULL")
                .param("before", ts(now.minus(properties.replyRetention()))).update();
        int dropped = jdbc.sql("DELETE FROM pull_lookup WHERE asked_at < :before")
                .param("before", ts(now.minus(properties.auditRetention()))).update();
        if (forgotten + dropped > 0) {
            log.info("lookup audit retention: {} reply texts dropped, {} lookups deleted", forgotten, dropped);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        writer.shutdown();
    }
}
