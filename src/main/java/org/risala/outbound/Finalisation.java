package org.risala.outbound;

import java.time.Instant;
import java.util.UUID;

/** A message reaching a final status, with why. */
record Finalisation(UUID messageId, MessageStatus status, Instant at, String failureCode, String reason) {

    Finalisation {
        if (!status.isFinal()) {
            throw new IllegalArgumentException(status + " is not a final status");
        }
    }
}
