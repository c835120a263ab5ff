package org.risala.subscriptions;

import java.time.Instant;

import org.risala.inbound.spi.Language;

/** A row of {@code subscription}. */
record Subscription(long id, String msisdn, String topic, String key, SubscriptionState state, Language language,
                    Channel channel, String operator, Instant createdAt, Instant confirmedAt) {
}
