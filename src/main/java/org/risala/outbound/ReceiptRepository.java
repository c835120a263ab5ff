package org.risala.outbound;

import static org.risala.outbound.MessageRepository.setString;
import static org.risala.storage.SqlTimes.instant;
import static org.risala.storage.SqlTimes.ts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.risala.smpp.DeliveryReceiptReceived;
import org.risala.smpp.ReceiptState;
import org.risala.storage.BulkInsert;
import org.risala.storage.SqlArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for matching receipts to message parts, and for receipts that came before their part was known. */
@Repository
class ReceiptRepository {

    private final JdbcClient jdbc;
    /** the hot paths' batches set their parameters by position and type, as MessageRepository's do */
    private final JdbcTemplate batch;

    private final BulkInsert bulk;

    ReceiptRepository(JdbcClient jdbc, JdbcTemplate batch, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.bulk = bulk;
    }

    record KnownPart(UUID messageId, int partNo, String operator, String smscId, String status) {
        String key() {
            return operator + "/" + smscId;
        }
    }

    Map<String, KnownPart> partsBySmscId(Collection<DeliveryReceiptReceived> receipts) {
        Map<String, KnownPart> parts = new HashMap<>();
        List<String> ids = receipts.stream().map(DeliveryReceiptReceived::smscMessageId).distinct().toList();
        jdbc.sql("SELECT message_id, part_no, operator, smsc_id, status FROM message_part WHERE smsc_id = ANY(:ids)")
                .param("ids", SqlArrays.texts(ids))
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
                UPDATE message_part SET status = ?, done_at = ?, error_code = ? WHERE message_id = ? AND part_no = ?""",
                receipts, receipts.size(), (ps, r) -> {
                    ps.setString(1, r.state().name());
                    ps.setObject(2, ts(r.doneAt()));
                    setString(ps, 3, r.errorCode());
                    ps.setObject(4, r.messageId());
                    ps.setInt(5, r.partNo());
                });
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
        jdbc.sql("SELECT id, segments FROM outbound_message WHERE id = ANY(:ids) AND status = 'SUBMITTED' "
                        + "ORDER BY id FOR UPDATE")
                .param("ids", SqlArrays.uuids(ids))
                .query(rs -> {
                    segments.put(rs.getObject("id", UUID.class), rs.getInt("segments"));
                });
        if (segments.isEmpty()) {
            return List.of();
        }
        record Part(ReceiptState state, String error) {
        }
        Map<UUID, List<Part>> parts = new HashMap<>();
        jdbc.sql("SELECT message_id, status, error_code FROM message_part WHERE message_id = ANY(:ids)")
                .param("ids", SqlArrays.uuids(segments.keySet()))
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

    private static final List<String> INBOX_COLUMNS = List.of("operator", "smsc_id", "state", "error_code", "done_at",
            "received_at");

    void append(List<DeliveryReceiptReceived> receipts, Instant receivedAt) {
        OffsetDateTime at = ts(receivedAt);
        bulk.insert("receipt_inbox", INBOX_COLUMNS, receipts, r -> new Object[] {r.operator(), r.smscMessageId(),
                r.state().name(), r.errorCode(), r.doneAt() == null ? at : ts(r.doneAt()), at});
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
            jdbc.sql("DELETE FROM receipt_inbox WHERE id = ANY(:ids)").param("ids", SqlArrays.longs(ids)).update();
        }
    }

    int deleteInboxOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM receipt_inbox WHERE received_at < :cutoff").param("cutoff", ts(cutoff)).update();
    }
}
