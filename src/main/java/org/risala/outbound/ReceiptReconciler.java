package org.risala.outbound;

import org.risala.storage.GroupCommit;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.risala.smpp.DeliveryReceiptReceived;
import org.risala.smpp.ReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery receipts in two steps. On jSMPP's receiving thread a receipt is only appended to {@code receipt_inbox}
 * (group-committed), so the SMSC gets its deliver_sm_resp after one short insert. A reconciler thread then matches
 * inbox rows to message parts by (operator, normalised SMSC id) in large batches and settles each message once every
 * part has a final receipt. A receipt that came before its submit response was stored simply waits in the inbox
 * until its part exists; one whose part never appears (an id from before a crash) is kept for a week.
 */
@Component
class ReceiptReconciler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReceiptReconciler.class);
    /** an orphan receipt (an id we never recorded, e.g. sent before a crash) is kept this long for reconciliation */
    private static final Duration ORPHAN_RETENTION = Duration.ofDays(7);
    private static final int BATCH = 5000;
    private static final long IDLE_POLL_MILLIS = 50;

    private final ReceiptRepository receipts;
    private final Finaliser finaliser;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final GroupCommit<DeliveryReceiptReceived> inbox;
    private final Semaphore work = new Semaphore(0);
    private volatile Thread reconciler;
    private volatile boolean running;

    ReceiptReconciler(ReceiptRepository receipts, Finaliser finaliser, TransactionTemplate tx, Clock clock) {
        this.receipts = receipts;
        this.finaliser = finaliser;
        this.tx = tx;
        this.clock = clock;
        this.inbox = new GroupCommit<>("receipts", 1, 2000, tx,
                batch -> receipts.append(batch, clock.instant()));
    }

    /**
     * Runs on jSMPP's receiving thread and returns only once the receipt is stored, so the SMSC gets its
     * deliver_sm_resp after that; an exception makes the smpp module answer "temporary error" and the SMSC resends.
     */
    @EventListener
    void on(DeliveryReceiptReceived receipt) {
        try {
            inbox.submit(receipt).get(15, TimeUnit.SECONDS);
            wake();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a receipt", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not store a receipt: " + e.getMessage(), e);
        }
    }

    /** new receipts or new parts may be matchable now */
    void wake() {
        if (work.availablePermits() == 0) {
            work.release();
        }
    }

    /** matches one batch of inbox receipts whose part is known; returns how many it took */
    int reconcile() {
        Integer n = tx.execute(s -> {
            List<ReceiptRepository.Inboxed> matchable = receipts.lockMatchable(BATCH);
            if (!matchable.isEmpty()) {
                apply(matchable.stream().map(ReceiptRepository.Inboxed::receipt).toList());
                receipts.deleteFromInbox(matchable.stream().map(ReceiptRepository.Inboxed::id).toList());
            }
            return matchable.size();
        });
        return n == null ? 0 : n;
    }

    private void apply(List<DeliveryReceiptReceived> batch) {
        Map<String, ReceiptRepository.KnownPart> parts = receipts.partsBySmscId(batch);
        List<ReceiptRepository.PartReceipt> updates = new ArrayList<>();
        Set<UUID> touched = new LinkedHashSet<>();
        Set<String> updatedParts = new java.util.HashSet<>();
        Instant now = clock.instant();
        for (DeliveryReceiptReceived r : batch) {
            ReceiptRepository.KnownPart part = parts.get(r.operator() + "/" + r.smscMessageId());
            // a repeated receipt for a part already settled (the SMSC resent it) changes nothing
            if (part != null && isOpen(part.status()) && updatedParts.add(part.key())) {
                // an intermediate receipt (ENROUTE) is recorded but does not settle anything
                updates.add(new ReceiptRepository.PartReceipt(part.messageId(), part.partNo(), r.state(),
                        r.doneAt() == null ? now : r.doneAt(), r.errorCode()));
                touched.add(part.messageId());
            }
        }
        receipts.updateParts(updates);
        settle(touched);
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

    @Scheduled(fixedDelayString = "PT1H")
    void dropOrphans() {
        int dropped = receipts.deleteInboxOlderThan(clock.instant().minus(ORPHAN_RETENTION));
        if (dropped > 0) {
            log.warn("dropped {} receipts that never matched a sent message within {}", dropped, ORPHAN_RETENTION);
        }
    }

    private void run() {
        while (running) {
            try {
                if (reconcile() < BATCH) {
                    work.tryAcquire(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                    work.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("matching receipts failed, retrying in 1 s: {}", e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        reconciler = new Thread(this::run, "receipt-reconciler");
        reconciler.setDaemon(true);
        reconciler.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = reconciler;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        inbox.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** keeps matching while the application context is paused, like the links that feed it */
    @Override
    public boolean isPauseable() {
        return false;
    }
}
