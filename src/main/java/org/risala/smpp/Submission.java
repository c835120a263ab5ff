package org.risala.smpp;

import java.time.Instant;
import java.util.Set;

/**
 * One message to hand to an operator. The smpp module splits the text into parts according to the operator's
 * concatenation settings; {@code partsAlreadySubmitted} lists part numbers (1-based) accepted on an earlier attempt,
 * so a retry only sends what is missing.
 *
 * @param messageId   Risala's message id, only for logs and correlation
 * @param operator    name of the operator link to use
 * @param destination E.164 number, with '+'
 * @param sender      short code, alphanumeric sender or international number; null means the operator's default
 * @param text        the full message text
 * @param highPriority may use the capacity reserved for high-priority traffic
 * @param concatReference reference number for the concatenation header (kept across retries)
 * @param validUntil  passed to the SMSC as the validity period
 * @param serviceType the submit_sm service_type (what operator billing keys on), or null for the operator's default
 */
public record Submission(
        String messageId,
        String operator,
        String destination,
        String sender,
        String text,
        boolean highPriority,
        int concatReference,
        Instant validUntil,
        String serviceType,
        Set<Integer> partsAlreadySubmitted) {
}
