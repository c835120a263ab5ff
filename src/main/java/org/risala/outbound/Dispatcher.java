package org.risala.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.risala.smpp.ClusterNode;
import org.risala.smpp.OperatorLinks;
import org.risala.smpp.SmppProperties;
import org.risala.smpp.Submission;
import org.risala.smpp.SubmitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims due messages per operator, highest priority first, and hands them to the operator links. It never claims
 * more than this node's window for that operator can hold, so after a crash at most one window's worth of messages
 * can have reached the SMSC without us knowing: that is the bound on duplicates.
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final long IDLE_POLL_MILLIS = 100;

    private final MessageRepository messages;
    private final OperatorLinks links;
    private final SubmitResults results;
    private final OutboundMetrics metrics;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OutboundProperties properties;
    private final String node;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean running;

    Dispatcher(MessageRepository messages, OperatorLinks links, SubmitResults results, OutboundMetrics metrics,
               TransactionTemplate tx, Clock clock, OutboundProperties properties, ClusterNode node) {
        this.messages = messages;
        this.links = links;
        this.results = results;
        this.metrics = metrics;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.node = node.id();
    }

    @Override
    public void start() {
        List<UUID> reclaimed = tx.execute(s -> {
            List<UUID> ids = messages.releaseClaimsOf(node);
            messages.markPossibleDuplicates(ids, clock.instant(),
                    "claimed by this node before it stopped: sent again, may be a duplicate");
            return ids;
        });
        if (!reclaimed.isEmpty()) {
            metrics.possibleDuplicates(reclaimed.size());
            log.warn("{} messages were being sent when this node stopped; they are sent again and may arrive twice",
                    reclaimed.size());
        }
        running = true;
        for (SmppProperties.Operator operator : links.operators()) {
            Lane lane = new Lane(operator.name());
            lanes.put(operator.name(), lane);
            lane.thread.start();
        }
    }

    /** a message for this operator was just accepted: no need to wait for the next poll */
    void wake(String operator) {
        Lane lane = lanes.get(operator);
        if (lane != null) {
            lane.signal();
        }
    }

    @Override
    public void stop() {
        running = false;
        lanes.values().forEach(Lane::signal);
        for (Lane lane : lanes.values()) {
            try {
                lane.thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** keeps sending while the application context is paused, as the operator links it feeds stay bound */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** after the operator links (phase 0) are up, before them when stopping */
    @Override
    public int getPhase() {
        return 100;
    }

    private final class Lane {
        private final String operator;
        private final Thread thread;
        private final AtomicInteger outstanding = new AtomicInteger();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private boolean signalled;

        Lane(String operator) {
            this.operator = operator;
            this.thread = new Thread(this::run, "dispatch-" + operator);
            this.thread.setDaemon(true);
        }

        void signal() {
            lock.lock();
            try {
                signalled = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        private void await(long millis) throws InterruptedException {
            lock.lock();
            try {
                if (!signalled) {
                    changed.await(millis, TimeUnit.MILLISECONDS);
                }
                signalled = false;
            } finally {
                lock.unlock();
            }
        }

        private void run() {
            while (running) {
                try {
                    if (!links.canTransmit(operator)) {
                        await(250);
                        continue;
                    }
                    int window = links.window(operator);
                    int free = window - outstanding.get();
                    // wait for a quarter of the window to free up rather than claiming one message at a time
                    if (free < Math.max(1, window / 4)) {
                        await(IDLE_POLL_MILLIS);
                        continue;
                    }
                    Instant now = clock.instant();
                    List<ClaimedMessage> claimed = tx.execute(s -> messages.claim(operator, free, node, now,
                            now.plus(properties.claimTimeout())));
                    if (claimed.isEmpty()) {
                        await(IDLE_POLL_MILLIS);
                        continue;
                    }
                    claimed.forEach(m -> dispatch(m, now));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.warn("dispatching to {} failed, retrying in 1 s: {}", operator, e.toString());
                    try {
                        await(1_000);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        private void dispatch(ClaimedMessage m, Instant now) {
            if (!m.expiresAt().isAfter(now)) {
                results.record(m, null);
                return;
            }
            Submission submission = new Submission(m.id().toString(), operator, m.recipient(), m.sender(), m.body(),
                    m.priority() == Priority.HIGH, m.concatReference(), m.expiresAt(), m.serviceType(), m.partsSubmitted());
            outstanding.incrementAndGet();
            CompletableFuture<SubmitResult> answer;
            try {
                answer = links.submit(submission);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer
                    .exceptionally(e -> new SubmitResult(SubmitResult.Outcome.RETRY, List.of(), 0,
                            "internal error: " + e.getMessage()))
                    .thenCompose(result -> results.record(m, result))
                    .whenComplete((ok, e) -> {
                        if (e != null) {
                            // the claim lapses after claim-timeout and the message is sent again
                            log.warn("could not record the result for message {}: {}", m.id(), e.toString());
                        }
                        outstanding.decrementAndGet();
                        signal();
                    });
        }
    }
}
