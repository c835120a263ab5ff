package org.risala.subscriptions;

import static org.risala.storage.SqlTimes.instant;
import static org.risala.storage.SqlTimes.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the staff pages read: subscriptions found by number or key, a subscription with its history and charges,
 * and the figures of each topic over a period, counted and summed in the database.
 */
@Component
public class SubscriptionRecords {

    /** the most subscriptions one search lists */
    public static final int LIMIT = 100;

    /** a subscription in a list; the number as stored (a page masks it) */
    public record Found(long id, String msisdn, String topic, String key, SubscriptionState state, String channel,
                        String businessAccount, Instant createdAt, Instant stoppedAt) {
    }

    public record Detail(Found subscription, String language, String operator, Instant confirmedAt,
                         List<Change> history, List<Charge> charges) {
    }

    /** a row of the subscription's history: {@code actor} is {@code sms:<inbound id>} or {@code api:<client>} */
    public record Change(Instant at, String action, String actor, String detail) {
    }

    /** a billing record: a month ({@code period}) or an alert ({@code eventId}, {@code messageId}) */
    public record Charge(Instant at, BigDecimal amount, String period, String eventId, String messageId,
                         String operator) {
    }

    /**
     * @param active  active now
     * @param started became active in the period
     * @param stopped stopped in the period
     * @param revenue the billing records of the period
     */
    public record TopicFigures(String topic, long active, long started, long stopped, BigDecimal revenue) {
    }

    private static final String FOUND = """
            SELECT s.id, s.msisdn, s.topic, s.record_key, s.state, s.channel, s.created_at, s.stopped_at,
                   s.language, s.operator, s.confirmed_at, b.name AS business
            FROM subscription s LEFT JOIN business_account b ON b.id = s.business_account_id""";

    private final JdbcClient jdbc;
    private final Subscriptions fields;
    private final Topics topics;

    SubscriptionRecords(JdbcClient jdbc, Subscriptions fields, Topics topics) {
        this.jdbc = jdbc;
        this.fields = fields;
        this.topics = topics;
    }

    /** the topics' names, as configured */
    public List<String> topicNames() {
        return topics.all().stream().map(Topic::name).toList();
    }

    /**
     * The number's subscriptions, live and stopped, newest first.
     *
     * @param number in any form the API accepts
     * @throws SubscriptionRejected when it is not a mobile number
     */
    public List<Found> byNumber(String number) {
        return jdbc.sql(FOUND + " WHERE s.msisdn = :m ORDER BY s.id DESC FETCH FIRST " + LIMIT + " ROWS ONLY")
                .param("m", fields.number("number", number)).query(SubscriptionRecords::found).list();
    }

    /**
     * The subscriptions to a key, newest first: the key is read as each topic's key type reads it (of one topic,
     * when given), so {@code 12345 ab} finds the plate {@code 12345AB}.
     *
     * @throws SubscriptionRejected when the topic is unknown, or the key is no key of any topic
     */
    public List<Found> byKey(String topic, String key) {
        List<Topic> candidates = topic == null || topic.isBlank() ? topics.all()
                : List.of(fields.topic("topic", topic));
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (Topic t : candidates) {
            Optional<String> normalised = key == null ? Optional.empty() : t.key().normalise(key);
            if (normalised.isPresent()) {
                int i = clauses.size();
                clauses.add("(s.topic = :t" + i + " AND s.record_key = :k" + i + ")");
                params.put("t" + i, t.name());
                params.put("k" + i, normalised.get());
            }
        }
        if (clauses.isEmpty()) {
            throw new SubscriptionRejected("key", "is not a key of " + (candidates.size() == 1
                    ? candidates.get(0).name() : "any topic"));
        }
        return jdbc.sql(FOUND + " WHERE " + String.join(" OR ", clauses) + " ORDER BY s.id DESC FETCH FIRST "
                + LIMIT + " ROWS ONLY").params(params).query(SubscriptionRecords::found).list();
    }

    public Optional<Detail> detail(long id) {
        return jdbc.sql(FOUND + " WHERE s.id = :id").param("id", id)
                .query((rs, n) -> new Detail(found(rs, n), rs.getString("language"), rs.getString("operator"),
                        instant(rs, "confirmed_at"), history(id), charges(id)))
                .optional();
    }

    private List<Change> history(long id) {
        return jdbc.sql("SELECT at, action, actor, detail FROM subscription_history WHERE subscription_id = :id "
                        + "ORDER BY id")
                .param("id", id)
                .query((rs, n) -> new Change(instant(rs, "at"), rs.getString("action"), rs.getString("actor"),
                        rs.getString("detail")))
                .list();
    }

    private List<Charge> charges(long id) {
        return jdbc.sql("""
                        SELECT created_at, amount, period, event_id, message_id, operator FROM billing_record
                        WHERE subscription_id = :id ORDER BY id""")
                .param("id", id)
                .query((rs, n) -> new Charge(instant(rs, "created_at"), rs.getBigDecimal("amount"),
                        rs.getString("period"), rs.getString("event_id"), rs.getString("message_id"),
                        rs.getString("operator")))
                .list();
    }

    /** every configured topic, with zeros where nothing happened; the period is {@code [from, until)} */
    public List<TopicFigures> figures(Instant from, Instant until) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT topic,
                          COUNT(*) FILTER (WHERE state = 'ACTIVE') AS active,
                          COUNT(*) FILTER (WHERE confirmed_at >= :from AND confirmed_at < :until) AS started,
                          COUNT(*) FILTER (WHERE stopped_at >= :from AND stopped_at < :until) AS stopped
                        FROM subscription GROUP BY topic""")
                .param("from", ts(from)).param("until", ts(until))
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("topic"), new long[] {rs.getLong("active"), rs.getLong("started"),
                            rs.getLong("stopped")});
                });
        Map<String, BigDecimal> revenue = new HashMap<>();
        jdbc.sql("""
                        SELECT topic, SUM(amount) AS revenue FROM billing_record
                        WHERE created_at >= :from AND created_at < :until AND status = 'CHARGED' GROUP BY topic""")
                .param("from", ts(from)).param("until", ts(until))
                .query((ResultSet rs) -> {
                    revenue.put(rs.getString("topic"), rs.getBigDecimal("revenue"));
                });
        return topics.all().stream().map(t -> {
            long[] c = counts.getOrDefault(t.name(), new long[3]);
            return new TopicFigures(t.name(), c[0], c[1], c[2],
                    revenue.getOrDefault(t.name(), BigDecimal.ZERO).setScale(3));
        }).toList();
    }

    private static Found found(ResultSet rs, int n) throws SQLException {
        return new Found(rs.getLong("id"), rs.getString("msisdn"), rs.getString("topic"), rs.getString("record_key"),
                SubscriptionState.valueOf(rs.getString("state")), rs.getString("channel"), rs.getString("business"),
                instant(rs, "created_at"), instant(rs, "stopped_at"));
    }
}
