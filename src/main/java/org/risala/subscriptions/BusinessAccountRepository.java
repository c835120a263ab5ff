package org.risala.subscriptions;

import static org.risala.storage.SqlTimes.ts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables {@code business_account} and {@code business_contact}, and the subscriptions of a business. */
@Repository
class BusinessAccountRepository {

    /** a subscription a business asks for one of its contact numbers */
    record Wanted(String msisdn, Topic topic, String key, String language) {
    }

    /** a number's live subscription, by what the unique live index holds */
    record Held(String msisdn, String topic, String key) {
    }

    /** a key a business holds, with the language of its alerts */
    record Key(String topic, String key, String language) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    BusinessAccountRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the registration has an account already */
    long insert(String name, String registration, Long clientId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO business_account (name, commercial_registration, client_id, created_at)
                        VALUES (:n, :r, :c, :now)""")
                .param("n", name).param("r", registration).param("c", clientId)
                .param("now", ts(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Long> idOf(String registration) {
        return jdbc.sql("SELECT id FROM business_account WHERE commercial_registration = :r")
                .param("r", registration).query(Long.class).optional();
    }

    Optional<BusinessAccount> find(long id) {
        return jdbc.sql("SELECT id, name, commercial_registration, created_at FROM business_account WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new BusinessAccount(rs.getLong("id"), rs.getString("name"),
                        rs.getString("commercial_registration"), contacts(id),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * Locks the account managed by the client until the transaction ends, so that one business's changes run one
     * after the other.
     *
     * @return false when there is no such account, or another client manages it
     */
    boolean lockManaged(long id, long clientId) {
        return jdbc.sql("SELECT id FROM business_account WHERE id = :id AND client_id = :c FOR UPDATE")
                .param("id", id).param("c", clientId).query(Long.class).optional().isPresent();
    }

    boolean managedBy(long id, long clientId) {
        return jdbc.sql("SELECT COUNT(*) FROM business_account WHERE id = :id AND client_id = :c")
                .param("id", id).param("c", clientId).query(Long.class).single() > 0;
    }

    List<String> contacts(long id) {
        return jdbc.sql("SELECT msisdn FROM business_contact WHERE business_account_id = :id ORDER BY msisdn")
                .param("id", id).query(String.class).list();
    }

    void addContacts(long id, List<String> msisdns) {
        batch.batchUpdate("INSERT INTO business_contact (business_account_id, msisdn) VALUES (:b, :m)",
                msisdns.stream().map(m -> new MapSqlParameterSource().addValue("b", id).addValue("m", m))
                        .toArray(SqlParameterSource[]::new));
    }

    void removeContacts(long id, List<String> msisdns) {
        jdbc.sql("DELETE FROM business_contact WHERE business_account_id = :b AND msisdn IN (:m)")
                .param("b", id).param("m", msisdns).update();
    }

    /** the numbers' live subscriptions, whoever made them */
    List<Held> liveOf(List<String> msisdns) {
        return jdbc.sql("SELECT msisdn, topic, record_key FROM subscription WHERE msisdn IN (:m) AND live = 1")
                .param("m", msisdns)
                .query((rs, n) -> new Held(rs.getString("msisdn"), rs.getString("topic"), rs.getString("record_key")))
                .list();
    }

    /** the keys the business holds for at least one contact */
    List<Key> keysOf(long id) {
        return jdbc.sql("""
                        SELECT topic, record_key, MIN(language) AS language FROM subscription
                        WHERE business_account_id = :b AND live = 1 GROUP BY topic, record_key""")
                .param("b", id)
                .query((rs, n) -> new Key(rs.getString("topic"), rs.getString("record_key"), rs.getString("language")))
                .list();
    }

    /**
     * Active at once: the business confirmed them. One a citizen subscribed meanwhile is left as it is (the unique
     * live index).
     */
    void insertActive(long id, List<Wanted> wanted, Instant now) {
        batch.batchUpdate("""
                INSERT INTO subscription (msisdn, topic, record_key, state, live, language, channel, created_at,
                                          confirmed_at, business_account_id)
                VALUES (:m, :t, :k, 'ACTIVE', 1, :l, :c, :now, :now, :b) ON CONFLICT DO NOTHING""", wanted.stream()
                .map(w -> new MapSqlParameterSource().addValue("m", w.msisdn()).addValue("t", w.topic().name())
                        .addValue("k", w.key()).addValue("l", w.language()).addValue("c", Channel.API.name())
                        .addValue("now", ts(now)).addValue("b", id))
                .toArray(SqlParameterSource[]::new));
    }

    /** what {@link #insertActive} made at {@code now}: the account's lock makes them this transaction's */
    List<Subscription> madeAt(long id, Instant now) {
        return jdbc.sql(SubscriptionRepository.COLUMNS
                        + " WHERE business_account_id = :b AND created_at = :now AND live = 1 ORDER BY id")
                .param("b", id).param("now", ts(now)).query(SubscriptionRepository::row).list();
    }

    /** the business's live subscriptions for these contacts, locked to be stopped */
    List<Long> liveFor(long id, List<String> msisdns) {
        return jdbc.sql("""
                        SELECT id FROM subscription WHERE business_account_id = :b AND msisdn IN (:m) AND live = 1
                        FOR UPDATE""")
                .param("b", id).param("m", msisdns).query(Long.class).list();
    }

    /** stops what {@link #liveFor} found (and locked): by the same criteria, as the ids may be many thousands */
    void stopFor(long id, List<String> msisdns, Instant now) {
        jdbc.sql("""
                        UPDATE subscription SET state = 'STOPPED', live = NULL, stopped_at = :now
                        WHERE business_account_id = :b AND msisdn IN (:m) AND live = 1""")
                .param("now", ts(now)).param("b", id).param("m", msisdns).update();
    }
}
