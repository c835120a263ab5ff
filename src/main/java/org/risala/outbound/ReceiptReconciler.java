package org.risala.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.risala.smpp.DeliveryReceiptReceived;
import org.risala.smpp.ReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matches delivery receipts to message parts by (operator, normalised SMSC id) and settles the message once every
 * part has a final receipt. A receipt can come before the submit response that tells us its id has been stored:
 * such receipts are parked and matched as soon as the part is recorded, or by the periodic sweep.
 */
@Component
class ReceiptReconciler {

    private static final Logger log = LoggerFactory.getLogger(ReceiptReconciler.class);
    /** an orphan receipt (an id we never recorded, e.g. sent before a crash) is kept this long for reconciliation */
    private static final Duration PARKED_RECEIPT_RETENTION = Duration.ofDays(7);

    private final ReceiptRepository receipts;
    private final Finaliser finaliser;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final GroupCommit<DeliveryReceiptReceived> writer;

    ReceiptReconciler(ReceiptRepository receipts, Finaliser finaliser, TransactionTemplate tx, Clock clock,
                      OutboundProperties properties) {
        this.receipts = receipts;
        this.finaliser = finaliser;
        this.tx = tx;
        this.clock = clock;
        this.writer = new GroupCommit<>("receipts", properties.writerThreads(), 1000, tx,
                batch -> apply(batch, true));
    }

    /**
     * Runs on jSMPP's receiving thread and returns only once the receipt is stored, so the SMSC gets its
     * deliver_sm_resp after that; an exception makes the smpp module answer "temporary error" and the SMSC resends.
     */
    @EventListener
    void on(DeliveryReceiptReceived receipt) {
        try {
            writer.submit(receipt).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a receipt", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not store a receipt: " + e.getMessage(), e);
        }
    }

    /** applies receipts inside the caller's transaction; returns the receipts whose part is not known */
    List<DeliveryReceiptReceived> apply(List<DeliveryReceiptReceived> batch, boolean parkUnmatched) {
        Map<String, ReceiptRepository.KnownPart> parts = receipts.partsBySmscId(batch);
        List<ReceiptRepository.PartReceipt> updates = new ArrayList<>();
        List<DeliveryReceiptReceived> unmatched = new ArrayList<>();
        Set<UUID> touched = new LinkedHashSet<>();
        Instant now = clock.instant();
        for (DeliveryReceiptReceived r : batch) {
            ReceiptRepository.KnownPart part = parts.get(r.operator() + "/" + r.smscMessageId());
            if (part == null) {
                unmatched.add(r);
            } else if (isOpen(part.status())) {
                // an intermediate receipt (ENROUTE) is recorded but does not settle anything
                updates.add(new ReceiptRepository.PartReceipt(part.messageId(), part.partNo(), r.state(),
                        r.doneAt() == null ? now : r.doneAt(), r.errorCode()));
                touched.add(part.messageId());
            }
            // else: a repeated receipt for a part already settled; the SMSC resent it, nothing changes
        }
        receipts.updateParts(updates);
        if (parkUnmatched) {
            receipts.keepPending(unmatched, now);
        }
        settle(touched);
        return unmatched;
    }

    private static boolean isOpen(String partStatus) {
        return MessageRepository.PART_SUBMITTED.equals(partStatus)
                || ReceiptState.ENROUTE.name().equals(partStatus);
    }

    /** gives messages whose parts all have a final receipt their final status; inside the caller's transaction */
    void settle(Collection<UUID> messageIds) {
        List<Finalisation> finals = new ArrayList<>();
        for (ReceiptRepository.MessageParts m : receipts.submittedMessages(messageIds)) {
            PartOutcomes.aggregate(m.partStates(), m.segments()).ifPresent(status -> {
                // the SMSC's done date has only minute precision and its own clock: the message is done when the
                // last receipt reached us, which also makes delivery latency measurable in milliseconds
                Instant at = clock.instant();
                String reason = status == MessageStatus.DELIVERED ? "delivered"
                        : "operator reports " + status + (m.lastError() == null ? "" : " (error " + m.lastError() + ")");
                finals.add(new Finalisation(m.messageId(), status, at, status == MessageStatus.DELIVERED ? null
                        : m.lastError(), reason));
            });
        }
        finaliser.finalise(finals);
    }

    /** after parts were recorded: applies receipts that arrived before them; inside the caller's transaction */
    void matchParked(Collection<String> smscIds) {
        List<ReceiptRepository.Pending> pending = receipts.lockPending(smscIds, 10_000);
        if (!pending.isEmpty()) {
            resolve(pending);
        }
    }

    private void resolve(List<ReceiptRepository.Pending> pending) {
        List<DeliveryReceiptReceived> unmatched = apply(pending.stream().map(ReceiptRepository.Pending::receipt).toList(),
                false);
        receipts.deletePending(pending.stream().filter(p -> !unmatched.contains(p.receipt()))
                .map(ReceiptRepository.Pending::id).toList());
    }

    /** the safety net for races between a receipt and its submit response being stored at the same moment */
    @Scheduled(fixedDelayString = "${risala.outbound.parked-receipt-sweep:2s}")
    void sweepParked() {
        tx.executeWithoutResult(s -> {
            List<ReceiptRepository.Pending> oldest = receipts.lockPending(null, 1000);
            if (!oldest.isEmpty()) {
                resolve(oldest);
            }
        });
        int dropped = receipts.deletePendingOlderThan(clock.instant().minus(PARKED_RECEIPT_RETENTION));
        if (dropped > 0) {
            log.warn("dropped {} receipts that never matched a sent message within {}", dropped, PARKED_RECEIPT_RETENTION);
        }
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        writer.shutdown();
    }
}
