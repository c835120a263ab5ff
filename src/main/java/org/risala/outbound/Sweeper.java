package org.risala.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Time-driven transitions that no operator will trigger: messages whose validity ended while they waited
 * (e.g. their operator was down), and submitted messages whose receipt never came (UNKNOWN). Safe to run on every
 * node at once: rows are locked with SKIP LOCKED and every status change is guarded.
 */
@Component
class Sweeper {

    private static final int BATCH = 1000;

    private final MessageRepository messages;
    private final Finaliser finaliser;
    private final OutboundMetrics metrics;
    private final TransactionTemplate tx;
    private final Clock clock;

    Sweeper(MessageRepository messages, Finaliser finaliser, OutboundMetrics metrics, TransactionTemplate tx,
            Clock clock) {
        this.messages = messages;
        this.finaliser = finaliser;
        this.metrics = metrics;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${risala.outbound.sweep-interval:1s}")
    void sweep() {
        expireWaiting();
        declareUnknown();
    }

    int expireWaiting() {
        return sweepBatches(now -> messages.lockExpiredQueued(now, BATCH),
                (id, now) -> new Finalisation(id, MessageStatus.EXPIRED, now, null,
                        "validity ended before it could be sent"));
    }

    int declareUnknown() {
        return sweepBatches(now -> messages.lockOverdueReceipts(now, BATCH),
                (id, now) -> new Finalisation(id, MessageStatus.UNKNOWN, now, null,
                        "no delivery receipt came within the receipt timeout"));
    }

    @Scheduled(fixedDelayString = "${risala.outbound.queue-depth-interval:5s}")
    void measureQueueDepth() {
        metrics.queueDepth(messages.queueDepth());
    }

    private int sweepBatches(java.util.function.Function<Instant, List<UUID>> lock,
                             java.util.function.BiFunction<UUID, Instant, Finalisation> finalisation) {
        int total = 0;
        while (true) {
            Integer n = tx.execute(s -> {
                Instant now = clock.instant();
                List<UUID> ids = lock.apply(now);
                finaliser.finalise(ids.stream().map(id -> finalisation.apply(id, now)).toList());
                return ids.size();
            });
            total += n;
            if (n < BATCH) {
                return total;
            }
        }
    }
}
