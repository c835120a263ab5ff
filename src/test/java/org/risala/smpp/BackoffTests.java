package org.risala.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTests {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void doublesFromTheInitialDelay() {
        assertThat(backoff.delay(1, () -> 0.999999)).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
        assertThat(backoff.delay(2, () -> 0.999999)).isBetween(Duration.ofMillis(1999), Duration.ofSeconds(2));
        assertThat(backoff.delay(4, () -> 0.999999)).isBetween(Duration.ofMillis(7999), Duration.ofSeconds(8));
    }

    @Test
    void jitterKeepsAtLeastHalfTheDelay() {
        assertThat(backoff.delay(3, () -> 0)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void isCappedAtTheMaximum() {
        assertThat(backoff.delay(40, () -> 0.999999)).isBetween(Duration.ofMillis(59_999), Duration.ofSeconds(60));
        assertThat(backoff.delay(Integer.MAX_VALUE, () -> 0)).isEqualTo(Duration.ofSeconds(30));
    }
}
