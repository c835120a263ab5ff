package org.risala.smpp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Send-rate limit of one bind that holds over <em>every</em> one-second window, not just on average: it remembers
 * the last N send times (N = floor(tps)) and lets a send go only when the oldest of them is at least a second old.
 * A token bucket would allow a burst of its size right after an idle spell plus the refill, which an SMSC
 * counting per second may punish with ESME_RTHROTTLED.
 * <p>
 * Normal (not high-priority) sends may use at most {@code 1 - highPriorityReserve} of the rate, so a bulk job
 * cannot delay a login code. Below 1 TPS one send is allowed per 1/tps seconds.
 * <p>
 * A send is counted when it leaves the limiter; its PDU reaches the SMSC a few milliseconds later, and not always
 * after the same delay (threads, the socket), so the window is a little longer than a second.
 */
final class TpsLimiter {

    /** one second plus a margin for the jitter between leaving the limiter and reaching the SMSC */
    static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1_050);

    private final LongSupplier ticker;
    private final long periodNanos;
    private final SendTimes all;
    private final SendTimes normal;
    private final ReentrantLock highPriorityTurn = new ReentrantLock(true);
    private final ReentrantLock normalTurn = new ReentrantLock(true);
    private long pausedUntil;
    private boolean paused;

    /** @param ticker monotonic nanoseconds, {@code System::nanoTime} outside tests */
    TpsLimiter(double tps, double highPriorityReserve, LongSupplier ticker) {
        if (tps <= 0) {
            throw new IllegalArgumentException("tps must be positive: " + tps);
        }
        this.ticker = ticker;
        int capacity = Math.max(1, (int) Math.floor(tps));
        this.periodNanos = tps >= 1 ? WINDOW_NANOS : (long) (WINDOW_NANOS / tps);
        this.all = new SendTimes(capacity);
        this.normal = new SendTimes(Math.max(1, (int) Math.floor(capacity * (1 - highPriorityReserve))));
    }

    /** sends allowed per period for high-priority traffic (all of them) */
    int capacity() {
        return all.times.length;
    }

    /** sends allowed per period for normal traffic */
    int normalCapacity() {
        return normal.times.length;
    }

    /**
     * Takes a send slot if one is free now.
     *
     * @return 0 when the send may go (and was counted), else the nanoseconds until it might
     */
    synchronized long tryAcquire(boolean highPriority) {
        long now = ticker.getAsLong();
        long wait = paused ? Math.max(0, pausedUntil - now) : 0;
        wait = Math.max(wait, all.waitAt(now));
        if (!highPriority) {
            wait = Math.max(wait, normal.waitAt(now));
        }
        if (wait > 0) {
            return wait;
        }
        paused = false;
        all.record(now);
        if (!highPriority) {
            normal.record(now);
        }
        return 0;
    }

    /**
     * Blocks until a send slot is taken or the deadline (in ticker nanoseconds) passes. Waiters of one priority take
     * turns, first come first served: hundreds of submits may wait on a busy operator's rate, and if all of them
     * watched the clock, each free slot would wake every one of them to find it taken (measured: Risala's submit
     * threads took 14% of the machine at 1,500 sends/s that way). High-priority waiters have their own turn, so
     * they never queue behind normal ones.
     */
    boolean acquire(boolean highPriority, long deadlineNanos) throws InterruptedException {
        ReentrantLock turn = highPriority ? highPriorityTurn : normalTurn;
        // a free slot with no one waiting is taken at once: at full speed no send should queue for a turn
        if (!turn.isLocked() && tryAcquire(highPriority) == 0) {
            return true;
        }
        if (!turn.tryLock(Math.max(0, deadlineNanos - ticker.getAsLong()), TimeUnit.NANOSECONDS)) {
            return false;
        }
        try {
            while (true) {
                long wait = tryAcquire(highPriority);
                if (wait == 0) {
                    return true;
                }
                long left = deadlineNanos - ticker.getAsLong();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, Math.min(wait, left));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            turn.unlock();
        }
    }

    /** no send for this long, e.g. after ESME_RTHROTTLED */
    synchronized void pause(Duration duration) {
        long until = ticker.getAsLong() + duration.toNanos();
        pausedUntil = paused ? Math.max(pausedUntil, until) : until;
        paused = true;
    }

    /** ring buffer of the last send times */
    private final class SendTimes {
        private final long[] times;
        private int next;
        private int count;

        SendTimes(int capacity) {
            times = new long[capacity];
        }

        long waitAt(long now) {
            if (count < times.length) {
                return 0;
            }
            long oldest = times[next];
            return Math.max(0, oldest + periodNanos - now);
        }

        void record(long now) {
            times[next] = now;
            next = (next + 1) % times.length;
            count = Math.min(count + 1, times.length);
        }
    }
}
