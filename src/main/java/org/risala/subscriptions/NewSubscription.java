package org.risala.subscriptions;

/**
 * A subscription a client system (the citizen portal) makes for a citizen it has confirmed it with.
 *
 * @param msisdn   the citizen's mobile number, in any form people write it
 * @param topic    the topic's name, e.g. {@code violation}
 * @param key      the record, e.g. the plate {@code 12345 AB}
 * @param language {@code en} (default) or {@code ar}: the language of the alerts
 */
public record NewSubscription(String msisdn, String topic, String key, String language) {
}
