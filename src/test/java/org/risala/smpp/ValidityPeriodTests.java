package org.risala.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ValidityPeriodTests {

    @Test
    void writesDaysHoursMinutesAndSeconds() {
        assertThat(ValidityPeriod.relative(Duration.ofMinutes(10))).isEqualTo("000000001000000R");
        assertThat(ValidityPeriod.relative(Duration.ofDays(1))).isEqualTo("000001000000000R");
        assertThat(ValidityPeriod.relative(Duration.ofDays(2).plusHours(3).plusMinutes(4).plusSeconds(5)))
                .isEqualTo("000002030405000R");
    }

    @Test
    void isCappedAtWhatTheFormatHolds() {
        assertThat(ValidityPeriod.relative(Duration.ofDays(400))).isEqualTo("000099235959000R");
    }

    @Test
    void neverAsksForZero() {
        assertThat(ValidityPeriod.relative(Duration.ofMillis(300))).isEqualTo("000000000001000R");
    }
}
