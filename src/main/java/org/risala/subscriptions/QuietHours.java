package org.risala.subscriptions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hours of the night in which alerts of topics that may not be sent then ({@code quiet-hours-allowed: false})
 * are held until the end of them ({@code risala.subscriptions.quiet-hours}). The zone is also the one whose calendar
 * days reminders fall due on.
 *
 * @param start when quiet hours begin, local time; default 22:00
 * @param end   when they end; default 07:00. Equal to start: no quiet hours
 * @param zone  default Asia/Muscat
 */
@ConfigurationProperties("risala.subscriptions.quiet-hours")
record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    QuietHours {
        start = start == null ? LocalTime.of(22, 0) : start;
        end = end == null ? LocalTime.of(7, 0) : end;
        zone = zone == null ? ZoneId.of("Asia/Muscat") : zone;
    }

    /** @return the end of the quiet hours {@code at} falls in, or empty when it falls in none */
    Optional<Instant> heldUntil(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                // across midnight: 22:00 to 07:00 is quiet from 22:00 and until 07:00
                : start.isAfter(end) && (!time.isBefore(start) || time.isBefore(end));
        if (!quiet) {
            return Optional.empty();
        }
        LocalDate endDay = time.isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return Optional.of(endDay.atTime(end).atZone(zone).toInstant());
    }

    /** the calendar day it is at that instant, in the zone */
    LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
