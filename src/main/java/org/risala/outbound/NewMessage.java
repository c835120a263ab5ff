package org.risala.outbound;

import java.time.Instant;
import java.util.UUID;

import org.risala.sms.Encoding;

/** A validated message ready to be stored. */
record NewMessage(
        UUID id,
        Long clientId,
        String origin,
        String reference,
        String idempotencyKey,
        String requestHash,
        String recipient,
        String sender,
        String body,
        Encoding encoding,
        int segments,
        Priority priority,
        boolean testMode,
        String operator,
        int concatReference,
        String callbackUrl,
        Instant acceptedAt,
        Instant sendAt,
        Instant expiresAt,
        SendRequest.Service service) {

    Instant firstAttemptAt() {
        return sendAt != null && sendAt.isAfter(acceptedAt) ? sendAt : acceptedAt;
    }
}
