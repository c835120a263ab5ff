package org.risala.outbound;

import static org.risala.storage.SqlTimes.instant;
import static org.risala.storage.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only SQL for the API's lookups and the search page. */
@Repository
class MessageQueries {

    private static final String COLUMNS = """
            id, client_id, origin, reference, recipient, sender, body, status, encoding, segments, priority, test_mode,
            operator, attempts, possible_duplicate, accepted_at, send_at, expires_at, submitted_at, done_at,
            failure_code, failure_reason, service_type, chargeable""";

    private final JdbcClient jdbc;

    MessageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** the operator each message went (or goes) through */
    java.util.Map<UUID, String> operatorsOf(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, String> operators = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, operator FROM outbound_message WHERE id IN (:ids)").param("ids", ids)
                    .query(rs -> {
                        operators.put(rs.getObject("id", UUID.class), rs.getString("operator"));
                    });
        }
        return operators;
    }

    Optional<MessageView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbound_message WHERE id = :id").param("id", id)
                .query((rs, n) -> view(rs, true)).optional();
    }

    List<MessageView> findByReference(long clientId, String reference, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbound_message WHERE client_id = :c AND reference = :r "
                        + "ORDER BY accepted_at DESC LIMIT :limit")
                .param("c", clientId).param("r", reference).param("limit", limit)
                .query((rs, n) -> view(rs, false)).list();
    }

    long countAccepted(long clientId, java.time.Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM outbound_message WHERE client_id = :c AND accepted_at >= :since")
                .param("c", clientId).param("since", ts(since)).query(Long.class).single();
    }

    List<MessageView> search(MessageSearch s, String recipient) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (recipient != null) {
            where.append(" AND recipient = :to");
            params.put("to", recipient);
        }
        if (s.clientId() != null) {
            where.append(" AND client_id = :c");
            params.put("c", s.clientId());
        }
        if (s.reference() != null && !s.reference().isBlank()) {
            where.append(" AND reference = :r");
            params.put("r", s.reference().trim());
        }
        if (s.status() != null) {
            where.append(" AND status = :s");
            params.put("s", s.status().name());
        }
        if (s.from() != null) {
            where.append(" AND accepted_at >= :from");
            params.put("from", ts(s.from()));
        }
        if (s.until() != null) {
            where.append(" AND accepted_at < :until");
            params.put("until", ts(s.until()));
        }
        params.put("limit", s.limit());
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbound_message" + where + " ORDER BY accepted_at DESC LIMIT :limit")
                .params(params).query((rs, n) -> view(rs, false)).list();
    }

    private MessageView view(ResultSet rs, boolean withDetails) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        long client = rs.getLong("client_id");
        Long clientId = rs.wasNull() ? null : client;
        MessageStatus status = MessageStatus.valueOf(rs.getString("status"));
        Instant acceptedAt = instant(rs, "accepted_at");
        Instant sendAt = instant(rs, "send_at");
        Instant submittedAt = instant(rs, "submitted_at");
        Instant doneAt = instant(rs, "done_at");
        String operator = rs.getString("operator");
        String failureReason = rs.getString("failure_reason");
        List<MessageView.Part> parts = withDetails ? parts(id) : List.of();
        List<MessageView.Event> timeline = List.of();
        if (withDetails) {
            timeline = timeline(id, status, acceptedAt, sendAt, submittedAt, doneAt, operator, failureReason);
        }
        return new MessageView(id, clientId, rs.getString("origin"), rs.getString("reference"),
                rs.getString("recipient"), rs.getString("sender"), rs.getString("body"), status,
                rs.getString("encoding"), rs.getInt("segments"), Priority.ofRank(rs.getInt("priority")),
                rs.getBoolean("test_mode"), rs.getString("service_type"), rs.getBoolean("chargeable"), operator,
                rs.getInt("attempts"), rs.getBoolean("possible_duplicate"),
                acceptedAt, sendAt, instant(rs, "expires_at"), submittedAt, doneAt, rs.getString("failure_code"),
                failureReason, parts, timeline);
    }

    private List<MessageView.Part> parts(UUID id) {
        return jdbc.sql("SELECT part_no, operator, smsc_id, status, submitted_at, done_at, error_code FROM message_part "
                        + "WHERE message_id = :id ORDER BY part_no")
                .param("id", id)
                .query((rs, n) -> new MessageView.Part(rs.getInt("part_no"), rs.getString("operator"),
                        rs.getString("smsc_id"), rs.getString("status"), instant(rs, "submitted_at"),
                        instant(rs, "done_at"), rs.getString("error_code")))
                .list();
    }

    /**
     * The ordinary steps (accepted, submitted, final status) come from the message's own columns; only the unusual
     * ones (retries, failovers, possible duplicates) are stored as events. Sorted by time.
     */
    private List<MessageView.Event> timeline(UUID id, MessageStatus status, Instant acceptedAt, Instant sendAt,
                                             Instant submittedAt, Instant doneAt, String operator,
                                             String failureReason) {
        List<MessageView.Event> events = new java.util.ArrayList<>();
        events.add(new MessageView.Event(acceptedAt, MessageStatus.QUEUED.name(),
                sendAt != null && sendAt.isAfter(acceptedAt) ? "accepted, scheduled for " + sendAt : "accepted"));
        if (submittedAt != null) {
            events.add(new MessageView.Event(submittedAt, MessageStatus.SUBMITTED.name(), "submitted to " + operator));
        }
        events.addAll(jdbc.sql("SELECT at, status, detail FROM message_event WHERE message_id = :id ORDER BY at, id")
                .param("id", id)
                .query((rs, n) -> new MessageView.Event(instant(rs, "at"), rs.getString("status"), rs.getString("detail")))
                .list());
        if (status.isFinal() && doneAt != null) {
            events.add(new MessageView.Event(doneAt, status.name(),
                    status == MessageStatus.DELIVERED ? "delivered" : failureReason));
        }
        events.sort(java.util.Comparator.comparing(MessageView.Event::at));
        return events;
    }
}
