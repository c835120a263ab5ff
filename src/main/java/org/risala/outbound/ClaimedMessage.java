package org.risala.outbound;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A message this node has claimed for one submit attempt.
 *
 * @param staleClaim another claim on it had lapsed: an earlier attempt may have reached the SMSC
 */
record ClaimedMessage(UUID id, String operator, String recipient, String sender, String body, Priority priority,
                      boolean testMode, int concatReference, int attempts, Instant expiresAt,
                      Set<Integer> partsSubmitted, boolean staleClaim) {

    ClaimedMessage withPartsSubmitted(Set<Integer> parts) {
        return new ClaimedMessage(id, operator, recipient, sender, body, priority, testMode, concatReference, attempts,
                expiresAt, parts, staleClaim);
    }
}
