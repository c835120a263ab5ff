package org.risala.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theCeilingDoublesPerAttemptUpToTheCap() {
        RetryPolicy highest = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.999_999);
        assertThat(highest.delayAfter(1)).isBetween(Duration.ofMillis(1990), Duration.ofSeconds(2));
        assertThat(highest.delayAfter(2)).isBetween(Duration.ofMillis(3990), Duration.ofSeconds(4));
        assertThat(highest.delayAfter(3)).isBetween(Duration.ofMillis(7990), Duration.ofSeconds(8));
        assertThat(highest.delayAfter(20)).isBetween(Duration.ofMillis(299_000), Duration.ofMinutes(5));
        assertThat(highest.delayAfter(10_000)).isLessThanOrEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void jitterSpreadsDelaysButNeverRetriesInstantly() {
        RetryPolicy lowest = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.0);
        assertThat(lowest.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
        RetryPolicy middle = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.5);
        assertThat(middle.delayAfter(3)).isEqualTo(Duration.ofMillis(100 + (8000 - 100) / 2));
    }

    @Test
    void noRetryIsPlannedBeyondTheMessagesValidity() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.999_999);
        assertThat(policy.nextAttempt(1, now, now.plusSeconds(60))).isBetween(now.plusMillis(1990), now.plusSeconds(2));
        assertThat(policy.nextAttempt(1, now, now.plusSeconds(1))).isNull();
    }
}
