package org.risala.subscriptions;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a record, as a back office reports it: a new violation on a plate, a passport about
 * to expire, a visa decided.
 *
 * @param id         the back office's id of the event: the same id is only ever alerted once
 * @param type       the topic's name, e.g. {@code violation}
 * @param key        the record as the back office writes it; normalised as the topic's key type says
 * @param occurredAt when it happened
 * @param data       the fields of the alert template ({@code amount}, {@code place}…) as text
 */
public record AlertEvent(String id, String type, String key, Instant occurredAt, Map<String, String> data) {

    public AlertEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
