package org.risala.backoffice;

import java.time.Duration;
import java.util.Objects;

/**
 * What is wrong with the demo back office right now, switched at runtime so that the end-to-end tests of the pull
 * services (and a live demo) can show a slow or unavailable directorate. Both are off until switched on, and
 * {@link #clear()} switches them off again. Switched through {@code POST /demo-backoffice/faults} or on this bean.
 */
public final class DemoBackOfficeFaults {

    private volatile Duration delay = Duration.ZERO;
    private volatile boolean down;

    /** every answer, including the 503 of a back office that is down, waits this long first */
    public void delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the delay must not be negative, was " + delay.toMillis() + " ms");
        }
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }

    /** while down, every lookup is answered 503 */
    public void down(boolean down) {
        this.down = down;
    }

    public boolean down() {
        return down;
    }

    public void clear() {
        delay = Duration.ZERO;
        down = false;
    }
}
