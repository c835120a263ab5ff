package org.risala.outbound;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A message this node has claimed for one submit attempt.
 *
 * @param serviceType the submit_sm service_type, or null for the operator's default
 * @param staleClaim another claim on it had lapsed: an earlier attempt may have reached the SMSC
 */
record ClaimedMessage(UUID id, String operator, String recipient, String sender, String body, Priority priority,
                      boolean testMode, int concatReference, int attempts, Instant expiresAt,
                      String serviceType, Set<Integer> partsSubmitted, boolean staleClaim) {

    ClaimedMessage withPartsSubmitted(Set<Integer> parts) {
        return new ClaimedMessage(id, operator, recipient, sender, body, priority, testMode, concatReference, attempts,
                expiresAt, serviceType, parts, staleClaim);
    }
}
