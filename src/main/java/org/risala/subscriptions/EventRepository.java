package org.risala.subscriptions;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code subscription_event}. */
@Repository
class EventRepository {

    private final JdbcClient jdbc;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the event unless its id is known. Relies on the primary key: a concurrent transaction recording the
     * same id makes this one wait for it and then see the id as known.
     *
     * @param matched how many subscriptions it matched
     * @return false when the id was received before
     */
    boolean record(String id, String topic, String key, Instant occurredAt, Instant now, int matched) {
        return jdbc.sql("""
                        INSERT INTO subscription_event (id, topic, record_key, occurred_at, received_at, matched)
                        VALUES (:id, :t, :k, :at, :now, :n) ON CONFLICT DO NOTHING""")
                .param("id", id).param("t", topic).param("k", key).param("n", matched)
                .param("at", SubscriptionRepository.ts(occurredAt)).param("now", SubscriptionRepository.ts(now))
                .update() == 1;
    }
}
