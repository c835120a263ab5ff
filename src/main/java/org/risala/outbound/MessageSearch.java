package org.risala.outbound;

import java.time.Instant;

/**
 * Criteria for the message search page; null fields are not filtered on.
 *
 * @param to a number in any accepted form, normalised before searching
 */
public record MessageSearch(String to, Long clientId, String reference, MessageStatus status, Instant from,
                            Instant until, int limit) {
}
