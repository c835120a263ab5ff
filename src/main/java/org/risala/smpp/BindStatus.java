package org.risala.smpp;

import java.time.Instant;

/**
 * @param state  e.g. BOUND_TRX, CONNECTING, BACKING_OFF, HELD_ELSEWHERE (another node holds the lease), STOPPED
 * @param holder the node that holds this bind's lease, when known
 */
public record BindStatus(String operator, int bindIndex, String bindType, String state, Instant since, String holder,
                         String lastError) {
}
