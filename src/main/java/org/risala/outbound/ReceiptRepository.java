package org.risala.outbound;

import static org.risala.outbound.MessageRepository.instant;
import static org.risala.outbound.MessageRepository.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.risala.smpp.DeliveryReceiptReceived;
import org.risala.smpp.ReceiptState;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for matching receipts to message parts, and for receipts that came before their part was known. */
@Repository
class ReceiptRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ReceiptRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record KnownPart(UUID messageId, int partNo, String operator, String smscId, String status) {
        String key() {
            return operator + "/" + smscId;
        }
    }

    Map<String, KnownPart> partsBySmscId(Collection<DeliveryReceiptReceived> receipts) {
        Map<String, KnownPart> parts = new HashMap<>();
        List<String> ids = receipts.stream().map(DeliveryReceiptReceived::smscMessageId).distinct().toList();
        jdbc.sql("SELECT message_id, part_no, operator, smsc_id, status FROM message_part WHERE smsc_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    KnownPart p = new KnownPart(rs.getObject("message_id", UUID.class), rs.getInt("part_no"),
                            rs.getString("operator"), rs.getString("smsc_id"), rs.getString("status"));
                    parts.put(p.key(), p);
                });
        return parts;
    }

    record PartReceipt(UUID messageId, int partNo, ReceiptState state, Instant doneAt, String errorCode) {
    }

    void updateParts(List<PartReceipt> receipts) {
        if (receipts.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                UPDATE message_part SET status = :s, done_at = :done, error_code = :err
                WHERE message_id = :m AND part_no = :p""", receipts.stream()
                .map(r -> new MapSqlParameterSource().addValue("m", r.messageId()).addValue("p", r.partNo())
                        .addValue("s", r.state().name()).addValue("done", ts(r.doneAt()))
                        .addValue("err", r.errorCode()))
                .toArray(SqlParameterSource[]::new));
    }

    record MessageParts(UUID messageId, int segments, List<ReceiptState> partStates, String lastError) {
    }

    /**
     * The submitted messages among ids, with the receipt states of their parts. The messages are locked first (in
     * id order, so two batches cannot deadlock): receipts for two parts of one message may be stored by two
     * transactions at once, and without the lock each would see the other's part still open and neither would
     * settle the message. The part states are read after the lock, so they include what the other committed.
     */
    List<MessageParts> submittedMessages(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // locked in id order, so two batches cannot deadlock
        Map<UUID, Integer> segments = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT id, segments FROM outbound_message WHERE id IN (:ids) AND status = 'SUBMITTED' "
                        + "ORDER BY id FOR UPDATE")
                .param("ids", ids)
                .query(rs -> {
                    segments.put(rs.getObject("id", UUID.class), rs.getInt("segments"));
                });
        if (segments.isEmpty()) {
            return List.of();
        }
        record Part(ReceiptState state, String error) {
        }
        Map<UUID, List<Part>> parts = new HashMap<>();
        jdbc.sql("SELECT message_id, status, error_code FROM message_part WHERE message_id IN (:ids)")
                .param("ids", segments.keySet())
                .query(rs -> {
                    String status = rs.getString("status");
                    if (!MessageRepository.PART_SUBMITTED.equals(status)) {
                        parts.computeIfAbsent(rs.getObject("message_id", UUID.class), k -> new ArrayList<>())
                                .add(new Part(ReceiptState.valueOf(status), rs.getString("error_code")));
                    }
                });
        List<MessageParts> result = new ArrayList<>();
        segments.forEach((id, count) -> {
            List<Part> ps = parts.getOrDefault(id, List.of());
            String error = ps.stream().map(Part::error).filter(e -> e != null && !e.isBlank()
                    && !e.chars().allMatch(c -> c == '0')).findFirst().orElse(null);
            result.add(new MessageParts(id, count, ps.stream().map(Part::state).toList(), error));
        });
        return result;
    }

    void append(List<DeliveryReceiptReceived> receipts, Instant receivedAt) {
        batch.batchUpdate("""
                INSERT INTO receipt_inbox (operator, smsc_id, state, error_code, done_at, received_at)
                VALUES (:op, :smsc, :s, :err, :done, :at)""", receipts.stream()
                .map(r -> new MapSqlParameterSource().addValue("op", r.operator()).addValue("smsc", r.smscMessageId())
                        .addValue("s", r.state().name()).addValue("err", r.errorCode())
                        .addValue("done", ts(r.doneAt() == null ? receivedAt : r.doneAt())).addValue("at", ts(receivedAt)))
                .toArray(SqlParameterSource[]::new));
    }

    record Inboxed(long id, DeliveryReceiptReceived receipt) {
    }

    /** inbox receipts whose part is known, oldest first, locked so that nodes share the work */
    List<Inboxed> lockMatchable(int limit) {
        return jdbc.sql("""
                        SELECT id, operator, smsc_id, state, error_code, done_at FROM receipt_inbox
                        WHERE EXISTS (SELECT 1 FROM message_part p
                                      WHERE p.smsc_id = receipt_inbox.smsc_id AND p.operator = receipt_inbox.operator)
                        ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("limit", limit)
                .query((rs, n) -> new Inboxed(rs.getLong("id"), new DeliveryReceiptReceived(rs.getString("operator"),
                        rs.getString("smsc_id"), ReceiptState.valueOf(rs.getString("state")), rs.getString("error_code"),
                        null, instant(rs, "done_at"))))
                .list();
    }

    void deleteFromInbox(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            batch.batchUpdate("DELETE FROM receipt_inbox WHERE id = :id",
                    ids.stream().map(id -> new MapSqlParameterSource("id", id)).toArray(SqlParameterSource[]::new));
        }
    }

    int deleteInboxOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM receipt_inbox WHERE received_at < :cutoff").param("cutoff", ts(cutoff)).update();
    }
}
