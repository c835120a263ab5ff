package org.risala.subscriptions;

import static org.risala.storage.SqlTimes.ts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code document_expiry} and {@code reminder}. Planning is one INSERT … SELECT per topic and range of
 * subscriptions, with ON CONFLICT DO NOTHING against the reminder's unique key: a reminder planned before, by this
 * node or another, is not planned again, and a node planning the same reminder at the same moment waits for the
 * first one's transaction and then plans nothing.
 */
@Repository
class ReminderRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ReminderRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** the newest date of each document wins; one already known with the same date is left as it was */
    void record(List<ExpiryDate> dates, Instant now) {
        if (dates.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = dates.stream().map(d -> new MapSqlParameterSource().addValue("t", d.topic())
                .addValue("k", d.key()).addValue("d", d.expiresOn()).addValue("s", d.source())
                .addValue("now", ts(now))).toArray(SqlParameterSource[]::new);
        // portable upsert (H2 has no ON CONFLICT DO UPDATE): insert the new ones, then change those whose date moved
        batch.batchUpdate("""
                INSERT INTO document_expiry (topic, record_key, expires_on, source, updated_at)
                VALUES (:t, :k, :d, :s, :now) ON CONFLICT DO NOTHING""", rows);
        batch.batchUpdate("""
                UPDATE document_expiry SET expires_on = :d, source = :s, updated_at = :now
                WHERE topic = :t AND record_key = :k AND expires_on <> :d""", rows);
    }

    /** the sweep goes through the subscriptions in ranges of ids up to this one */
    long lastSubscriptionId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM subscription").query(Long.class).single();
    }

    /**
     * Plans the reminders of one expiry topic that are due today for the active subscriptions with ids from
     * {@code first} to {@code last}: for each, the nearest offset whose day has come (expires_on − offset ≤ today),
     * or with {@link MissedReminders#SKIP} only an offset whose day is today; none on or after the expiry date.
     *
     * @param token marks the rows this transaction plans, to find them again
     * @return how many were planned now
     */
    int plan(Topic topic, LocalDate today, long first, long last, String token, Instant now) {
        List<Integer> offsets = topic.reminderDays().stream().sorted().toList();
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("topic", topic.name())
                .addValue("first", first).addValue("last", last).addValue("today", today)
                .addValue("token", token).addValue("now", ts(now));
        // the offset a date is due for: the first (nearest) whose day has come; offsets are whole numbers from the
        // checked configuration, the dates are bound
        StringBuilder offset = new StringBuilder("CASE");
        StringBuilder days = new StringBuilder();
        for (int i = 0; i < offsets.size(); i++) {
            params.addValue("day" + i, today.plusDays(offsets.get(i)));
            offset.append(" WHEN expires_on <= :day").append(i).append(" THEN ").append(offsets.get(i));
            days.append(i == 0 ? "" : ", ").append(":day").append(i);
        }
        offset.append(" END");
        String due = topic.missedReminders() == MissedReminders.NEAREST
                ? "expires_on > :today AND expires_on <= :day" + (offsets.size() - 1)
                : "expires_on IN (" + days + ")";
        // each subscription's date by a probe of the document's primary key, in a subquery kept apart (OFFSET 0):
        // as a join, PostgreSQL would scan all the documents due for every range of subscriptions
        return batch.update("""
                INSERT INTO reminder (subscription_id, expires_on, offset_days, planned_at, planned_by)
                SELECT id, expires_on, %s, :now, :token FROM (
                    SELECT s.id, (SELECT d.expires_on FROM document_expiry d
                                  WHERE d.topic = s.topic AND d.record_key = s.record_key) AS expires_on
                    FROM subscription s
                    WHERE s.id BETWEEN :first AND :last AND s.topic = :topic AND s.state = 'ACTIVE'%s
                    OFFSET 0) subscribed
                WHERE %s
                ORDER BY id
                ON CONFLICT DO NOTHING""".formatted(offset, topic.optional()
                ? " AND NOT EXISTS (SELECT 1 FROM opt_out o WHERE o.msisdn = s.msisdn)" : "", due), params);
    }

    /** a reminder just planned, to hand to outbound */
    record Planned(long id, long subscriptionId, LocalDate expiresOn, int offsetDays) {
    }

    /** the reminders of the subscriptions from {@code first} to {@code last} that were planned with the token */
    List<Planned> planned(long first, long last, String token) {
        return jdbc.sql("""
                        SELECT id, subscription_id, expires_on, offset_days FROM reminder
                        WHERE subscription_id BETWEEN :first AND :last AND planned_by = :token
                        ORDER BY id""")
                .param("first", first).param("last", last).param("token", token)
                .query((rs, n) -> new Planned(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getInt(4))).list();
    }

    /** outbound did not accept the reminder's SMS: why, as it said */
    record Refusal(long reminderId, String reason) {
    }

    void refused(List<Refusal> refusals) {
        batch.batchUpdate("UPDATE reminder SET refused = :why WHERE id = :id", refusals.stream()
                .map(r -> new MapSqlParameterSource().addValue("id", r.reminderId()).addValue("why", r.reason()))
                .toArray(SqlParameterSource[]::new));
    }
}
