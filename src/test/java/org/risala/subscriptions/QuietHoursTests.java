package org.risala.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuietHoursTests {

    private static final ZoneId MUSCAT = ZoneId.of("Asia/Muscat");
    private static final QuietHours NIGHT = new QuietHours(null, null, null);

    private static Instant muscat(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MUSCAT).toInstant();
    }

    @ParameterizedTest
    @CsvSource({
            "2026-12-01T22:00, 2026-12-02T07:00",
            "2026-12-01T23:59, 2026-12-02T07:00",
            "2026-12-02T00:00, 2026-12-02T07:00",
            "2026-12-02T06:59, 2026-12-02T07:00"})
    void fromTenAtNightToSevenInTheMorningMuscatTimeAlertsAreHeldUntilSeven(String at, String until) {
        assertThat(NIGHT.heldUntil(muscat(at))).contains(muscat(until));
    }

    @ParameterizedTest
    @CsvSource({"2026-12-02T07:00", "2026-12-02T12:00", "2026-12-02T21:59"})
    void duringTheDayNothingIsHeld(String at) {
        assertThat(NIGHT.heldUntil(muscat(at))).isEmpty();
    }

    @Test
    void theDefaultsAreTenToSevenInMuscat() {
        assertThat(NIGHT).isEqualTo(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), MUSCAT));
        // 18:00 UTC is 22:00 in Muscat
        assertThat(NIGHT.heldUntil(Instant.parse("2026-12-01T18:00:00Z"))).contains(Instant.parse("2026-12-02T03:00:00Z"));
    }

    @Test
    void quietHoursWithinOneDayAndNone() {
        QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0), MUSCAT);
        assertThat(afternoon.heldUntil(muscat("2026-12-01T14:00"))).contains(muscat("2026-12-01T15:00"));
        assertThat(afternoon.heldUntil(muscat("2026-12-01T15:00"))).isEmpty();
        assertThat(afternoon.heldUntil(muscat("2026-12-01T12:59"))).isEmpty();
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, MUSCAT);
        assertThat(none.heldUntil(muscat("2026-12-01T00:00"))).isEqualTo(Optional.empty());
        assertThat(none.heldUntil(muscat("2026-12-01T23:00"))).isEmpty();
    }

    @Test
    void theDayIsMuscatsCalendarDay() {
        // 21:00 UTC on the 1st is already 01:00 on the 2nd in Muscat
        assertThat(NIGHT.day(Instant.parse("2026-12-01T21:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 2));
    }
}
