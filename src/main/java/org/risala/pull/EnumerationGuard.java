package org.risala.pull;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stops one number walking through many plates or IDs (to learn whose car is whose, or which visa applications
 * exist): each number may ask about a few different records per window. Counted on each node, like the command limit.
 */
@Component
class EnumerationGuard {

    private static final Logger log = LoggerFactory.getLogger(EnumerationGuard.class);

    private final Clock clock;
    private final LookupProperties properties;
    private final Counter flagged;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final Instant start;
        final Set<String> records = new HashSet<>();
        boolean flagged;

        Window(Instant start) {
            this.start = start;
        }
    }

    EnumerationGuard(Clock clock, LookupProperties properties, MeterRegistry registry) {
        this.clock = clock;
        this.properties = properties;
        this.flagged = Counter.builder("risala.pull.enumeration.flagged")
                .description("numbers that asked about too many different records").register(registry);
    }

    /** whether the number may look up this record now; the record is e.g. {@code VIO plate=12345AB} */
    boolean allows(String number, String maskedNumber, String record) {
        Instant now = clock.instant();
        boolean[] allowed = new boolean[1];
        boolean[] newlyFlagged = new boolean[1];
        windows.compute(number, (n, current) -> {
            Window w = current == null || !now.isBefore(current.start.plus(properties.distinctRecordsWindow()))
                    ? new Window(now) : current;
            allowed[0] = w.records.contains(record) || w.records.size() < properties.distinctRecordsPerNumber();
            if (allowed[0]) {
                w.records.add(record);
            } else if (!w.flagged) {
                w.flagged = true;
                newlyFlagged[0] = true;
            }
            return w;
        });
        if (newlyFlagged[0]) {
            flagged.increment();
            log.warn("{} asked about more than {} different records within {}: limited and flagged", maskedNumber,
                    properties.distinctRecordsPerNumber(), properties.distinctRecordsWindow());
        }
        return allowed[0];
    }

    @Scheduled(fixedDelayString = "${risala.pull.lookups.distinct-records-window:1h}")
    void forgetPassedWindows() {
        Instant cutoff = clock.instant().minus(properties.distinctRecordsWindow());
        windows.values().removeIf(w -> w.start.isBefore(cutoff));
    }
}
