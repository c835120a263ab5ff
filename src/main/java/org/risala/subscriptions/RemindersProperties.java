package org.risala.subscriptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How expiry reminders are planned ({@code risala.subscriptions.reminder-interval}) and where expiry dates are read
 * from besides events ({@code risala.subscriptions.expiry-feeds}). The topics under the same prefix are bound by
 * {@link SubscriptionsProperties}; whether a feed's topic and data source exist is checked by {@link ExpiryFeeds}.
 *
 * @param reminderInterval how often the sweep looks for reminders that are due; default 10 minutes
 * @param expiryFeeds      back-office queries polled for expiry dates
 */
@ConfigurationProperties("risala.subscriptions")
record RemindersProperties(Duration reminderInterval, List<ExpiryFeed> expiryFeeds) {

    static final String PREFIX = "risala.subscriptions.";

    RemindersProperties {
        reminderInterval = reminderInterval == null ? Duration.ofMinutes(10) : reminderInterval;
        expiryFeeds = expiryFeeds == null ? List.of() : List.copyOf(expiryFeeds);
        List<String> problems = new ArrayList<>();
        if (reminderInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add(PREFIX + "reminder-interval: must be at least one second");
        }
        for (int i = 0; i < expiryFeeds.size(); i++) {
            ExpiryFeed feed = expiryFeeds.get(i);
            String field = PREFIX + "expiry-feeds[" + i + "].";
            if (feed.topic() == null || feed.topic().isBlank()) {
                problems.add(field + "topic: is required, the expiry topic whose dates it gives");
            }
            if (feed.dataSource() == null || feed.dataSource().isBlank()) {
                problems.add(field + "data-source: is required, a name under risala.data-sources");
            }
            if (feed.query() == null || feed.query().isBlank()) {
                problems.add(field + "query: is required, e.g. SELECT plate, expiry_date FROM vehicle");
            }
            if (feed.interval().compareTo(Duration.ofMinutes(1)) < 0) {
                problems.add(field + "interval: must be at least one minute");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid reminders configuration: " + String.join("; ", problems));
        }
    }

    /**
     * A query on a back-office database that gives expiry dates: its first column is the record (normalised as the
     * topic's key type says; a value that is not one is skipped), its second the date (a DATE or TIMESTAMP column).
     * It may use the parameters {@code :today} and {@code :until} (today plus the topic's longest reminder offset),
     * e.g. {@code SELECT plate, expiry_date FROM vehicle WHERE expiry_date BETWEEN :today AND :until}.
     *
     * @param topic      the expiry topic
     * @param dataSource a name under {@code risala.data-sources}
     * @param query      the query
     * @param interval   how often it is polled; default 1 hour
     */
    record ExpiryFeed(String topic, String dataSource, String query, Duration interval) {

        ExpiryFeed {
            interval = interval == null ? Duration.ofHours(1) : interval;
        }
    }
}
