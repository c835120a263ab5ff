package org.risala.subscriptions;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code billing_record}. Both kinds of charge are inserted with ON CONFLICT DO NOTHING against their
 * unique index, so whatever path runs twice (a repeated YES, an event retried) the charge is written once.
 */
@Repository
class BillingRepository {

    private final JdbcClient jdbc;

    BillingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** @return false when the subscription was already charged for that event */
    boolean alert(Subscription s, BigDecimal amount, String eventId, String messageId, Instant now) {
        return jdbc.sql("""
                        INSERT INTO billing_record (subscription_id, msisdn, operator, topic, amount, event_id,
                                                    message_id, created_at)
                        VALUES (:s, :m, :o, :t, :a, :e, :msg, :now) ON CONFLICT DO NOTHING""")
                .param("s", s.id()).param("m", s.msisdn()).param("o", s.operator()).param("t", s.topic())
                .param("a", amount).param("e", eventId).param("msg", messageId)
                .param("now", SubscriptionRepository.ts(now)).update() == 1;
    }
}
