package org.risala.subscriptions;

import static org.risala.storage.SqlTimes.ts;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code subscription_event}. */
@Repository
class EventRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    EventRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** which of these event ids were received before */
    Set<String> known(Collection<String> ids) {
        return new HashSet<>(jdbc.sql("SELECT id FROM subscription_event WHERE id IN (:ids)").param("ids", ids)
                .query(String.class).list());
    }

    /** an event to record, with how many subscriptions it matched */
    record Recorded(String id, String topic, String key, Instant occurredAt, int matched) {
    }

    /**
     * Records new events in one batch. The primary key is what keeps an event from being alerted twice: a
     * concurrent transaction recording the same id makes this one wait for it and then fail.
     *
     * @throws org.springframework.dao.DuplicateKeyException when one of them was recorded meanwhile
     */
    void record(List<Recorded> events, Instant now) {
        batch.batchUpdate("""
                INSERT INTO subscription_event (id, topic, record_key, occurred_at, received_at, matched)
                VALUES (:id, :t, :k, :at, :now, :n)""", events.stream().map(e -> new MapSqlParameterSource()
                        .addValue("id", e.id()).addValue("t", e.topic()).addValue("k", e.key())
                        .addValue("at", ts(e.occurredAt())).addValue("n", e.matched())
                        .addValue("now", ts(now)))
                .toArray(SqlParameterSource[]::new));
    }
}
