package org.risala.subscriptions;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.risala.storage.NamedDataSources;
import org.risala.subscriptions.RemindersProperties.ExpiryFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads expiry dates from back-office databases ({@code risala.subscriptions.expiry-feeds}), checked at start: each
 * feed's topic must be an expiry topic and its data source configured. A poll streams the query's rows and records
 * them 1,000 at a time; a record the feed no longer gives keeps the date it had. Every node polls: recording the
 * same dates twice changes nothing.
 */
@Component
class ExpiryFeeds {

    private static final Logger log = LoggerFactory.getLogger(ExpiryFeeds.class);
    static final int BATCH = 1000;

    private final List<ExpiryFeed> feeds;
    private final Topics topics;
    private final NamedDataSources dataSources;
    private final ReminderRepository dates;
    private final TransactionTemplate tx;
    private final QuietHours localTime;
    private final Clock clock;

    ExpiryFeeds(RemindersProperties properties, Topics topics, NamedDataSources dataSources,
                ReminderRepository dates, TransactionTemplate tx, QuietHours localTime, Clock clock) {
        this.feeds = properties.expiryFeeds();
        this.topics = topics;
        this.dataSources = dataSources;
        this.dates = dates;
        this.tx = tx;
        this.localTime = localTime;
        this.clock = clock;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < feeds.size(); i++) {
            String field = RemindersProperties.PREFIX + "expiry-feeds[" + i + "].";
            ExpiryFeed feed = feeds.get(i);
            if (topics.named(feed.topic()).filter(Topic::remindsOfExpiry).isEmpty()) {
                problems.add(field + "topic: " + feed.topic() + " is not a topic with reminder-days");
            }
            if (!dataSources.names().contains(feed.dataSource())) {
                problems.add(field + "data-source: no data source '" + feed.dataSource() + "' under "
                        + "risala.data-sources");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid expiry feeds: " + String.join("; ", problems));
        }
    }

    List<ExpiryFeed> all() {
        return feeds;
    }

    /** what a poll found */
    record Polled(int recorded, int skipped) {
    }

    /**
     * Runs the feed's query and records the dates it gives.
     *
     * @throws org.springframework.dao.DataAccessException when the back office cannot be read; the batches
     *                                                     recorded until then stay
     */
    Polled poll(ExpiryFeed feed) {
        Topic topic = topics.named(feed.topic()).orElseThrow();
        Instant now = clock.instant();
        LocalDate today = localTime.day(now);
        DataSource source = dataSources.dataSource(feed.dataSource());
        JdbcTemplate template = new JdbcTemplate(source);
        template.setFetchSize(BATCH);
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("today", today)
                .addValue("until", today.plusDays(Collections.max(topic.reminderDays())));
        List<ExpiryDate> batch = new ArrayList<>(BATCH);
        int[] counts = new int[2];
        // PostgreSQL streams a result only inside a transaction; read-only, as the back office's user should be
        TransactionTemplate read = new TransactionTemplate(new DataSourceTransactionManager(source));
        read.setReadOnly(true);
        read.executeWithoutResult(s -> new NamedParameterJdbcTemplate(template).query(feed.query(), params, rs -> {
            String key = rs.getString(1);
            Date expiresOn = rs.getDate(2);
            Optional<String> normalised = key == null ? Optional.empty() : topic.key().normalise(key);
            if (normalised.isEmpty() || expiresOn == null) {
                counts[1]++;
                return;
            }
            batch.add(new ExpiryDate(topic.name(), normalised.get(), expiresOn.toLocalDate(), "feed:" + topic.name()));
            if (batch.size() == BATCH) {
                counts[0] += record(batch, now);
            }
        }));
        counts[0] += record(batch, now);
        if (counts[1] > 0) {
            // the values themselves are citizens' records: only counted
            log.warn("expiry feed of {}: {} rows without a valid record or date skipped", topic.name(), counts[1]);
        }
        return new Polled(counts[0], counts[1]);
    }

    private int record(List<ExpiryDate> batch, Instant now) {
        int n = batch.size();
        if (n > 0) {
            tx.executeWithoutResult(s -> dates.record(batch, now));
            batch.clear();
        }
        return n;
    }
}
