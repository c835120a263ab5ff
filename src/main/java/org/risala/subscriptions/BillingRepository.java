package org.risala.subscriptions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code billing_record}. Both kinds of charge are inserted with ON CONFLICT DO NOTHING against their
 * unique index, so whatever path runs twice (a repeated YES, an event retried) the charge is written once.
 */
@Repository
class BillingRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    BillingRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** @return false when the subscription was already charged for that period */
    boolean month(Subscription s, BigDecimal amount, String period, Long inboundId, Instant now) {
        return jdbc.sql("""
                        INSERT INTO billing_record (subscription_id, msisdn, operator, topic, amount, period, inbound_id,
                                                    created_at)
                        VALUES (:s, :m, :o, :t, :a, :p, :in, :now) ON CONFLICT DO NOTHING""")
                .param("s", s.id()).param("m", s.msisdn()).param("o", s.operator()).param("t", s.topic())
                .param("a", amount).param("p", period).param("in", inboundId)
                .param("now", SubscriptionRepository.ts(now)).update() == 1;
    }

    /** one record per subscription for the period; one charged already is left as it was */
    void months(List<Subscription> subscriptions, BigDecimal amount, String period, Instant now) {
        batch.batchUpdate("""
                INSERT INTO billing_record (subscription_id, msisdn, operator, topic, amount, period, created_at)
                VALUES (:s, :m, :o, :t, :a, :p, :now) ON CONFLICT DO NOTHING""", subscriptions.stream()
                .map(s -> new MapSqlParameterSource().addValue("s", s.id()).addValue("m", s.msisdn())
                        .addValue("o", s.operator()).addValue("t", s.topic()).addValue("a", amount)
                        .addValue("p", period).addValue("now", SubscriptionRepository.ts(now)))
                .toArray(SqlParameterSource[]::new));
    }

    /** one record per alert; an alert already charged (its event retried) is left as it was */
    void alerts(List<Billing.AlertCharge> alerts, Instant now) {
        batch.batchUpdate("""
                INSERT INTO billing_record (subscription_id, msisdn, operator, topic, amount, event_id, message_id,
                                            created_at)
                VALUES (:s, :m, :o, :t, :a, :e, :msg, :now) ON CONFLICT DO NOTHING""", alerts.stream()
                .map(a -> new MapSqlParameterSource().addValue("s", a.subscription().id())
                        .addValue("m", a.subscription().msisdn()).addValue("o", a.subscription().operator())
                        .addValue("t", a.subscription().topic()).addValue("a", a.topic().fee())
                        .addValue("e", a.eventId()).addValue("msg", a.messageId())
                        .addValue("now", SubscriptionRepository.ts(now)))
                .toArray(SqlParameterSource[]::new));
    }
}
