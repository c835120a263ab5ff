package org.risala.outbound;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything known about one message: its status, where it went, its parts and its timeline.
 *
 * @param serviceType the submit_sm service_type it is sent with; null for the operator's default
 * @param chargeable  its recipient is charged for it (a premium alert)
 */
public record MessageView(
        UUID id,
        Long clientId,
        String origin,
        String reference,
        String to,
        String sender,
        String text,
        MessageStatus status,
        String encoding,
        int segments,
        Priority priority,
        boolean testMode,
        String serviceType,
        boolean chargeable,
        String operator,
        int attempts,
        boolean possibleDuplicate,
        Instant acceptedAt,
        Instant sendAt,
        Instant expiresAt,
        Instant submittedAt,
        Instant doneAt,
        String failureCode,
        String failureReason,
        List<Part> parts,
        List<Event> timeline) {

    public record Part(int number, String operator, String smscMessageId, String status, Instant submittedAt,
                       Instant doneAt, String errorCode) {
    }

    public record Event(Instant at, String status, String detail) {
    }
}
