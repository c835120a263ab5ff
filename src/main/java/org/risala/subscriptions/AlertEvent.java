package org.risala.subscriptions;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a record, as a back office reports it: a new violation on a plate, a visa decided, or
 * the expiry date of a document ({@value #DOCUMENT_EXPIRY}), which is alerted later by reminders.
 *
 * @param id         the back office's id of the event: the same id is only ever alerted (or recorded) once
 * @param type       the topic's name, e.g. {@code violation}, or {@value #DOCUMENT_EXPIRY}
 * @param key        the record as the back office writes it; normalised as the topic's key type says
 * @param occurredAt when it happened
 * @param data       the fields of the alert template ({@code amount}, {@code place}…) as text; for a
 *                   {@value #DOCUMENT_EXPIRY} event {@code topic} (an expiry topic) and {@code expiresOn}
 */
public record AlertEvent(String id, String type, String key, Instant occurredAt, Map<String, String> data) {

    /** the type of an event that gives a document's expiry date, for the reminders of an expiry topic */
    public static final String DOCUMENT_EXPIRY = "document.expiry";

    public AlertEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    boolean givesExpiryDate() {
        return DOCUMENT_EXPIRY.equals(type);
    }
}
