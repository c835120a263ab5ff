package org.risala.pull.web;

import static org.risala.storage.SqlTimes.ts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the admin page shows of the table {@code pull_lookup}, which the answering of services writes. */
@Repository
class LookupFigures {

    /**
     * One service's lookups; the latencies are those of the lookups that asked the back office (found, not found,
     * failed), null when there was none.
     */
    record Figures(long requests, long found, long notFound, long invalid, long failed, Integer p50, Integer p99) {
        static final Figures NONE = new Figures(0, 0, 0, 0, 0, null, null);
    }

    record Lookup(Instant askedAt, String service, String sender, String query, String outcome, int latencyMs) {
    }

    private final JdbcClient jdbc;

    LookupFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** by service; percentiles in the database (H2 and PostgreSQL both have them), so no row leaves it */
    Map<String, Figures> since(Instant since) {
        return jdbc.sql("""
                        SELECT service, COUNT(*) AS requests,
                          COUNT(*) FILTER (WHERE outcome = 'FOUND') AS found,
                          COUNT(*) FILTER (WHERE outcome = 'NOT_FOUND') AS not_found,
                          COUNT(*) FILTER (WHERE outcome = 'INVALID') AS invalid,
                          COUNT(*) FILTER (WHERE outcome = 'FAILED') AS failed,
                          PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY latency_ms)
                            FILTER (WHERE outcome IN ('FOUND', 'NOT_FOUND', 'FAILED')) AS p50,
                          PERCENTILE_DISC(0.99) WITHIN GROUP (ORDER BY latency_ms)
                            FILTER (WHERE outcome IN ('FOUND', 'NOT_FOUND', 'FAILED')) AS p99
                        FROM pull_lookup WHERE asked_at >= :since GROUP BY service""")
                .param("since", ts(since))
                .query((rs, n) -> Map.entry(rs.getString("service"), new Figures(rs.getLong("requests"),
                        rs.getLong("found"), rs.getLong("not_found"), rs.getLong("invalid"), rs.getLong("failed"),
                        rs.getObject("p50", Integer.class), rs.getObject("p99", Integer.class))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** newest first */
    List<Lookup> recent(int limit) {
        return jdbc.sql("""
                        SELECT asked_at, service, sender, query, outcome, latency_ms FROM pull_lookup
                        ORDER BY asked_at DESC, id DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Lookup(rs.getObject("asked_at", OffsetDateTime.class).toInstant(),
                        rs.getString("service"), rs.getString("sender"), rs.getString("query"),
                        rs.getString("outcome"), rs.getInt("latency_ms")))
                .list();
    }
}
