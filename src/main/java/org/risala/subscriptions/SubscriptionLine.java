package org.risala.subscriptions;

/**
 * One key a business subscribes, as a row of its list or file gives it.
 *
 * @param row      where it was: the line of a CSV file (the header is line 1), or the index of a JSON list item
 * @param language {@code en} (default) or {@code ar}
 */
public record SubscriptionLine(int row, String topic, String key, String language) {
}
