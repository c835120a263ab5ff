package org.risala.subscriptions;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a document expires, as a back office reported it.
 *
 * @param topic     the expiry topic it belongs to
 * @param key       the record, normalised as the topic's key type says
 * @param expiresOn the last day it is valid
 * @param source    who said so: {@code event:<id>} or {@code feed:<topic>}
 */
record ExpiryDate(String topic, String key, LocalDate expiresOn, String source) {

    /** an ISO date, 2027-01-15, as back offices write it */
    static Optional<LocalDate> parse(String written) {
        try {
            return Optional.of(LocalDate.parse(written.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
