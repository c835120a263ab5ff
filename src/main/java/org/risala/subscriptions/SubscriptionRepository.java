package org.risala.subscriptions;

import static org.risala.storage.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.risala.inbound.spi.Language;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables {@code subscription}, {@code subscription_history} and {@code opt_out}. */
@Repository
class SubscriptionRepository {

    /** the columns {@link #row} reads, of the table aliased {@code s} */
    static final String S_COLUMNS = """
            s.id, s.msisdn, s.topic, s.record_key, s.state, s.language, s.channel, s.operator, s.created_at,
            s.confirmed_at""";
    static final String COLUMNS = "SELECT " + S_COLUMNS + " FROM subscription s";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    SubscriptionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** the pending or active subscription of a number to a topic and key */
    Optional<Subscription> live(String msisdn, String topic, String key) {
        return jdbc.sql(COLUMNS + " WHERE msisdn = :m AND topic = :t AND record_key = :k AND live = 1")
                .param("m", msisdn).param("t", topic).param("k", key).query(SubscriptionRepository::row).optional();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the number has a live one for this topic and key */
    long insert(String msisdn, String topic, String key, SubscriptionState state, Language language, Channel channel,
                String operator, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO subscription (msisdn, topic, record_key, state, live, language, channel, operator,
                                                  created_at, confirmed_at)
                        VALUES (:m, :t, :k, :s, 1, :l, :c, :o, :now, :confirmed)""")
                .param("m", msisdn).param("t", topic).param("k", key).param("s", state.name())
                .param("l", language.name()).param("c", channel.name()).param("o", operator).param("now", ts(now))
                .param("confirmed", state == SubscriptionState.ACTIVE ? ts(now) : null)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Subscription> byId(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(SubscriptionRepository::row).optional();
    }

    /** by id, for a few thousand ids at most (each is a bound parameter) */
    Map<Long, Subscription> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(COLUMNS + " WHERE id IN (:ids)").param("ids", ids).query(SubscriptionRepository::row).list().stream()
                .collect(Collectors.toMap(Subscription::id, s -> s));
    }

    /** a repeated SUB of a pending one starts its time for YES again, in the language of the latest SUB */
    void renewPending(long id, Language language, String operator, Instant now) {
        jdbc.sql("UPDATE subscription SET created_at = :now, language = :l, operator = :o WHERE id = :id")
                .param("now", ts(now)).param("l", language.name()).param("o", operator).param("id", id).update();
    }

    /** the newest subscription of the number waiting for YES that was asked for at or after {@code since} */
    Optional<Subscription> newestPending(String msisdn, Instant since) {
        return jdbc.sql(COLUMNS + """
                         WHERE msisdn = :m AND state = 'PENDING_CONFIRMATION' AND created_at >= :since
                        ORDER BY created_at DESC, id DESC FETCH FIRST 1 ROWS ONLY""")
                .param("m", msisdn).param("since", ts(since)).query(SubscriptionRepository::row).optional();
    }

    /** false when it was no longer waiting (confirmed or stopped meanwhile) */
    boolean confirm(long id, Instant now) {
        return jdbc.sql("""
                        UPDATE subscription SET state = 'ACTIVE', confirmed_at = :now
                        WHERE id = :id AND state = 'PENDING_CONFIRMATION'""")
                .param("now", ts(now)).param("id", id).update() == 1;
    }

    boolean stop(long id, Instant now) {
        return jdbc.sql("UPDATE subscription SET state = 'STOPPED', live = NULL, stopped_at = :now "
                        + "WHERE id = :id AND live = 1")
                .param("now", ts(now)).param("id", id).update() == 1;
    }

    /** the number's pending and active subscriptions, oldest first */
    List<Subscription> liveOf(String msisdn) {
        return jdbc.sql(COLUMNS + " WHERE msisdn = :m AND live = 1 ORDER BY id").param("m", msisdn)
                .query(SubscriptionRepository::row).list();
    }

    List<Subscription> activeOf(String msisdn) {
        return jdbc.sql(COLUMNS + " WHERE msisdn = :m AND state = 'ACTIVE' ORDER BY id").param("m", msisdn)
                .query(SubscriptionRepository::row).list();
    }

    /**
     * The active subscriptions to a topic for any of the keys, in one query, without the numbers on the opt-out list
     * when so asked.
     */
    List<Subscription> matching(String topic, Collection<String> keys, boolean skipOptedOut) {
        return jdbc.sql(COLUMNS + " WHERE topic = :t AND record_key IN (:k) AND state = 'ACTIVE'"
                        + (skipOptedOut ? " AND NOT EXISTS (SELECT 1 FROM opt_out o WHERE o.msisdn = s.msisdn)" : "")
                        + " ORDER BY id")
                .param("t", topic).param("k", keys).query(SubscriptionRepository::row).list();
    }

    void history(long subscriptionId, String action, String actor, Instant now) {
        histories(List.of(subscriptionId), action, actor, null, now);
    }

    /** the same change of many subscriptions, in one batch */
    void histories(List<Long> subscriptionIds, String action, String actor, String detail, Instant now) {
        batch.batchUpdate("""
                INSERT INTO subscription_history (subscription_id, action, actor, detail, at)
                VALUES (:s, :a, :who, :detail, :now)""", subscriptionIds.stream()
                .map(id -> new MapSqlParameterSource().addValue("s", id).addValue("a", action)
                        .addValue("who", actor).addValue("detail", detail).addValue("now", ts(now)))
                .toArray(SqlParameterSource[]::new));
    }

    void optOut(String msisdn, Instant now) {
        jdbc.sql("INSERT INTO opt_out (msisdn, at) VALUES (:m, :now) ON CONFLICT DO NOTHING")
                .param("m", msisdn).param("now", ts(now)).update();
    }

    void clearOptOut(String msisdn) {
        jdbc.sql("DELETE FROM opt_out WHERE msisdn = :m").param("m", msisdn).update();
    }

    boolean optedOut(String msisdn) {
        return jdbc.sql("SELECT COUNT(*) FROM opt_out WHERE msisdn = :m").param("m", msisdn).query(Long.class)
                .single() > 0;
    }

    // ---- billing: grace and suspension --------------------------------------------------------------------------

    /** locks the active ones of these subscriptions not in grace yet, and gives them grace until {@code until} */
    List<Subscription> startGrace(Collection<Long> ids, Instant until) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Subscription> entering = jdbc.sql(COLUMNS
                        + " WHERE id IN (:ids) AND state = 'ACTIVE' AND grace_until IS NULL ORDER BY id FOR UPDATE")
                .param("ids", ids).query(SubscriptionRepository::row).list();
        if (!entering.isEmpty()) {
            jdbc.sql("UPDATE subscription SET grace_until = :until WHERE id IN (:ids)")
                    .param("until", ts(until)).param("ids", entering.stream().map(Subscription::id).toList())
                    .update();
        }
        return entering;
    }

    /** ends the grace of these subscriptions where no charge of theirs is still failed */
    void endGraceWhereSettled(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            UPDATE subscription SET grace_until = NULL
                            WHERE id IN (:ids) AND grace_until IS NOT NULL AND NOT EXISTS (
                                SELECT 1 FROM billing_record b WHERE b.subscription_id = subscription.id
                                                                AND b.status = 'FAILED')""")
                    .param("ids", ids).update();
        }
    }

    /** active subscriptions whose grace has ended, locked; those another node is suspending are skipped */
    List<Subscription> graceEnded(Instant now, int limit) {
        return jdbc.sql(COLUMNS
                        + " WHERE state = 'ACTIVE' AND grace_until <= :now ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED")
                .param("now", ts(now)).param("n", limit).query(SubscriptionRepository::row).list();
    }

    void suspend(Collection<Long> ids, Instant now) {
        jdbc.sql("""
                        UPDATE subscription SET state = 'SUSPENDED', live = NULL, stopped_at = :now, grace_until = NULL
                        WHERE id IN (:ids) AND state = 'ACTIVE'""")
                .param("now", ts(now)).param("ids", ids).update();
    }

    static Subscription row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime confirmed = rs.getObject("confirmed_at", OffsetDateTime.class);
        return new Subscription(rs.getLong("id"), rs.getString("msisdn"), rs.getString("topic"),
                rs.getString("record_key"), SubscriptionState.valueOf(rs.getString("state")),
                Language.valueOf(rs.getString("language")), Channel.valueOf(rs.getString("channel")),
                rs.getString("operator"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                confirmed == null ? null : confirmed.toInstant());
    }
}
