package org.risala.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (a random delay between zero and the doubled cap), so that thousands of
 * messages refused together by a throttled operator do not all come back at the same instant.
 */
final class RetryPolicy {

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final DoubleSupplier random;

    RetryPolicy(Duration initialDelay, Duration maxDelay) {
        this(initialDelay, maxDelay, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryPolicy(Duration initialDelay, Duration maxDelay, DoubleSupplier random) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.random = random;
    }

    /** @param attempt how many attempts have failed so far, from 1 */
    Duration delayAfter(int attempt) {
        long capMillis = maxDelay.toMillis();
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = Math.min(capMillis, initialDelay.toMillis() << doublings);
        // never zero: a message refused now is not retried in the same instant
        long floor = Math.min(100, ceiling);
        return Duration.ofMillis(floor + (long) (random.getAsDouble() * (ceiling - floor)));
    }

    /** when to try again, or null when the message's validity ends before that */
    Instant nextAttempt(int attempt, Instant now, Instant expiresAt) {
        Instant next = now.plus(delayAfter(attempt));
        return next.isBefore(expiresAt) ? next : null;
    }
}
