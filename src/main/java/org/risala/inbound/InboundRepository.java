package org.risala.inbound;

import static org.risala.storage.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.risala.inbound.spi.IncomingSms;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the inbound tables. Callers hold the transaction; the hot paths take lists and write JDBC batches. */
@Repository
class InboundRepository {

    static final String PENDING = "PENDING";
    static final String ANSWERED = "ANSWERED";
    static final String SKIPPED = "SKIPPED";

    /** ids come from the sequence a block at a time (its increment); see V4 */
    private static final int ID_BLOCK = 1000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private long nextId;
    private long blockEnd;

    InboundRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** a complete SMS about to be stored; {@link #insert} fills in its id, or marks it as sent again */
    static final class Arrival {
        final String operator;
        final String sender;
        final String recipient;
        final String text;
        final int parts;
        final Instant receivedAt;
        final String fingerprint;
        final boolean toAnswer;
        long id;
        boolean duplicate;

        Arrival(String operator, String sender, String recipient, String text, int parts, Instant receivedAt,
                String fingerprint, boolean toAnswer) {
            this.operator = operator;
            this.sender = sender;
            this.recipient = recipient;
            this.text = text;
            this.parts = parts;
            this.receivedAt = receivedAt;
            this.fingerprint = fingerprint;
            this.toAnswer = toAnswer;
        }

        IncomingSms incoming() {
            return new IncomingSms(id, operator, sender, recipient, text, receivedAt);
        }
    }

    /**
     * Stores the arrivals that are not the SMSC resending one (the same text as the number's latest SMS within the
     * duplicate window, or earlier in this list), those to answer PENDING and claimed by this node until
     * {@code claimedUntil}. Only the latest counts: a citizen who answers YES, subscribes to something else and
     * answers YES again has sent two messages.
     */
    void insert(List<Arrival> arrivals, Instant seenSince, String node, Instant claimedUntil) {
        Map<String, String> latest = new HashMap<>();
        jdbc.sql("""
                        SELECT sender, fingerprint FROM inbound_message WHERE sender IN (:s) AND received_at > :since
                        ORDER BY received_at, id""")
                .param("s", arrivals.stream().map(a -> a.sender).distinct().toList())
                .param("since", ts(seenSince))
                .query(rs -> {
                    latest.put(rs.getString("sender"), rs.getString("fingerprint"));
                });
        List<SqlParameterSource> rows = new ArrayList<>(arrivals.size());
        for (Arrival a : arrivals) {
            // a rolled-back batch is written again: decide afresh
            a.duplicate = a.fingerprint.equals(latest.put(a.sender, a.fingerprint));
            if (a.duplicate) {
                continue;
            }
            a.id = nextId();
            rows.add(new MapSqlParameterSource().addValue("id", a.id).addValue("op", a.operator)
                    .addValue("from", a.sender).addValue("to", a.recipient).addValue("body", a.text)
                    .addValue("parts", a.parts).addValue("f", a.fingerprint).addValue("at", ts(a.receivedAt))
                    .addValue("state", a.toAnswer ? PENDING : SKIPPED)
                    .addValue("node", a.toAnswer ? node : null)
                    .addValue("until", a.toAnswer ? ts(claimedUntil) : null));
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO inbound_message (id, operator, sender, recipient, body, parts, fingerprint, received_at,
                        state, claimed_by, claimed_until)
                    VALUES (:id, :op, :from, :to, :body, :parts, :f, :at, :state, :node, :until)""",
                    rows.toArray(SqlParameterSource[]::new));
        }
    }

    private synchronized long nextId() {
        if (nextId == blockEnd) {
            nextId = jdbc.sql("SELECT nextval('inbound_message_ids')").query(Long.class).single();
            blockEnd = nextId + ID_BLOCK;
        }
        return nextId++;
    }

    // ---- concatenated messages -------------------------------------------------------------------------------

    /** the parts of one concatenated message */
    record Group(String operator, String sender, String recipient, int reference, int total) {

        static final String WHERE = "operator = :op AND sender = :from AND recipient = :to AND concat_ref = :ref "
                + "AND total_parts = :total";

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
            return sql.param("op", operator).param("from", sender).param("to", recipient).param("ref", reference)
                    .param("total", total);
        }
    }

    enum PartAdded { DUPLICATE, WAITING, COMPLETE }

    /** adds a part under the group's row lock, so that the last two parts arriving together cannot both miss it */
    PartAdded addPart(Group group, int partNumber, String text, Instant now) {
        group.bind(jdbc.sql("""
                        INSERT INTO inbound_concat (operator, sender, recipient, concat_ref, total_parts, first_at)
                        VALUES (:op, :from, :to, :ref, :total, :now) ON CONFLICT DO NOTHING"""))
                .param("now", ts(now)).update();
        group.bind(jdbc.sql("SELECT concat_ref FROM inbound_concat WHERE " + Group.WHERE + " FOR UPDATE"))
                .query(Integer.class).list();
        int added = group.bind(jdbc.sql("""
                        INSERT INTO inbound_part (operator, sender, recipient, concat_ref, total_parts, part_no, body)
                        VALUES (:op, :from, :to, :ref, :total, :part, :body) ON CONFLICT DO NOTHING"""))
                .param("part", partNumber).param("body", text).update();
        if (added == 0) {
            return PartAdded.DUPLICATE;
        }
        long stored = group.bind(jdbc.sql("SELECT COUNT(*) FROM inbound_part WHERE " + Group.WHERE))
                .query(Long.class).single();
        return stored < group.total() ? PartAdded.WAITING : PartAdded.COMPLETE;
    }

    /** the parts stored for the group, in order, removed with the group */
    List<String> takeParts(Group group) {
        List<String> parts = group.bind(jdbc.sql("SELECT body FROM inbound_part WHERE " + Group.WHERE
                + " ORDER BY part_no FOR UPDATE")).query(String.class).list();
        group.bind(jdbc.sql("DELETE FROM inbound_part WHERE " + Group.WHERE)).update();
        group.bind(jdbc.sql("DELETE FROM inbound_concat WHERE " + Group.WHERE)).update();
        return parts;
    }

    List<Group> lockOverdueGroups(Instant firstBefore, int limit) {
        return jdbc.sql("""
                        SELECT operator, sender, recipient, concat_ref, total_parts FROM inbound_concat
                        WHERE first_at < :cutoff ORDER BY first_at LIMIT :n FOR UPDATE SKIP LOCKED""")
                .param("cutoff", ts(firstBefore)).param("n", limit)
                .query((rs, n) -> new Group(rs.getString("operator"), rs.getString("sender"), rs.getString("recipient"),
                        rs.getInt("concat_ref"), rs.getInt("total_parts")))
                .list();
    }

    // ---- answering -------------------------------------------------------------------------------------------

    /** how an SMS was answered */
    record Answer(long id, String keyword, String outcome, UUID replyId, Instant at) {
    }

    void markAnswered(List<Answer> answers) {
        batch.batchUpdate("""
                UPDATE inbound_message SET state = 'ANSWERED', keyword = :kw, outcome = :outcome, reply_id = :reply,
                    answered_at = :at, claimed_by = NULL, claimed_until = NULL
                WHERE id = :id AND state = 'PENDING'""", answers.stream()
                .map(a -> new MapSqlParameterSource().addValue("id", a.id()).addValue("kw", a.keyword())
                        .addValue("outcome", a.outcome()).addValue("reply", a.replyId()).addValue("at", ts(a.at())))
                .toArray(SqlParameterSource[]::new));
    }

    /**
     * Claims for this node pending SMS whose claim ran out, or that this node itself had claimed (when
     * {@code ownToo}: it restarted and lost them with its memory).
     */
    List<IncomingSms> claimUnanswered(String node, boolean ownToo, Instant now, Instant until, int limit) {
        List<IncomingSms> claimed = jdbc.sql("""
                        SELECT id, operator, sender, recipient, body, received_at FROM inbound_message
                        WHERE state = 'PENDING' AND (claimed_until < :now OR claimed_by = :own)
                        ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED""")
                .param("now", ts(now)).param("own", ownToo ? node : "").param("n", limit)
                .query(InboundRepository::incoming).list();
        if (!claimed.isEmpty()) {
            batch.batchUpdate("UPDATE inbound_message SET claimed_by = :node, claimed_until = :until WHERE id = :id",
                    claimed.stream().map(sms -> Map.of("node", node, "until", ts(until), "id", sms.id()))
                            .map(MapSqlParameterSource::new).toArray(SqlParameterSource[]::new));
        }
        return claimed;
    }

    /** pending SMS that came before {@code before} will not be answered; returns how many */
    int skipUnansweredBefore(Instant before) {
        return jdbc.sql("""
                        UPDATE inbound_message SET state = 'SKIPPED', outcome = 'TOO_LATE', claimed_by = NULL,
                            claimed_until = NULL
                        WHERE state = 'PENDING' AND received_at < :before""")
                .param("before", ts(before)).update();
    }

    private static IncomingSms incoming(ResultSet rs, int n) throws SQLException {
        return new IncomingSms(rs.getLong("id"), rs.getString("operator"), rs.getString("sender"),
                rs.getString("recipient"), rs.getString("body"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant());
    }
}
