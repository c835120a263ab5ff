package org.risala.outbound;

/** The same idempotency key was used before with a different request. */
public class IdempotencyConflict extends RuntimeException {

    public IdempotencyConflict(String key) {
        super("Idempotency-Key '" + key + "' was already used with a different request");
    }
}
