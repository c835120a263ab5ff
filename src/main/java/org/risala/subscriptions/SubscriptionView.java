package org.risala.subscriptions;

import java.time.Instant;
import java.util.Locale;

/** A subscription as the API shows it. */
public record SubscriptionView(long id, String msisdn, String topic, String key, SubscriptionState state,
                               String language, String channel, Instant createdAt, Instant confirmedAt) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id(), s.msisdn(), s.topic(), s.key(), s.state(),
                s.language().name().toLowerCase(Locale.ROOT), s.channel().name(), s.createdAt(),
                s.confirmedAt());
    }
}
