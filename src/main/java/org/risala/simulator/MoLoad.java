package org.risala.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Citizens' messages at a steady rate, for benchmarks: each from a new number (so no duplicate window and no
 * per-number limit comes into play), the texts taken in turn, sent over SMPP like {@link SmscSimulator#injectMo}.
 * What cannot be sent at the offered rate (every sender waits for Risala's deliver_sm_resp) is counted as behind.
 */
final class MoLoad {

    /** a load: {@code rate} messages per second for {@code seconds}, numbers counting up from {@code firstNumber} */
    record Plan(Integer rate, Integer seconds, String to, List<String> texts, Long firstNumber) {

        Plan {
            if (rate == null || rate < 1 || rate > 20_000) {
                throw new IllegalArgumentException("rate must be 1 to 20000 messages per second");
            }
            if (seconds == null || seconds < 1 || seconds > 3600) {
                throw new IllegalArgumentException("seconds must be 1 to 3600");
            }
            to = to == null || to.isBlank() ? "90085" : to.strip();
            texts = texts == null || texts.isEmpty() ? List.of("HELP") : List.copyOf(texts);
            firstNumber = firstNumber == null ? 96892000000L : firstNumber;
        }
    }

    record Progress(Plan plan, long sent, long failed, long behind, Instant startedAt, Instant finishedAt) {
    }

    private static final int SENDERS = 64;
    private static final long TICK_MILLIS = 5;

    private final SmscSimulator simulator;
    private final Plan plan;
    private final ScheduledExecutorService pacer;
    private final ThreadPoolExecutor senders;
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong behind = new AtomicLong();
    private final Instant startedAt = Instant.now();
    private final long total;
    private volatile Instant finishedAt;

    MoLoad(SmscSimulator simulator, Plan plan) {
        this.simulator = simulator;
        this.plan = plan;
        this.total = (long) plan.rate() * plan.seconds();
        AtomicInteger n = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(SENDERS, SENDERS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1000, plan.rate())), r -> {
                    Thread t = new Thread(r, "simulator-mo-load-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.pacer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-mo-pacer");
            t.setDaemon(true);
            return t;
        });
        pacer.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long elapsedMillis = Duration.between(startedAt, Instant.now()).toMillis();
        long due = Math.min(total, elapsedMillis * plan.rate() / 1000);
        for (long i = issued.get(); i < due; i = issued.incrementAndGet()) {
            long index = i;
            try {
                senders.execute(() -> send(index));
            } catch (RejectedExecutionException e) {
                behind.incrementAndGet();
            }
        }
        if (due == total) {
            pacer.shutdown();
            senders.shutdown();
            Thread waiter = new Thread(() -> {
                try {
                    senders.awaitTermination(1, TimeUnit.HOURS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finishedAt = Instant.now();
            }, "simulator-mo-load-end");
            waiter.setDaemon(true);
            waiter.start();
        }
    }

    private void send(long index) {
        try {
            simulator.injectMo("+" + (plan.firstNumber() + index), plan.to(),
                    plan.texts().get((int) (index % plan.texts().size())));
            sent.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
        }
    }

    boolean running() {
        return finishedAt == null;
    }

    void stop() {
        pacer.shutdownNow();
        senders.shutdownNow();
    }

    Progress progress() {
        return new Progress(plan, sent.get(), failed.get(), behind.get(), startedAt, finishedAt);
    }
}
