package org.risala.smpp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.GenericNackResponseException;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.risala.smpp.SmppProperties.BindMode;
import org.risala.smpp.SmppProperties.Operator;
import org.risala.smpp.SubmitResult.Outcome;
import org.risala.smpp.SubmitResult.PartAccepted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bind of an operator: a TRX session, or a TX + RX pair, held only while this node holds the bind's lease.
 * <p>
 * Everything that changes the connection runs on the bind's own control thread (lease renewal, bind attempts,
 * reacting to a closed session), so those steps never race. Submits run on worker threads, one per outstanding
 * submit_sm, because jSMPP's submit blocks until the response: high-priority and normal traffic have pools of
 * their own, so normal submits waiting for the window never keep a high-priority one from starting.
 */
final class OperatorSession {

    private static final Logger log = LoggerFactory.getLogger(OperatorSession.class);

    enum State { STOPPED, WAITING_FOR_LEASE, HELD_ELSEWHERE, CONNECTING, BOUND_TRX, BOUND_TX_RX, BACKING_OFF }

    /**
     * Threads handling the SMSC's PDUs. Each incoming SMS holds one until its commit (the SMSC may resend only
     * what was not acknowledged), so these bound how many SMS a bind takes in at once: jSMPP's default of 3 would
     * cap a bind at a few hundred SMS per second whatever the database can do.
     */
    private static final int PDU_PROCESSOR_DEGREE = 64;
    private static final int PDU_QUEUE_CAPACITY = 2_000;
    private static final Duration THROTTLE_PAUSE = Duration.ofSeconds(1);

    private final Operator operator;
    private final int index;
    private final BindLeases leases;
    private final MessageReceiverListener incoming;
    private final Clock clock;
    private final Backoff backoff;
    private final SubmitWindow window;
    private final TpsLimiter limiter;
    private final ScheduledExecutorService control;
    private final ExecutorService highPriorityWorkers;
    private final ExecutorService normalWorkers;
    private final long bindTimeoutMillis;

    private volatile Link link;
    private volatile boolean accepting;
    private volatile boolean stopped;
    private volatile boolean leaseHeld;
    /** what the node holding this bind's lease last reported, while it is not us */
    private volatile BindLeases.Lease elsewhere;
    private volatile State state = State.STOPPED;
    private volatile Instant since;
    private volatile String lastError;
    // touched on the control thread only
    private int failures;
    private long nextAttemptAt = System.nanoTime();

    OperatorSession(Operator operator, int index, double highPriorityReserve, BindLeases leases,
                    MessageReceiverListener incoming, Clock clock) {
        this.operator = operator;
        this.index = index;
        this.leases = leases;
        this.incoming = incoming;
        this.clock = clock;
        this.since = clock.instant();
        this.backoff = new Backoff(operator.reconnectInitialDelay(), operator.reconnectMaxDelay());
        this.window = new SubmitWindow(operator.window(), highPriorityReserve);
        this.limiter = new TpsLimiter(operator.tpsPerBind(), highPriorityReserve, System::nanoTime);
        // a bind attempt blocks the control thread; keep it shorter than a renewal period so the lease stays ours
        this.bindTimeoutMillis = Math.min(operator.responseTimeout().toMillis(), leases.ttl().toMillis() / 3);
        String name = "smpp-" + operator.name() + "-" + index;
        this.control = new ScheduledThreadPoolExecutor(1, daemon(name));
        this.highPriorityWorkers = workers(window.size(), daemon(name + "-high"));
        this.normalWorkers = workers(window.normalLimit(), daemon(name + "-submit"));
    }

    String operatorName() {
        return operator.name();
    }

    int index() {
        return index;
    }

    void start() {
        stopped = false;
        accepting = true;
        long renewal = Math.max(1, leases.ttl().toMillis() / 3);
        control.scheduleWithFixedDelay(this::tick, 0, renewal, TimeUnit.MILLISECONDS);
    }

    boolean canTransmit() {
        Link current = link;
        return accepting && current != null && current.transmitter.getSessionState().isTransmittable();
    }

    int windowSize() {
        return window.size();
    }

    int windowUsed() {
        return window.used();
    }

    int freeWindow() {
        return canTransmit() ? Math.max(0, window.size() - window.used()) : 0;
    }

    BindStatus status() {
        String bindType = operator.bindMode() == BindMode.TRANSCEIVER ? "TRX" : "TX+RX";
        BindLeases.Lease other = elsewhere;
        if (!leaseHeld && state == State.HELD_ELSEWHERE && other != null) {
            // the cluster-wide truth: routing and failover must see an operator bound on another node as up
            String shown = other.isBoundAt(clock.instant()) ? other.state() : state.name();
            return new BindStatus(operator.name(), index, bindType, shown, other.stateSince(), other.holder(),
                    other.lastError());
        }
        return new BindStatus(operator.name(), index, bindType, state.name(), since,
                leaseHeld ? leases.node() : null, lastError);
    }

    /**
     * Submits the parts in order, each waiting for its TPS slot, all within one window slot. Completes within the
     * response timeout for the waits plus one response timeout per part.
     */
    CompletableFuture<SubmitResult> submit(Submission submission, List<SubmitParts.Part> parts, SmppAddress source,
                                           SmppAddress destination, String validityPeriod) {
        CompletableFuture<SubmitResult> result = new CompletableFuture<>();
        Duration timeout = operator.responseTimeout();
        long waitDeadline = System.nanoTime() + timeout.toNanos();
        ExecutorService workers = submission.highPriority() ? highPriorityWorkers : normalWorkers;
        Runnable task = () -> result.complete(
                send(submission, parts, source, destination, validityPeriod, waitDeadline));
        try {
            workers.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            result.complete(retry(List.of(), "link stopping"));
        }
        // a safety net only: each wait and each submit_sm is bounded on its own
        long guardMillis = timeout.toMillis() * (parts.size() + 1) + 5_000;
        return result.completeOnTimeout(new SubmitResult(Outcome.UNKNOWN, List.of(), 0,
                "no outcome within " + guardMillis + " ms"), guardMillis, TimeUnit.MILLISECONDS);
    }

    private SubmitResult send(Submission submission, List<SubmitParts.Part> parts, SmppAddress source,
                              SmppAddress destination, String validityPeriod, long waitDeadline) {
        boolean high = submission.highPriority();
        List<PartAccepted> accepted = new ArrayList<>();
        try {
            long waitNanos = waitDeadline - System.nanoTime();
            if (!accepting || !window.acquire(high, waitNanos, TimeUnit.NANOSECONDS)) {
                return retry(accepted, accepting ? "window full" : "link stopping");
            }
            try {
                Set<Integer> done = submission.partsAlreadySubmitted() == null
                        ? Set.of() : submission.partsAlreadySubmitted();
                for (SubmitParts.Part part : parts) {
                    if (done.contains(part.number())) {
                        continue;
                    }
                    if (!limiter.acquire(high, waitDeadline)) {
                        return retry(accepted, "TPS budget exhausted");
                    }
                    Link current = link;
                    if (!accepting || current == null) {
                        return retry(accepted, "link down");
                    }
                    SubmitResult failure = sendPart(current, submission, part, source, destination, validityPeriod,
                            accepted);
                    if (failure != null) {
                        return failure;
                    }
                }
                return new SubmitResult(Outcome.ACCEPTED, List.copyOf(accepted), 0, null);
            } finally {
                window.release(high);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return retry(accepted, "link stopping");
        } catch (RuntimeException e) {
            log.error("Submit of message {} to {} failed unexpectedly", submission.messageId(), operator.name(), e);
            return new SubmitResult(Outcome.UNKNOWN, List.copyOf(accepted), 0, "unexpected error: " + e);
        }
    }

    /** @return null when the part was accepted (and added to {@code accepted}), else the result to report */
    private SubmitResult sendPart(Link current, Submission submission, SubmitParts.Part part, SmppAddress source,
                                  SmppAddress destination, String validityPeriod, List<PartAccepted> accepted) {
        try {
            SubmitSmResult response = current.transmitter.submitShortMessage(
                    submission.serviceType() == null ? "" : submission.serviceType(),
                    TypeOfNumber.valueOf((byte) source.ton()), NumberingPlanIndicator.valueOf((byte) source.npi()),
                    source.address(),
                    TypeOfNumber.valueOf((byte) destination.ton()),
                    NumberingPlanIndicator.valueOf((byte) destination.npi()), destination.address(),
                    new ESMClass(part.esmClass()), (byte) 0, (byte) 0, null, validityPeriod,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    new RawDataCoding(part.dataCoding()), (byte) 0, part.shortMessage(), part.optionalParameters());
            accepted.add(new PartAccepted(part.number(), part.total(),
                    MessageIds.normalise(operator.messageIdFormat(), response.getMessageId(), false)));
            return null;
        } catch (NegativeResponseException e) {
            return refused(e.getCommandStatus(), accepted);
        } catch (ResponseTimeoutException e) {
            return new SubmitResult(Outcome.UNKNOWN, List.copyOf(accepted), 0,
                    "no submit_sm_resp within " + operator.responseTimeout().toMillis() + " ms");
        } catch (GenericNackResponseException e) {
            // some SMSCs throttle with a generic_nack carrying 0x58
            return refused(e.getCommandStatus(), accepted);
        } catch (InvalidResponseException e) {
            return new SubmitResult(Outcome.UNKNOWN, List.copyOf(accepted), 0, "invalid response: " + e.getMessage());
        } catch (PDUException e) {
            return new SubmitResult(Outcome.PERMANENT, List.copyOf(accepted), 0, "cannot build submit_sm: "
                    + e.getMessage());
        } catch (IOException e) {
            return retry(accepted, "link down: " + e.getMessage());
        }
    }

    private SubmitResult refused(int commandStatus, List<PartAccepted> accepted) {
        String reason = CommandStatuses.describe(commandStatus);
        return switch (CommandStatuses.classify(commandStatus)) {
            case THROTTLED -> {
                limiter.pause(THROTTLE_PAUSE);
                yield new SubmitResult(Outcome.RETRY, List.copyOf(accepted), commandStatus, reason);
            }
            case RETRYABLE -> new SubmitResult(Outcome.RETRY, List.copyOf(accepted), commandStatus, reason);
            case SESSION -> {
                onControlThread(() -> dropLink("bind faulty: " + reason));
                yield new SubmitResult(Outcome.RETRY, List.copyOf(accepted), commandStatus, reason);
            }
            case PERMANENT -> new SubmitResult(Outcome.PERMANENT, List.copyOf(accepted), commandStatus, reason);
        };
    }

    private static SubmitResult retry(List<PartAccepted> accepted, String reason) {
        return new SubmitResult(Outcome.RETRY, List.copyOf(accepted), 0, reason);
    }

    // ---- control thread -------------------------------------------------------------------------------------

    /** renews (or takes) the lease, drops the bind when the lease is gone, binds when it is due */
    private void tick() {
        if (stopped) {
            return;
        }
        try {
            if (renewLease() && link == null && System.nanoTime() - nextAttemptAt >= 0) {
                connect();
            }
        } catch (RuntimeException e) {
            // an exception would cancel the periodic renewal for good
            log.error("{} bind {}: control step failed", operator.name(), index, e);
        }
    }

    private boolean renewLease() {
        boolean held;
        try {
            held = leases.acquire(operator.name(), index, report());
        } catch (RuntimeException e) {
            // we cannot prove the lease is still ours, so another node may be about to bind
            log.warn("Lease of {} bind {} could not be renewed: {}", operator.name(), index, e.toString());
            lastError = "lease table unavailable: " + e.getMessage();
            held = false;
        }
        if (held) {
            leaseHeld = true;
            return true;
        }
        leaseHeld = false;
        if (link != null) {
            log.warn("Lost the lease of {} bind {}, unbinding", operator.name(), index);
            closeLink(link, true);
        }
        try {
            elsewhere = leases.find(operator.name(), index).orElse(null);
        } catch (RuntimeException e) {
            elsewhere = null;
        }
        String holder = elsewhere == null ? null : elsewhere.holder();
        enter(holder != null && !holder.equals(leases.node()) ? State.HELD_ELSEWHERE : State.WAITING_FOR_LEASE);
        return false;
    }

    private void connect() {
        enter(State.CONNECTING);
        Link opened = new Link();
        try {
            if (operator.bindMode() == BindMode.TRANSCEIVER) {
                opened.transmitter = bind(BindType.BIND_TRX, opened);
                opened.receiver = opened.transmitter;
            } else {
                opened.transmitter = bind(BindType.BIND_TX, opened);
                if (!renewLease()) {
                    closeLink(opened, true);
                    return;
                }
                opened.receiver = bind(BindType.BIND_RX, opened);
            }
        } catch (IOException e) {
            closeLink(opened, false);
            failed(describe(e));
            return;
        }
        if (stopped || !leaseHeld) {
            closeLink(opened, true);
            return;
        }
        link = opened;
        failures = 0;
        lastError = null;
        enter(operator.bindMode() == BindMode.TRANSCEIVER ? State.BOUND_TRX : State.BOUND_TX_RX);
        log.info("Bound {} bind {} to {}:{}", operator.name(), index, operator.host(), operator.port());
        renewLease();
    }

    private SMPPSession bind(BindType type, Link owner) throws IOException {
        SMPPSession session = new SMPPSession();
        session.setPduProcessorDegree(PDU_PROCESSOR_DEGREE);
        session.setQueueCapacity(PDU_QUEUE_CAPACITY);
        session.setEnquireLinkTimer((int) operator.enquireLinkInterval().toMillis());
        session.setTransactionTimer(operator.responseTimeout().toMillis());
        // before binding: a receipt can follow the bind_resp at once, and without a listener jSMPP refuses it
        session.setMessageReceiverListener(incoming);
        session.addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.CLOSED) {
                onControlThread(() -> onClosed(owner));
            }
        });
        session.connectAndBind(operator.host(), operator.port(), new BindParameter(type, operator.systemId(),
                operator.password(), operator.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                null), bindTimeoutMillis);
        return session;
    }

    private void onClosed(Link closed) {
        if (link != closed) {
            return;
        }
        link = null;
        closeLink(closed, false);
        failed("connection closed");
    }

    private void dropLink(String reason) {
        Link current = link;
        if (current == null) {
            return;
        }
        link = null;
        closeLink(current, true);
        failed(reason);
    }

    private void failed(String reason) {
        failures++;
        lastError = reason;
        Duration delay = backoff.delay(failures, ThreadLocalRandom.current()::nextDouble);
        nextAttemptAt = System.nanoTime() + delay.toNanos();
        enter(State.BACKING_OFF);
        log.warn("{} bind {}: {}; next bind attempt in {} ms", operator.name(), index, reason, delay.toMillis());
        if (!stopped) {
            control.schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void closeLink(Link closing, boolean unbind) {
        if (link == closing) {
            link = null;
        }
        for (SMPPSession session : closing.sessions()) {
            if (unbind && session.getSessionState().isBound()) {
                session.unbindAndClose();
            } else {
                session.close();
            }
        }
    }

    private void enter(State next) {
        if (state != next) {
            state = next;
            since = clock.instant();
        }
    }

    private BindLeases.Report report() {
        return new BindLeases.Report(state.name(), since, lastError);
    }

    private void onControlThread(Runnable action) {
        try {
            control.execute(action);
        } catch (RejectedExecutionException stopping) {
            log.debug("{} bind {} is stopping, {} skipped", operator.name(), index, action);
        }
    }

    // ---- stopping -------------------------------------------------------------------------------------------

    /** no new submits from now on; those waiting for a slot give up with RETRY */
    void stopAccepting() {
        accepting = false;
        window.close();
    }

    /** waits up to {@code grace} for submits in flight to be answered */
    void drain(Duration grace) throws InterruptedException {
        window.awaitEmpty(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** unbinds, gives the lease back and ends every thread */
    void stop() {
        stopAccepting();
        stopped = true;
        control.shutdown();
        try {
            control.awaitTermination(bindTimeoutMillis * 2 + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Link current = link;
        if (current != null) {
            closeLink(current, true);
        }
        enter(State.STOPPED);
        if (leaseHeld) {
            try {
                leases.release(operator.name(), index, report());
            } catch (RuntimeException e) {
                log.warn("Could not release the lease of {} bind {}; it expires by itself: {}", operator.name(),
                        index, e.toString());
            }
            leaseHeld = false;
        }
        highPriorityWorkers.shutdown();
        normalWorkers.shutdown();
    }

    private static String describe(IOException e) {
        Throwable cause = e.getCause();
        if (cause instanceof NegativeResponseException refused) {
            return "bind refused: " + CommandStatuses.describe(refused.getCommandStatus());
        }
        return "bind failed: " + e.getMessage() + (cause == null ? "" : " (" + cause.getMessage() + ")");
    }

    private static ExecutorService workers(int threads, java.util.concurrent.ThreadFactory factory) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                factory);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** the session(s) of one bind; TRX uses one for both directions */
    private static final class Link {
        SMPPSession transmitter;
        SMPPSession receiver;

        List<SMPPSession> sessions() {
            List<SMPPSession> sessions = new ArrayList<>(2);
            if (transmitter != null) {
                sessions.add(transmitter);
            }
            if (receiver != null && receiver != transmitter) {
                sessions.add(receiver);
            }
            return sessions;
        }
    }
}
