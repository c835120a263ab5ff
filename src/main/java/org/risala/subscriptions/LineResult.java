package org.risala.subscriptions;

import java.util.List;

/**
 * What became of one {@link SubscriptionLine}.
 *
 * @param key    normalised when the line is valid, else as given
 * @param errors each written {@code field: reason}; empty unless the outcome is ERROR
 */
public record LineResult(int row, String topic, String key, Outcome outcome, List<String> errors) {

    public enum Outcome {
        /** subscribed now, for at least one contact number */
        CREATED,
        /** every contact number had it already */
        ACTIVE,
        ERROR
    }
}
