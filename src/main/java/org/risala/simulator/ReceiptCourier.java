package org.risala.simulator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.jsmpp.PDUException;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends receipts when they fall due. deliverShortMessage blocks until the client's deliver_sm_resp, so a fixed set of
 * sender threads share one queue ordered by due time: throughput is senders ÷ round-trip time, and a slow client
 * holds up only the senders it occupies.
 * <p>
 * Like a real SMSC it keeps a receipt it could not hand over: a negative deliver_sm_resp or a timeout is retried a
 * few times, and with no receiver bound it waits for one (an ESME that reconnects after an operator restart still
 * gets its receipts).
 */
final class ReceiptCourier {

    private static final Logger log = LoggerFactory.getLogger(ReceiptCourier.class);

    static final Duration RETRY_DELAY = Duration.ofMillis(250);
    /** attempts per receipt when the client answers with an error or not at all */
    static final int MAX_ATTEMPTS = 4;
    /** how long a receipt waits for some receiver to bind */
    static final Duration WAIT_FOR_RECEIVER = Duration.ofMinutes(2);
    /** receipts queued at most, so a client that never binds a receiver cannot exhaust memory */
    static final int CAPACITY = 200_000;

    private static final ESMClass RECEIPT = new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT,
            GSMSpecificFeature.DEFAULT);

    private final class Due implements Delayed {
        final Receipt receipt;
        final long dueNanos;
        final long createdNanos;
        final int failures;

        Due(Receipt receipt, long dueNanos, long createdNanos, int failures) {
            this.receipt = receipt;
            this.dueNanos = dueNanos;
            this.createdNanos = createdNanos;
            this.failures = failures;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Due) other).dueNanos);
        }
    }

    private final Esmes esmes;
    private final DelayQueue<Due> queue = new DelayQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final List<Thread> senders = new ArrayList<>();

    ReceiptCourier(Esmes esmes) {
        this.esmes = esmes;
    }

    void start(int threads) {
        for (int i = 0; i < threads; i++) {
            Thread sender = new Thread(this::sendWhileRunning, "smsc-sim-receipts-" + i);
            sender.setDaemon(true);
            sender.start();
            senders.add(sender);
        }
    }

    void stop() {
        senders.forEach(Thread::interrupt);
        senders.clear();
        queue.clear();
        queued.set(0);
    }

    void schedule(Receipt receipt, Duration delay) {
        if (queued.incrementAndGet() > CAPACITY) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        long now = System.nanoTime();
        queue.add(new Due(receipt, now + delay.toNanos(), now, 0));
    }

    /** sends on the caller's thread; a receipt that cannot go now is queued for the usual retries */
    void sendNow(Receipt receipt) {
        long now = System.nanoTime();
        attempt(new Due(receipt, now, now, 0));
    }

    long sent() {
        return sent.sum();
    }

    long dropped() {
        return dropped.sum();
    }

    private void sendWhileRunning() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Due due = queue.take();
                queued.decrementAndGet();
                attempt(due);
            } catch (InterruptedException stopped) {
                return;
            } catch (RuntimeException e) {
                log.warn("Receipt sender failed", e);
            }
        }
    }

    private void attempt(Due due) {
        Receipt receipt = due.receipt;
        SMPPServerSession session = esmes.receiverFor(receipt.systemId()).orElse(null);
        if (session == null) {
            boolean waitedTooLong = System.nanoTime() - due.createdNanos > WAIT_FOR_RECEIVER.toNanos();
            retryOrDrop(due, due.failures, waitedTooLong, "no receiver bound");
            return;
        }
        try {
            session.deliverShortMessage("", receipt.handsetTon(), receipt.handsetNpi(), receipt.handset(),
                    receipt.senderTon(), receipt.senderNpi(), receipt.sender(), RECEIPT, (byte) 0, (byte) 0,
                    new RegisteredDelivery(0), DataCodings.ZERO,
                    receipt.shortMessage(Instant.now()),
                    new OptionalParameter.Receipted_message_id(receipt.receiptId()),
                    new OptionalParameter.Message_state(receipt.stat().messageState().byteValue()));
            sent.increment();
        } catch (NegativeResponseException e) {
            retryOrDrop(due, due.failures + 1, due.failures + 1 >= MAX_ATTEMPTS,
                    "client answered 0x" + Integer.toHexString(e.getCommandStatus()));
        } catch (ResponseTimeoutException | org.jsmpp.InvalidResponseException e) {
            retryOrDrop(due, due.failures + 1, due.failures + 1 >= MAX_ATTEMPTS, e.getMessage());
        } catch (IOException e) {
            // the session closed under us: not the client's fault, wait for a receiver as if none were bound
            retryOrDrop(due, due.failures, System.nanoTime() - due.createdNanos > WAIT_FOR_RECEIVER.toNanos(),
                    e.getMessage());
        } catch (PDUException e) {
            log.warn("Dropping receipt {}: invalid PDU", receipt.receiptId(), e);
            dropped.increment();
        }
    }

    private void retryOrDrop(Due due, int failures, boolean giveUp, String reason) {
        if (giveUp) {
            log.info("Dropping receipt {} after {} attempts: {}", due.receipt.receiptId(), failures, reason);
            dropped.increment();
            return;
        }
        queued.incrementAndGet();
        queue.add(new Due(due.receipt, System.nanoTime() + RETRY_DELAY.toNanos(), due.createdNanos, failures));
    }
}
