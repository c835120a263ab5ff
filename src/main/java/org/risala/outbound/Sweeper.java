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
 * (e.g. their operator was down), submitted messages whose receipt never came (UNKNOWN), and messages waiting for an
 * operator that is down, moved to another one. Safe to run on every
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
    private final OperatorRouter router;
    private final Dispatcher dispatcher;
    private final OutboundProperties properties;

    Sweeper(MessageRepository messages, Finaliser finaliser, OutboundMetrics metrics, TransactionTemplate tx,
            Clock clock, OperatorRouter router, Dispatcher dispatcher, OutboundProperties properties) {
        this.router = router;
        this.dispatcher = dispatcher;
        this.properties = properties;
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
        failOver();
    }

    /** moves messages waiting for an operator that has been down a while to another operator allowed for them */
    int failOver() {
        int moved = 0;
        for (String down : router.downFor(properties.failoverAfter(), clock.instant())) {
            moved += tx.execute(s -> {
                Instant now = clock.instant();
                List<MessageRepository.Reroute> moves = messages.lockWaiting(down, now, BATCH).stream()
                        .flatMap(w -> router.alternative(down, w.recipient(), w.testMode()).stream()
                                .map(to -> new MessageRepository.Reroute(w.messageId(), to, now,
                                        "rerouted from " + down + " (down) to " + to)))
                        .toList();
                messages.reroute(moves);
                moves.stream().map(MessageRepository.Reroute::operator).distinct().forEach(dispatcher::wake);
                return moves.size();
            });
        }
        return moved;
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
