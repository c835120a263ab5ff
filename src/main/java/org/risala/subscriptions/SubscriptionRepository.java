package org.risala.subscriptions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.risala.inbound.spi.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables {@code subscription}, {@code subscription_history} and {@code opt_out}. */
@Repository
class SubscriptionRepository {

    private static final String COLUMNS = """
            SELECT id, msisdn, topic, record_key, state, language, channel, operator, created_at, confirmed_at
            FROM subscription""";

    private final JdbcClient jdbc;

    SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** the pending or active subscription of a number to a topic and key */
    Optional<Subscription> live(String msisdn, String topic, String key) {
        return jdbc.sql(COLUMNS + " WHERE msisdn = :m AND topic = :t AND record_key = :k AND live = 1")
                .param("m", msisdn).param("t", topic).param("k", key).query(this::row).optional();
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
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(this::row).optional();
    }

    /** by id, for a few thousand ids at most (each is a bound parameter) */
    Map<Long, Subscription> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(COLUMNS + " WHERE id IN (:ids)").param("ids", ids).query(this::row).list().stream()
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
                .param("m", msisdn).param("since", ts(since)).query(this::row).optional();
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
                .query(this::row).list();
    }

    List<Subscription> activeOf(String msisdn) {
        return jdbc.sql(COLUMNS + " WHERE msisdn = :m AND state = 'ACTIVE' ORDER BY id").param("m", msisdn)
                .query(this::row).list();
    }

    /** the active subscriptions to a topic and key, without the numbers on the opt-out list when so asked */
    List<Subscription> matching(String topic, String key, boolean skipOptedOut) {
        return jdbc.sql(COLUMNS + " s WHERE topic = :t AND record_key = :k AND state = 'ACTIVE'"
                        + (skipOptedOut ? " AND NOT EXISTS (SELECT 1 FROM opt_out o WHERE o.msisdn = s.msisdn)" : "")
                        + " ORDER BY id")
                .param("t", topic).param("k", key).query(this::row).list();
    }

    void history(long subscriptionId, String action, String actor, Instant now) {
        jdbc.sql("INSERT INTO subscription_history (subscription_id, action, actor, at) VALUES (:s, :a, :who, :now)")
                .param("s", subscriptionId).param("a", action).param("who", actor).param("now", ts(now)).update();
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

    private Subscription row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime confirmed = rs.getObject("confirmed_at", OffsetDateTime.class);
        return new Subscription(rs.getLong("id"), rs.getString("msisdn"), rs.getString("topic"),
                rs.getString("record_key"), SubscriptionState.valueOf(rs.getString("state")),
                Language.valueOf(rs.getString("language")), Channel.valueOf(rs.getString("channel")),
                rs.getString("operator"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                confirmed == null ? null : confirmed.toInstant());
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
