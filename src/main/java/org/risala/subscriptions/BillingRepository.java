package org.risala.subscriptions;

import static org.risala.storage.SqlTimes.ts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.risala.storage.BulkInsert;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code billing_record} and {@code renewal_notice}. Each kind of charge has its unique index, so a charge
 * is never written twice: monthly ones are inserted with ON CONFLICT DO NOTHING (a repeated YES, two nodes renewing
 * the same month), an alert's with its event, which is recorded once.
 */
@Repository
class BillingRepository {

    private static final List<String> ALERT_CHARGE_COLUMNS = List.of("subscription_id", "msisdn", "operator", "topic",
            "amount", "event_id", "message_id", "created_at");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final BulkInsert bulk;

    BillingRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.bulk = bulk;
    }

    /** @return false when the subscription was already charged for that period */
    boolean month(Subscription s, BigDecimal amount, String period, Long inboundId, Instant now) {
        return jdbc.sql("""
                        INSERT INTO billing_record (subscription_id, msisdn, operator, topic, amount, period, inbound_id,
                                                    created_at)
                        VALUES (:s, :m, :o, :t, :a, :p, :in, :now) ON CONFLICT DO NOTHING""")
                .param("s", s.id()).param("m", s.msisdn()).param("o", s.operator()).param("t", s.topic())
                .param("a", amount).param("p", period).param("in", inboundId)
                .param("now", ts(now)).update() == 1;
    }

    /** one record per subscription for the period; one charged already is left as it was */
    void months(List<Subscription> subscriptions, BigDecimal amount, String period, Instant now) {
        batch.batchUpdate("""
                INSERT INTO billing_record (subscription_id, msisdn, operator, topic, amount, period, created_at)
                VALUES (:s, :m, :o, :t, :a, :p, :now) ON CONFLICT DO NOTHING""", subscriptions.stream()
                .map(s -> new MapSqlParameterSource().addValue("s", s.id()).addValue("m", s.msisdn())
                        .addValue("o", s.operator()).addValue("t", s.topic()).addValue("a", amount)
                        .addValue("p", period).addValue("now", ts(now)))
                .toArray(SqlParameterSource[]::new));
    }

    /**
     * One record per alert, in one batch. They are written in the transaction that first records their event, whose
     * primary key keeps a retried event from coming here again; the unique index would refuse a second charge.
     * Parameters by position: a fan-out charges a hundred thousand alerts at once.
     */
    void alerts(List<Billing.AlertCharge> alerts, Instant now) {
        OffsetDateTime at = ts(now);
        bulk.insert("billing_record", ALERT_CHARGE_COLUMNS, alerts, a -> new Object[] {a.subscription().id(),
                a.subscription().msisdn(), a.subscription().operator(), a.subscription().topic(), a.topic().fee(),
                a.eventId(), a.messageId(), at});
    }

    /**
     * Charges the month to every subscription of the MONTHLY topic that was active before it began and has no
     * charge for it yet, in one statement.
     */
    int renew(Topic topic, String period, Instant periodStart, Instant now) {
        return jdbc.sql("""
                        INSERT INTO billing_record (subscription_id, msisdn, operator, topic, amount, period, created_at)
                        SELECT s.id, s.msisdn, s.operator, s.topic, :a, :p, :now FROM subscription s
                        WHERE s.topic = :t AND s.state = 'ACTIVE' AND s.confirmed_at < :start
                          AND NOT EXISTS (SELECT 1 FROM billing_record b WHERE b.subscription_id = s.id
                                                                          AND b.period = :p)
                        ON CONFLICT DO NOTHING""")
                .param("a", topic.fee()).param("p", period).param("now", ts(now))
                .param("t", topic.name()).param("start", ts(periodStart)).update();
    }

    /**
     * Claims up to {@code limit} active subscriptions of the topics that have no renewal notice for the period yet,
     * marking the claim with {@code now} (microseconds); another node's claims conflict and are left to it.
     *
     * @return the subscriptions claimed, to be told
     */
    List<Subscription> claimNotices(List<String> topics, String period, Instant now, int limit) {
        jdbc.sql("""
                        INSERT INTO renewal_notice (subscription_id, period, sent_at)
                        SELECT s.id, :p, :now FROM subscription s
                        WHERE s.topic IN (:topics) AND s.state = 'ACTIVE'
                          AND NOT EXISTS (SELECT 1 FROM renewal_notice n WHERE n.subscription_id = s.id
                                                                          AND n.period = :p)
                        ORDER BY s.id LIMIT :n
                        ON CONFLICT DO NOTHING""")
                .param("p", period).param("now", ts(now)).param("topics", topics)
                .param("n", limit).update();
        return jdbc.sql("SELECT " + SubscriptionRepository.S_COLUMNS + """
                         FROM renewal_notice n JOIN subscription s ON s.id = n.subscription_id
                        WHERE n.period = :p AND n.sent_at = :now AND n.message_id IS NULL ORDER BY s.id""")
                .param("p", period).param("now", ts(now))
                .query(SubscriptionRepository::row).list();
    }

    /** the notices' messages, by subscription id */
    void noticesSent(String period, Map<Long, String> messageIds) {
        batch.batchUpdate("UPDATE renewal_notice SET message_id = :msg WHERE subscription_id = :s AND period = :p",
                messageIds.entrySet().stream().map(e -> new MapSqlParameterSource().addValue("s", e.getKey())
                        .addValue("p", period).addValue("msg", e.getValue())).toArray(SqlParameterSource[]::new));
    }

    /** a billing record's subscription and what the operator last reported of it */
    record Charge(long id, long subscriptionId, String status) {
    }

    /** the records with these ids, locked against a concurrent report */
    List<Charge> lock(Collection<Long> ids) {
        return jdbc.sql("SELECT id, subscription_id, status FROM billing_record WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                .param("ids", ids)
                .query((rs, n) -> new Charge(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("status")))
                .list();
    }

    void report(List<ChargeReport> reports, Instant now) {
        batch.batchUpdate("""
                UPDATE billing_record SET status = :status, failure_reason = :reason, reported_at = :now
                WHERE id = :id""", reports.stream().map(r -> new MapSqlParameterSource().addValue("id", r.recordId())
                        .addValue("status", r.status().name())
                        .addValue("reason", r.status() == ChargeReport.ChargeStatus.FAILED ? r.reason() : null)
                        .addValue("now", ts(now)))
                .toArray(SqlParameterSource[]::new));
    }

    /** the records created in [from, to) with an id above {@code after}, oldest first */
    List<ChargeLine> created(Instant from, Instant to, long after, int limit) {
        return jdbc.sql("""
                        SELECT id, created_at, msisdn, operator, topic, period, event_id, message_id, amount, status
                        FROM billing_record WHERE created_at >= :from AND created_at < :to AND id > :after
                        ORDER BY id LIMIT :n""")
                .param("from", ts(from)).param("to", ts(to))
                .param("after", after).param("n", limit)
                .query((rs, n) -> new ChargeLine(rs.getLong("id"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("msisdn"),
                        rs.getString("operator"), rs.getString("topic"), rs.getString("period"),
                        rs.getString("event_id"), rs.getString("message_id"), rs.getBigDecimal("amount"),
                        rs.getString("status")))
                .list();
    }
}
