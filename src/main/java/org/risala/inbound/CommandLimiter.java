package org.risala.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Commands per number in a fixed window: over the limit a number gets one polite reply, then nothing until the
 * window passes, so a script (or a stuck phone) cannot make Risala send without end. Counted on each node: a
 * number's SMS arrive through its operator's binds, usually on one node, and the limit only has to stop floods.
 */
@Component
class CommandLimiter {

    enum Verdict { ALLOWED, TELL_LIMITED, SILENT }

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final Instant start;
        int commands;

        Window(Instant start) {
            this.start = start;
        }
    }

    CommandLimiter(Clock clock, InboundProperties properties) {
        this.clock = clock;
        this.limit = properties.commandsPerNumber();
        this.window = properties.rateWindow();
    }

    Verdict check(String number) {
        Instant now = clock.instant();
        Verdict[] verdict = new Verdict[1];
        windows.compute(number, (n, current) -> {
            Window w = current == null || !now.isBefore(current.start.plus(window)) ? new Window(now) : current;
            w.commands++;
            verdict[0] = w.commands <= limit ? Verdict.ALLOWED
                    : w.commands == limit + 1 ? Verdict.TELL_LIMITED : Verdict.SILENT;
            return w;
        });
        return verdict[0];
    }

    @Scheduled(fixedDelayString = "${risala.inbound.rate-window:1m}")
    void forgetPassedWindows() {
        Instant cutoff = clock.instant().minus(window);
        windows.values().removeIf(w -> w.start.isBefore(cutoff));
    }
}
