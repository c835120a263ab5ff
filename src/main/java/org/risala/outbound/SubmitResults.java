package org.risala.outbound;

import org.risala.storage.GroupCommit;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.risala.smpp.SubmitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records how operators answered submit attempts, in group-committed batches: parts accepted, retries scheduled with
 * backoff (and failover to another operator when this one is down or keeps refusing), permanent failures, and
 * messages whose validity ran out.
 */
@Component
class SubmitResults {

    private static final Logger log = LoggerFactory.getLogger(SubmitResults.class);
    /** after this many refused attempts on one operator, an alternative operator is tried if one is up */
    private static final int FAILOVER_AFTER_ATTEMPTS = 3;

    /** one answered attempt; a null result means the message had expired before it could be sent */
    record Attempt(ClaimedMessage message, SubmitResult result, Instant at) {
    }

    private final MessageRepository messages;
    private final ReceiptReconciler receipts;
    private final Finaliser finaliser;
    private final OperatorRouter router;
    private final OutboundMetrics metrics;
    private final RetryPolicy retryPolicy;
    private final OutboundProperties properties;
    private final Clock clock;
    private final GroupCommit<Attempt> writer;

    SubmitResults(MessageRepository messages, ReceiptReconciler receipts, Finaliser finaliser, OperatorRouter router,
                  OutboundMetrics metrics, OutboundProperties properties, TransactionTemplate tx, Clock clock) {
        this.messages = messages;
        this.receipts = receipts;
        this.finaliser = finaliser;
        this.router = router;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        this.retryPolicy = new RetryPolicy(properties.retryInitialDelay(), properties.retryMaxDelay());
        this.writer = new GroupCommit<>("submit-results", 1, 2000, tx, this::record);
    }

    CompletableFuture<Void> record(ClaimedMessage message, SubmitResult result) {
        CompletableFuture<Void> recorded = writer.submit(new Attempt(message, result, clock.instant()));
        if (result != null && !result.parts().isEmpty()) {
            // receipts that came before these parts were recorded can be matched now
            recorded.thenRun(receipts::wake);
        }
        return recorded;
    }

    private void record(List<Attempt> attempts) {
        List<MessageRepository.PartRow> parts = new ArrayList<>();
        List<MessageRepository.Submitted> submitted = new ArrayList<>();
        List<MessageRepository.Retry> retries = new ArrayList<>();
        List<Finalisation> finals = new ArrayList<>();
        for (Attempt a : attempts) {
            ClaimedMessage m = a.message();
            SubmitResult r = a.result();
            if (r == null) {
                finals.add(new Finalisation(m.id(), MessageStatus.EXPIRED, a.at(), null,
                        "validity ended before it could be sent"));
                continue;
            }
            if (r.outcome() != SubmitResult.Outcome.ACCEPTED && !m.expiresAt().isAfter(a.at())) {
                finals.add(new Finalisation(m.id(), MessageStatus.EXPIRED, a.at(), null,
                        "validity ended while sending; last answer from " + m.operator() + ": " + r.reason()));
                continue;
            }
            r.parts().forEach(p -> parts.add(new MessageRepository.PartRow(m.id(), p.partNumber(), m.operator(),
                    p.smscMessageId(), a.at())));
            switch (r.outcome()) {
                case ACCEPTED -> submitted.add(new MessageRepository.Submitted(m.id(), m.operator(), a.at(),
                        a.at().plus(properties.receiptTimeout()), m.staleClaim()
                        ? "sent again after the node that claimed it stopped: may be a duplicate" : null));
                case PERMANENT -> finals.add(new Finalisation(m.id(), MessageStatus.FAILED, a.at(),
                        String.format(Locale.ROOT, "0x%08X", r.commandStatus()), m.operator() + " refused it: " + r.reason()));
                case RETRY, UNKNOWN -> retry(m, r, a.at(), retries, finals);
            }
        }
        messages.insertParts(parts);
        List<java.util.UUID> moved = messages.markSubmitted(submitted);
        messages.scheduleRetries(retries);
        finaliser.finalise(finals);
        // parts accepted on earlier attempts may already have all their receipts: nobody else would settle them
        java.util.Set<java.util.UUID> earlierParts = attempts.stream().map(Attempt::message)
                .filter(m -> !m.partsSubmitted().isEmpty()).map(ClaimedMessage::id)
                .collect(java.util.stream.Collectors.toSet());
        receipts.settle(moved.stream().filter(earlierParts::contains).toList());

        java.util.Set<java.util.UUID> movedIds = new java.util.HashSet<>(moved);
        submitted.stream().filter(sub -> movedIds.contains(sub.messageId()))
                .collect(java.util.stream.Collectors.groupingBy(MessageRepository.Submitted::operator,
                        java.util.stream.Collectors.counting()))
                .forEach((operator, n) -> metrics.submitted(operator, n.intValue()));
    }

    private void retry(ClaimedMessage m, SubmitResult r, Instant now, List<MessageRepository.Retry> retries,
                       List<Finalisation> finals) {
        int attempt = m.attempts() + 1;
        boolean unknown = r.outcome() == SubmitResult.Outcome.UNKNOWN;
        metrics.retried(unknown ? "unknown-outcome" : reasonTag(r));
        if (unknown) {
            metrics.possibleDuplicates(1);
            log.warn("message {}: no answer from {} ({}); it will be sent again and may arrive twice", m.id(),
                    m.operator(), r.reason());
        }
        Instant next = retryPolicy.nextAttempt(attempt, now, m.expiresAt());
        if (next == null) {
            finals.add(new Finalisation(m.id(), MessageStatus.EXPIRED, now, r.commandStatus() == 0 ? null
                    : String.format(Locale.ROOT, "0x%08X", r.commandStatus()),
                    "validity ended while retrying; last error from " + m.operator() + ": " + r.reason()));
            return;
        }
        String operator = m.operator();
        if (attempt >= FAILOVER_AFTER_ATTEMPTS || !router.isUp(operator)) {
            operator = router.alternative(operator, m.recipient(), m.testMode()).orElse(operator);
        }
        String detail = "attempt " + attempt + " on " + m.operator() + ": " + r.reason()
                + (unknown ? " (outcome unknown: may be a duplicate)" : "")
                + "; next attempt " + next + (operator.equals(m.operator()) ? "" : " via " + operator);
        retries.add(new MessageRepository.Retry(m.id(), operator, next, now, unknown, detail));
    }

    private static String reasonTag(SubmitResult r) {
        return r.commandStatus() == 0 ? "link" : String.format(Locale.ROOT, "0x%02X", r.commandStatus());
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        writer.shutdown();
    }
}
