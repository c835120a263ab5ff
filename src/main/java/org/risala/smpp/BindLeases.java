package org.risala.smpp;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code bind_lease} table. All times are the database's, so that nodes with skewed clocks still agree on
 * when a lease has expired.
 */
final class BindLeases {

    /** what the holder last wrote about a bind */
    record Lease(String operator, int bindIndex, String holder, Instant expiresAt, String state, Instant stateSince,
                 String lastError) {

        boolean isBoundAt(Instant now) {
            return holder != null && expiresAt != null && expiresAt.isAfter(now) && state.startsWith("BOUND");
        }
    }

    /** the state the holder reports with each renewal */
    record Report(String state, Instant since, String lastError) {
    }

    private final JdbcClient jdbc;
    private final String node;
    private final Duration ttl;

    BindLeases(JdbcClient jdbc, ClusterNode node, Duration ttl) {
        this.jdbc = jdbc;
        this.node = node.id();
        this.ttl = ttl;
    }

    String node() {
        return node;
    }

    Duration ttl() {
        return ttl;
    }

    /**
     * Takes the lease when it is free, expired or already ours, and extends it by the TTL.
     *
     * @return true when this node holds the lease until at least now + TTL
     */
    boolean acquire(String operator, int bindIndex, Report report) {
        OffsetDateTime now = now();
        int updated = jdbc.sql("""
                        UPDATE bind_lease
                           SET holder = :node, expires_at = :expires, state = :state, state_since = :since,
                               last_error = :error
                         WHERE operator = :operator AND bind_index = :bindIndex
                           AND (holder = :node OR holder IS NULL OR expires_at IS NULL OR expires_at < :now)""")
                .param("node", node)
                .param("expires", now.plus(ttl))
                .param("state", report.state())
                .param("since", utc(report.since()))
                .param("error", truncate(report.lastError()))
                .param("operator", operator)
                .param("bindIndex", bindIndex)
                .param("now", now)
                .update();
        if (updated == 1) {
            return true;
        }
        if (find(operator, bindIndex).isPresent()) {
            return false;
        }
        try {
            jdbc.sql("""
                            INSERT INTO bind_lease (operator, bind_index, holder, expires_at, state, state_since, last_error)
                            VALUES (:operator, :bindIndex, :node, :expires, :state, :since, :error)""")
                    .param("operator", operator)
                    .param("bindIndex", bindIndex)
                    .param("node", node)
                    .param("expires", now.plus(ttl))
                    .param("state", report.state())
                    .param("since", utc(report.since()))
                    .param("error", truncate(report.lastError()))
                    .update();
            return true;
        } catch (DuplicateKeyException anotherNodeWasFaster) {
            return false;
        }
    }

    /** Gives the lease up (only if ours), so another node may bind at once. */
    void release(String operator, int bindIndex, Report report) {
        jdbc.sql("""
                        UPDATE bind_lease
                           SET holder = NULL, expires_at = NULL, state = :state, state_since = :since, last_error = :error
                         WHERE operator = :operator AND bind_index = :bindIndex AND holder = :node""")
                .param("state", report.state())
                .param("since", utc(report.since()))
                .param("error", truncate(report.lastError()))
                .param("operator", operator)
                .param("bindIndex", bindIndex)
                .param("node", node)
                .update();
    }

    Optional<Lease> find(String operator, int bindIndex) {
        return jdbc.sql("""
                        SELECT operator, bind_index, holder, expires_at, state, state_since, last_error
                          FROM bind_lease WHERE operator = :operator AND bind_index = :bindIndex""")
                .param("operator", operator)
                .param("bindIndex", bindIndex)
                .query(BindLeases::lease)
                .optional();
    }

    List<Lease> all() {
        return jdbc.sql("""
                        SELECT operator, bind_index, holder, expires_at, state, state_since, last_error
                          FROM bind_lease ORDER BY operator, bind_index""")
                .query(BindLeases::lease)
                .list();
    }

    OffsetDateTime now() {
        return jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
    }

    private static Lease lease(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Lease(rs.getString("operator"), rs.getInt("bind_index"), rs.getString("holder"),
                instant(rs.getObject("expires_at", OffsetDateTime.class)), rs.getString("state"),
                instant(rs.getObject("state_since", OffsetDateTime.class)), rs.getString("last_error"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
