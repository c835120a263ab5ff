package org.risala.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A message as the simulated handset shows it, all its parts reassembled.
 *
 * @param to         the handset, E.164 with '+'
 * @param from       the sender as submitted (short code, alphanumeric or number)
 * @param encoding   "GSM7" or "UCS2"
 * @param messageIds the ids the simulator answered in each part's submit_sm_resp, in part order
 * @param serviceType the submit_sm service_type (what operator billing keys on), null for the default
 */
public record HandsetMessage(String to, String from, String text, String encoding, int parts, Instant receivedAt,
                             List<String> messageIds, String serviceType) {

    public HandsetMessage {
        messageIds = List.copyOf(messageIds);
    }
}
