package org.risala.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TpsLimiterTests {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long WINDOW = TpsLimiter.WINDOW_NANOS;

    private long now = 1_000_000 * MS;

    @Test
    void theWindowIsAtLeastOneSecond() {
        assertThat(WINDOW).isGreaterThanOrEqualTo(1000 * MS);
    }

    @Test
    void allowsTheRateAndThenWaitsForTheOldestSendToAgeOneSecond() {
        TpsLimiter limiter = new TpsLimiter(5, 0, () -> now);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire(true)).isZero();
            now += 10 * MS;
        }
        // the first send was 50 ms ago
        assertThat(limiter.tryAcquire(true)).isEqualTo(WINDOW - 50 * MS);
        now += WINDOW - 50 * MS;
        assertThat(limiter.tryAcquire(true)).isZero();
        assertThat(limiter.tryAcquire(true)).isEqualTo(10 * MS);
    }

    @Test
    void neverExceedsTheRateInAnyOneSecondWindowUnderRandomDemand() {
        TpsLimiter limiter = new TpsLimiter(20, 0.2, () -> now);
        Random random = new Random(7);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            if (limiter.tryAcquire(random.nextInt(4) == 0) == 0) {
                sent.add(now);
            }
            now += random.nextInt(30) * MS;
        }
        assertThat(sent.size()).isGreaterThan(1000);
        for (int i = 0; i + 20 < sent.size(); i++) {
            assertThat(sent.get(i + 20) - sent.get(i)).as("21 sends within one second").isGreaterThanOrEqualTo(WINDOW);
        }
    }

    @Test
    void normalTrafficLeavesTheHighPriorityReserveFree() {
        TpsLimiter limiter = new TpsLimiter(10, 0.2, () -> now);
        int normal = 0;
        while (limiter.tryAcquire(false) == 0) {
            normal++;
        }
        int high = 0;
        while (limiter.tryAcquire(true) == 0) {
            high++;
        }
        assertThat(normal).isEqualTo(8);
        assertThat(high).isEqualTo(2);
    }

    @Test
    void highPriorityMayUseTheWholeRate() {
        TpsLimiter limiter = new TpsLimiter(10, 0.2, () -> now);
        int high = 0;
        while (limiter.tryAcquire(true) == 0) {
            high++;
        }
        assertThat(high).isEqualTo(10);
        assertThat(limiter.tryAcquire(false)).isPositive();
    }

    @Test
    void normalTrafficGetsAtLeastOneSendPerSecond() {
        TpsLimiter limiter = new TpsLimiter(1, 0.5, () -> now);
        assertThat(limiter.normalCapacity()).isEqualTo(1);
        assertThat(limiter.tryAcquire(false)).isZero();
        assertThat(limiter.tryAcquire(false)).isEqualTo(WINDOW);
    }

    @Test
    void belowOneTpsSpacesSendsOut() {
        TpsLimiter limiter = new TpsLimiter(0.5, 0, () -> now);
        assertThat(limiter.tryAcquire(true)).isZero();
        assertThat(limiter.tryAcquire(true)).isEqualTo(2 * WINDOW);
    }

    @Test
    void aPauseHoldsEverySendUntilItEnds() {
        TpsLimiter limiter = new TpsLimiter(100, 0, () -> now);
        limiter.pause(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire(true)).isEqualTo(1000 * MS);
        now += 1000 * MS;
        assertThat(limiter.tryAcquire(true)).isZero();
    }

    @Test
    void acquireGivesUpAtTheDeadline() throws InterruptedException {
        TpsLimiter limiter = new TpsLimiter(1, 0, () -> now);
        assertThat(limiter.acquire(true, now)).isTrue();
        assertThat(limiter.acquire(true, now)).isFalse();
    }

    @Test
    void waitersTakeTurnsInsteadOfAllWakingForEachFreeSlot() throws InterruptedException {
        AtomicLong clockReads = new AtomicLong();
        AtomicLong shift = new AtomicLong();
        TpsLimiter limiter = new TpsLimiter(20, 0, () -> {
            clockReads.incrementAndGet();
            return System.nanoTime() + shift.get();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // sends recorded as if made 10 ms apart a second ago, so their slots come free one by one from now on
        for (int i = 0; i < 20; i++) {
            shift.set(-(1000 - 10 * i) * MS);
            assertThat(limiter.acquire(false, deadline)).isTrue();
        }
        shift.set(0);
        clockReads.set(0);
        int waiters = 20;
        AtomicInteger sent = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < waiters; i++) {
            threads.add(started(() -> {
                try {
                    if (limiter.acquire(false, deadline)) {
                        sent.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : threads) {
            t.join(10_000);
        }

        assertThat(sent).hasValue(waiters);
        // a waiter in its turn reads the clock a few times per slot; 20 waiters all watching it would read it about
        // 400 times, each free slot waking all that are left
        assertThat(clockReads.get()).isLessThan(waiters * 6L);
    }

    @Test
    void aHighPrioritySendDoesNotQueueBehindWaitingNormalOnes() throws InterruptedException {
        TpsLimiter limiter = new TpsLimiter(10, 0.5, System::nanoTime);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire(false, deadline)).isTrue();
        }
        // the normal share is used up: this one waits, holding the normal turn, for about a second
        Thread normal = started(() -> {
            try {
                limiter.acquire(false, deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> normal.getState() == Thread.State.TIMED_WAITING);

        long started = System.nanoTime();
        assertThat(limiter.acquire(true, deadline)).isTrue();
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.MILLISECONDS.toNanos(200));
        normal.join(5_000);
    }

    private static Thread started(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }
}
