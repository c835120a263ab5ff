package org.risala.smpp;

import java.time.Duration;

/** SMPP 3.4 §7.1.1 relative time ({@code YYMMDDhhmmss000R}): immune to clock skew between us and the SMSC. */
final class ValidityPeriod {

    /** the format has two digits for days (months and years are of uncertain length, so unused) */
    private static final Duration LONGEST = Duration.ofDays(99).plusHours(23).plusMinutes(59).plusSeconds(59);

    private ValidityPeriod() {
    }

    /** @param remaining positive; rounded down to whole seconds, at least one */
    static String relative(Duration remaining) {
        Duration period = remaining.compareTo(LONGEST) > 0 ? LONGEST : remaining;
        long seconds = Math.max(1, period.getSeconds());
        StringBuilder text = new StringBuilder(16).append("0000");
        for (long field : new long[] {seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60, seconds % 60}) {
            text.append((char) ('0' + field / 10)).append((char) ('0' + field % 10));
        }
        return text.append("000R").toString();
    }
}
