package org.risala.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.risala.inbound.spi.IncomingSms;
import org.risala.smpp.ClusterNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds stored SMS nobody is answering: those of a node that died (its claim ran out), those this node held when
 * it stopped (found on its first round), and those it could not take in hand when too many were waiting. An SMS
 * left unanswered for longer than {@code risala.inbound.answer-within} is not answered any more.
 */
@Component
class UnansweredRecovery {

    private static final Logger log = LoggerFactory.getLogger(UnansweredRecovery.class);
    private static final int ROUND = 500;

    private final InboundRepository repository;
    private final KeywordRouter router;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final InboundProperties properties;
    private final String node;
    private volatile boolean firstRound = true;

    UnansweredRecovery(InboundRepository repository, KeywordRouter router, TransactionTemplate tx, Clock clock,
                       InboundProperties properties, ClusterNode node) {
        this.repository = repository;
        this.router = router;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.node = node.id();
    }

    @Scheduled(initialDelayString = "${risala.inbound.recovery-interval:5s}",
            fixedDelayString = "${risala.inbound.recovery-interval:5s}")
    void recover() {
        Instant now = clock.instant();
        int late = tx.execute(s -> repository.skipUnansweredBefore(now.minus(properties.answerWithin())));
        if (late > 0) {
            log.warn("{} SMS waited longer than {} for an answer (every node was down?): not answered", late,
                    properties.answerWithin());
        }
        boolean ownToo = firstRound;
        int room = Math.min(ROUND, router.room());
        if (room == 0) {
            return;
        }
        List<IncomingSms> claimed = tx.execute(s -> repository.claimUnanswered(node, ownToo, now,
                now.plus(properties.claimLease()), room));
        firstRound = false;
        long taken = claimed.stream().filter(router::route).count();
        if (taken > 0) {
            log.info("answering {} stored SMS that were waiting for an answer", taken);
        }
    }
}
