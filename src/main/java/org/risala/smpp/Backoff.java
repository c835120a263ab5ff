package org.risala.smpp;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delay before the next bind attempt: doubling from {@code initial} up to {@code max}, each delay drawn between
 * half and all of it, so binds refused together (e.g. after an SMSC restart) do not come back in lockstep.
 */
record Backoff(Duration initial, Duration max) {

    /** @param failures consecutive failed attempts so far, at least 1; random yields values in [0, 1) */
    Duration delay(int failures, DoubleSupplier random) {
        long ceiling = max.toMillis();
        long delay = initial.toMillis();
        for (int i = 1; i < failures && delay < ceiling; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, ceiling);
        return Duration.ofMillis(delay / 2 + (long) (random.getAsDouble() * (delay - delay / 2)));
    }
}
