package org.risala.outbound;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything known about one message: its status, where it went, its parts and its timeline. */
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
