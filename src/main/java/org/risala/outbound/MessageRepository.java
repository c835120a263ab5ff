package org.risala.outbound;

import static org.risala.storage.SqlTimes.instant;
import static org.risala.storage.SqlTimes.ts;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.risala.storage.BulkInsert;
import org.risala.storage.SqlArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the outbound tables. Hot paths take lists and write them with JDBC batches. */
@Repository
class MessageRepository {

    static final String SEND = "SEND";
    static final String AWAIT_RECEIPT = "AWAIT_RECEIPT";
    static final String PART_SUBMITTED = "SUBMITTED";

    private final JdbcClient jdbc;
    /**
     * Batches set their parameters by position and type: a fan-out stores a hundred thousand messages at once, and
     * named parameters cost more than the database does.
     */
    private final JdbcTemplate batch;
    private final BulkInsert bulk;

    MessageRepository(JdbcClient jdbc, JdbcTemplate batch, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.bulk = bulk;
    }

    // ---- accepting -------------------------------------------------------------------------------------------

    private static final List<String> MESSAGE_COLUMNS = List.of("id", "client_id", "origin", "reference",
            "idempotency_key", "request_hash", "recipient", "sender", "body", "encoding", "segments", "priority",
            "test_mode", "status", "operator", "concat_ref", "callback_url", "accepted_at", "send_at", "expires_at",
            "service_type", "chargeable");
    private static final List<String> QUEUE_COLUMNS = List.of("message_id", "stage", "operator", "priority", "due_at",
            "expires_at");

    /** Stores accepted messages and queues them. */
    void insert(List<NewMessage> messages) {
        bulk.insert("outbound_message", MESSAGE_COLUMNS, messages, m -> new Object[] {m.id(), m.clientId(),
                m.origin(), m.reference(), m.idempotencyKey(), m.requestHash(), m.recipient(), m.sender(), m.body(),
                m.encoding().name(), m.segments(), m.priority().rank(), m.testMode(), MessageStatus.QUEUED.name(),
                m.operator(), m.concatReference(), m.callbackUrl(), ts(m.acceptedAt()), ts(m.sendAt()),
                ts(m.expiresAt()), m.service().type(), m.service().chargeable()});
        bulk.insert("message_queue", QUEUE_COLUMNS, messages, m -> new Object[] {m.id(), SEND, m.operator(),
                m.priority().rank(), ts(m.firstAttemptAt()), ts(m.expiresAt())});
    }

    static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** the items of a batched UPDATE whose statement changed a row, from the counts of its JDBC batches in order */
    private static <T> List<T> changed(List<T> items, int[][] counts) {
        List<T> changed = new ArrayList<>();
        int i = 0;
        for (int[] batchCounts : counts) {
            for (int count : batchCounts) {
                if (count != 0) {
                    changed.add(items.get(i));
                }
                i++;
            }
        }
        return changed;
    }

    record IdempotentRequest(UUID id, String requestHash) {
    }

    Optional<IdempotentRequest> findByIdempotencyKey(long clientId, String key) {
        return jdbc.sql("SELECT id, request_hash FROM outbound_message WHERE client_id = :c AND idempotency_key = :k")
                .param("c", clientId).param("k", key)
                .query((rs, n) -> new IdempotentRequest(rs.getObject("id", UUID.class), rs.getString("request_hash")))
                .optional();
    }

    // ---- dispatching -----------------------------------------------------------------------------------------

    /**
     * Claims due messages of one operator, highest priority first. SKIP LOCKED lets several nodes claim from the
     * same queue without waiting for each other; a claim whose holder stopped renewing it (a crashed node) lapses.
     */
    List<ClaimedMessage> claim(String operator, int limit, String node, Instant now, Instant claimUntil) {
        record Row(UUID id, boolean stale) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT message_id, claimed_by FROM message_queue
                        WHERE stage = 'SEND' AND operator = :op AND due_at <= :now
                          AND (claimed_until IS NULL OR claimed_until < :now)
                        ORDER BY priority, due_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .param("op", operator).param("now", ts(now)).param("limit", limit)
                .query((rs, n) -> new Row(rs.getObject("message_id", UUID.class), rs.getString("claimed_by") != null))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        jdbc.sql("UPDATE message_queue SET claimed_by = :node, claimed_until = :until WHERE message_id = ANY(:ids)")
                .param("node", node).param("until", ts(claimUntil)).param("ids", SqlArrays.uuids(ids)).update();
        Set<UUID> stale = new HashSet<>();
        rows.stream().filter(Row::stale).forEach(r -> stale.add(r.id()));
        List<ClaimedMessage> claimed = jdbc.sql("""
                        SELECT id, operator, recipient, sender, body, priority, test_mode, concat_ref, attempts, expires_at,
                               service_type
                        FROM outbound_message WHERE id = ANY(:ids)""")
                .param("ids", SqlArrays.uuids(ids))
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new ClaimedMessage(id, rs.getString("operator"), rs.getString("recipient"),
                            rs.getString("sender"), rs.getString("body"), Priority.ofRank(rs.getInt("priority")),
                            rs.getBoolean("test_mode"), rs.getInt("concat_ref"), rs.getInt("attempts"),
                            instant(rs, "expires_at"), rs.getString("service_type"), Set.of(),
                            stale.contains(id));
                })
                .list();
        // only a message tried before can have parts the SMSC already accepted
        List<UUID> retried = claimed.stream().filter(m -> m.attempts() > 0 || m.staleClaim()).map(ClaimedMessage::id)
                .toList();
        if (retried.isEmpty()) {
            return claimed;
        }
        Map<UUID, Set<Integer>> parts = submittedParts(retried);
        return claimed.stream().map(m -> parts.containsKey(m.id()) ? m.withPartsSubmitted(parts.get(m.id())) : m)
                .toList();
    }

    private Map<UUID, Set<Integer>> submittedParts(Collection<UUID> ids) {
        Map<UUID, Set<Integer>> parts = new HashMap<>();
        jdbc.sql("SELECT message_id, part_no FROM message_part WHERE message_id = ANY(:ids)")
                .param("ids", SqlArrays.uuids(ids))
                .query(rs -> {
                    parts.computeIfAbsent(rs.getObject("message_id", UUID.class), k -> new HashSet<>())
                            .add(rs.getInt("part_no"));
                });
        return parts;
    }

    /** a restarted node gives back what it had claimed before it died; returns those message ids */
    List<UUID> releaseClaimsOf(String node) {
        List<UUID> ids = jdbc.sql("SELECT message_id FROM message_queue WHERE claimed_by = :node AND stage = 'SEND'")
                .param("node", node).query(UUID.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE message_queue SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = :node AND stage = 'SEND'")
                    .param("node", node).update();
        }
        return ids;
    }

    void markPossibleDuplicates(Collection<UUID> ids, Instant at, String detail) {
        if (ids.isEmpty()) {
            return;
        }
        batch.batchUpdate("UPDATE outbound_message SET possible_duplicate = TRUE WHERE id = ?", ids,
                ids.size(), (ps, id) -> ps.setObject(1, id));
        events(ids.stream().map(id -> new Event(id, at, MessageStatus.QUEUED.name(), detail)).toList());
    }

    // ---- results of submit attempts --------------------------------------------------------------------------

    record PartRow(UUID messageId, int partNo, String operator, String smscId, Instant submittedAt) {
    }

    private static final List<String> PART_COLUMNS = List.of("message_id", "part_no", "operator", "smsc_id", "status",
            "submitted_at");

    /** a part already recorded (the message was sent twice, e.g. after a lapsed claim) keeps its first SMSC id */
    void insertParts(List<PartRow> parts) {
        bulk.insertMissing("message_part", PART_COLUMNS, parts, p -> new Object[] {p.messageId(), p.partNo(),
                p.operator(), p.smscId(), PART_SUBMITTED, ts(p.submittedAt())});
    }

    /** @param detail something unusual about this submission for the timeline, or null */
    record Submitted(UUID messageId, String operator, Instant at, Instant receiptDeadline, String detail) {
    }

    /** moves QUEUED messages to SUBMITTED; returns the ids that really moved */
    List<UUID> markSubmitted(List<Submitted> submitted) {
        if (submitted.isEmpty()) {
            return List.of();
        }
        int[][] counts = batch.batchUpdate("""
                UPDATE outbound_message SET status = 'SUBMITTED', operator = ?, submitted_at = ?, attempts = attempts + 1
                WHERE id = ? AND status = 'QUEUED'""", submitted, submitted.size(), (ps, s) -> {
                    ps.setString(1, s.operator());
                    ps.setObject(2, ts(s.at()));
                    ps.setObject(3, s.messageId());
                });
        List<Submitted> moved = changed(submitted, counts);
        batch.batchUpdate("""
                UPDATE message_queue SET stage = 'AWAIT_RECEIPT', due_at = ?, claimed_by = NULL, claimed_until = NULL
                WHERE message_id = ?""", moved, moved.size(), (ps, s) -> {
                    ps.setObject(1, ts(s.receiptDeadline()));
                    ps.setObject(2, s.messageId());
                });
        // the ordinary step is in the timeline from submitted_at; only an unusual one is written down
        events(moved.stream().filter(s -> s.detail() != null)
                .map(s -> new Event(s.messageId(), s.at(), MessageStatus.SUBMITTED.name(), s.detail())).toList());
        return moved.stream().map(Submitted::messageId).toList();
    }

    record Retry(UUID messageId, String operator, Instant nextAttempt, Instant at, boolean possibleDuplicate,
                 String detail) {
    }

    void scheduleRetries(List<Retry> retries) {
        if (retries.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                UPDATE outbound_message SET attempts = attempts + 1, operator = ?,
                    possible_duplicate = possible_duplicate OR ?
                WHERE id = ? AND status = 'QUEUED'""", retries, retries.size(), (ps, r) -> {
                    ps.setString(1, r.operator());
                    ps.setBoolean(2, r.possibleDuplicate());
                    ps.setObject(3, r.messageId());
                });
        batch.batchUpdate("""
                UPDATE message_queue SET operator = ?, due_at = ?, claimed_by = NULL, claimed_until = NULL
                WHERE message_id = ? AND stage = 'SEND'""", retries, retries.size(), (ps, r) -> {
                    ps.setString(1, r.operator());
                    ps.setObject(2, ts(r.nextAttempt()));
                    ps.setObject(3, r.messageId());
                });
        events(retries.stream().map(r -> new Event(r.messageId(), r.at(), MessageStatus.QUEUED.name(), r.detail()))
                .toList());
    }

    // ---- final statuses --------------------------------------------------------------------------------------

    /** what a status callback needs to know about a message that reached a final status */
    record FinalisedMessage(UUID id, Long clientId, String reference, String recipient, String callbackUrl,
                            String operator, int segments, Instant acceptedAt, Instant submittedAt,
                            Finalisation finalisation) {
    }

    /** applies each finalisation if the message's current status allows it; returns those that took effect */
    List<FinalisedMessage> finalise(List<Finalisation> finalisations) {
        if (finalisations.isEmpty()) {
            return List.of();
        }
        List<Finalisation> applied = new ArrayList<>();
        for (MessageStatus target : MessageStatus.values()) {
            List<Finalisation> group = finalisations.stream().filter(f -> f.status() == target).toList();
            if (group.isEmpty()) {
                continue;
            }
            // the statuses it may move from are Risala's own names, written into the statement
            String from = Arrays.stream(MessageStatus.values()).filter(s -> s.canMoveTo(target))
                    .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
            int[][] counts = batch.batchUpdate("""
                    UPDATE outbound_message SET status = ?, done_at = ?, failure_code = ?, failure_reason = ?
                    WHERE id = ? AND status IN (%s)""".formatted(from), group, group.size(), (ps, f) -> {
                        ps.setString(1, target.name());
                        ps.setObject(2, ts(f.at()));
                        setString(ps, 3, f.failureCode());
                        setString(ps, 4, target == MessageStatus.DELIVERED ? null : truncate(f.reason(), 300));
                        ps.setObject(5, f.messageId());
                    });
            applied.addAll(changed(group, counts));
        }
        if (applied.isEmpty()) {
            return List.of();
        }
        jdbc.sql("DELETE FROM message_queue WHERE message_id = ANY(:ids)")
                .param("ids", SqlArrays.uuids(applied.stream().map(Finalisation::messageId).toList())).update();
        Map<UUID, Finalisation> byId = new HashMap<>();
        applied.forEach(f -> byId.put(f.messageId(), f));
        return jdbc.sql("""
                        SELECT id, client_id, reference, recipient, callback_url, operator, segments, accepted_at, submitted_at
                        FROM outbound_message WHERE id = ANY(:ids)""")
                .param("ids", SqlArrays.uuids(byId.keySet()))
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    long client = rs.getLong("client_id");
                    return new FinalisedMessage(id, rs.wasNull() ? null : client, rs.getString("reference"),
                            rs.getString("recipient"), rs.getString("callback_url"), rs.getString("operator"),
                            rs.getInt("segments"), instant(rs, "accepted_at"), instant(rs, "submitted_at"), byId.get(id));
                })
                .list();
    }

    /**
     * Messages waiting to be sent whose validity has ended, locked so no dispatcher sends them meanwhile. Read from
     * the queue's own copy of the expiry, by index: a join to the messages, planned on the statistics of an empty
     * queue, once ran for half an hour over a backlog of 200,000.
     */
    List<UUID> lockExpiredQueued(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT message_id FROM message_queue
                        WHERE stage = 'SEND' AND expires_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .param("now", ts(now)).param("limit", limit).query(UUID.class).list();
    }

    /** submitted messages whose receipt is overdue */
    List<UUID> lockOverdueReceipts(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT message_id FROM message_queue WHERE stage = 'AWAIT_RECEIPT' AND due_at <= :now
                        LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("now", ts(now)).param("limit", limit).query(UUID.class).list();
    }

    record Waiting(UUID messageId, String recipient, boolean testMode) {
    }

    /** unclaimed messages waiting for one operator, locked so they can be moved to another */
    List<Waiting> lockWaiting(String operator, Instant now, int limit) {
        List<UUID> ids = jdbc.sql("""
                        SELECT message_id FROM message_queue
                        WHERE stage = 'SEND' AND operator = :op AND (claimed_until IS NULL OR claimed_until < :now)
                        LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("op", operator).param("now", ts(now)).param("limit", limit).query(UUID.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, recipient, test_mode FROM outbound_message WHERE id IN (:ids)").param("ids", ids)
                .query((rs, n) -> new Waiting(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getBoolean("test_mode")))
                .list();
    }

    record Reroute(UUID messageId, String operator, Instant at, String detail) {
    }

    void reroute(List<Reroute> moves) {
        if (moves.isEmpty()) {
            return;
        }
        for (String update : List.of("UPDATE message_queue SET operator = ? WHERE message_id = ?",
                "UPDATE outbound_message SET operator = ? WHERE id = ?")) {
            batch.batchUpdate(update, moves, moves.size(), (ps, m) -> {
                ps.setString(1, m.operator());
                ps.setObject(2, m.messageId());
            });
        }
        events(moves.stream().map(m -> new Event(m.messageId(), m.at(), MessageStatus.QUEUED.name(), m.detail())).toList());
    }

    Map<Priority, Long> queueDepth() {
        Map<Priority, Long> depth = new HashMap<>();
        for (Priority p : Priority.values()) {
            depth.put(p, 0L);
        }
        jdbc.sql("SELECT priority, COUNT(*) AS n FROM message_queue WHERE stage = 'SEND' GROUP BY priority")
                .query(rs -> {
                    depth.put(Priority.ofRank(rs.getInt("priority")), rs.getLong("n"));
                });
        return depth;
    }

    // ---- timeline --------------------------------------------------------------------------------------------

    record Event(UUID messageId, Instant at, String status, String detail) {
    }

    void events(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        batch.batchUpdate("INSERT INTO message_event (message_id, at, status, detail) VALUES (?, ?, ?, ?)",
                events, events.size(), (ps, e) -> {
                    ps.setObject(1, e.messageId());
                    ps.setObject(2, ts(e.at()));
                    ps.setString(3, e.status());
                    setString(ps, 4, truncate(e.detail(), 300));
                });
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
