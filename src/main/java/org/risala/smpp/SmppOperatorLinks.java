package org.risala.smpp;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.risala.smpp.SmppProperties.Operator;
import org.risala.smpp.SubmitResult.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The operator links of this node: every bind of every effective operator, each bound only while this node holds
 * its lease. Starts after the simulator (phase 0) and stops before it.
 */
class SmppOperatorLinks implements OperatorLinks, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SmppOperatorLinks.class);

    /** how long stopping waits for submits in flight before unbinding under them */
    private static final Duration LONGEST_DRAIN = Duration.ofSeconds(5);

    private final List<Operator> operators;
    private final Map<String, Operator> byName = new LinkedHashMap<>();
    private final Map<String, List<OperatorSession>> sessions = new LinkedHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile boolean running;

    SmppOperatorLinks(List<Operator> operators, SmppProperties properties, BindLeases leases,
                      ApplicationEventPublisher events, MeterRegistry meters, Clock clock) {
        this.operators = List.copyOf(operators);
        this.meters = meters;
        this.clock = clock;
        ReceiptParser receipts = new ReceiptParser(properties.receiptZone());
        for (Operator operator : this.operators) {
            if (byName.put(operator.name(), operator) != null) {
                throw new IllegalArgumentException("two operators are named " + operator.name());
            }
            IncomingPdus incoming = new IncomingPdus(operator.name(), operator.messageIdFormat(), receipts, events,
                    clock);
            List<OperatorSession> binds = new ArrayList<>();
            for (int index = 0; index < operator.binds(); index++) {
                binds.add(new OperatorSession(operator, index, properties.highPriorityReserve(), leases, incoming,
                        clock));
            }
            sessions.put(operator.name(), List.copyOf(binds));
            registerGauges(operator);
        }
    }

    @Override
    public CompletableFuture<SubmitResult> submit(Submission submission) {
        long started = System.nanoTime();
        CompletableFuture<SubmitResult> result;
        try {
            result = dispatch(submission);
        } catch (RuntimeException e) {
            log.error("Submit of message {} failed unexpectedly", submission.messageId(), e);
            result = CompletableFuture.completedFuture(
                    new SubmitResult(Outcome.RETRY, List.of(), 0, "unexpected error: " + e));
        }
        return result.whenComplete((outcome, error) -> record(submission.operator(), outcome, started));
    }

    private CompletableFuture<SubmitResult> dispatch(Submission submission) {
        Operator operator = byName.get(submission.operator());
        if (operator == null) {
            return done(Outcome.RETRY, "no operator link named " + submission.operator());
        }
        List<SubmitParts.Part> parts;
        SmppAddress source;
        SmppAddress destination;
        try {
            parts = SubmitParts.of(submission.text(), operator.concatenation(), submission.concatReference());
            String sender = submission.sender() == null ? operator.defaultSender() : submission.sender();
            source = SenderAddress.of(sender, operator.shortCodeTon(), operator.shortCodeNpi());
            destination = SmppAddress.destination(submission.destination());
        } catch (IllegalArgumentException e) {
            return done(Outcome.PERMANENT, e.getMessage());
        }
        String validity = null;
        if (submission.validUntil() != null) {
            Duration remaining = Duration.between(clock.instant(), submission.validUntil());
            if (remaining.isNegative() || remaining.isZero()) {
                return done(Outcome.PERMANENT, "validity period ended before submit");
            }
            validity = ValidityPeriod.relative(remaining);
        }
        Optional<OperatorSession> bind = sessions.get(operator.name()).stream()
                .filter(OperatorSession::canTransmit)
                .min(Comparator.comparingInt(OperatorSession::windowUsed));
        if (bind.isEmpty()) {
            return done(Outcome.RETRY, "link down: no bound bind of " + operator.name() + " on this node");
        }
        return bind.get().submit(submission, parts, source, destination, validity);
    }

    private static CompletableFuture<SubmitResult> done(Outcome outcome, String reason) {
        return CompletableFuture.completedFuture(new SubmitResult(outcome, List.of(), 0, reason));
    }

    @Override
    public List<Operator> operators() {
        return operators;
    }

    @Override
    public boolean canTransmit(String operator) {
        return sessionsOf(operator).stream().anyMatch(OperatorSession::canTransmit);
    }

    @Override
    public int window(String operator) {
        return sessionsOf(operator).stream().filter(OperatorSession::canTransmit)
                .mapToInt(OperatorSession::windowSize).sum();
    }

    @Override
    public int freeWindow(String operator) {
        return sessionsOf(operator).stream().mapToInt(OperatorSession::freeWindow).sum();
    }

    @Override
    public List<BindStatus> binds() {
        return sessions.values().stream().flatMap(List::stream).map(OperatorSession::status).toList();
    }

    private List<OperatorSession> sessionsOf(String operator) {
        return sessions.getOrDefault(operator, List.of());
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @Override
    public void start() {
        sessions.values().forEach(binds -> binds.forEach(OperatorSession::start));
        running = true;
        log.info("Operator links started: {}", byName.keySet());
    }

    /** stop taking submits, give those in flight a moment, then unbind and hand the leases back */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        List<OperatorSession> all = sessions.values().stream().flatMap(List::stream).toList();
        all.forEach(OperatorSession::stopAccepting);
        try {
            long deadline = System.nanoTime() + drainTime().toNanos();
            for (OperatorSession session : all) {
                session.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CompletableFuture.allOf(all.stream().map(session -> CompletableFuture.runAsync(session::stop))
                        .toArray(CompletableFuture[]::new))
                .orTimeout(drainTime().toMillis() * 4 + 10_000, TimeUnit.MILLISECONDS)
                .exceptionally(error -> {
                    log.warn("Operator links did not stop in time: {}", error.toString());
                    return null;
                })
                .join();
        log.info("Operator links stopped");
    }

    private Duration drainTime() {
        return operators.stream().map(Operator::responseTimeout).max(Comparator.naturalOrder())
                .filter(longest -> longest.compareTo(LONGEST_DRAIN) < 0)
                .orElse(LONGEST_DRAIN);
    }

    /** binds and their leases stay up while the application context is paused (e.g. cached between tests) */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** after the simulator (MIN_VALUE + 1000), so its port is open when the first bind goes out */
    @Override
    public int getPhase() {
        return 0;
    }

    // ---- metrics --------------------------------------------------------------------------------------------

    private void record(String operator, SubmitResult result, long startedNanos) {
        String outcome = result == null ? "error" : result.outcome().name().toLowerCase(Locale.ROOT);
        Counter.builder("risala.smpp.submits").description("submissions handed to an operator, by outcome")
                .tag("operator", operator).tag("result", outcome).register(meters).increment();
        Timer.builder("risala.smpp.submit.latency").description("from submit to the operator's last answer")
                .tag("operator", operator).publishPercentileHistogram().register(meters)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private void registerGauges(Operator operator) {
        String name = operator.name();
        Gauge.builder("risala.smpp.window.used", this, links -> links.sessionsOf(name).stream()
                        .mapToInt(OperatorSession::windowUsed).sum())
                .description("submits in flight on this node's binds").tag("operator", name).register(meters);
        Gauge.builder("risala.smpp.window.size", this, links -> links.sessionsOf(name).stream()
                        .filter(OperatorSession::canTransmit).mapToInt(OperatorSession::windowSize).sum())
                .description("window of this node's bound binds").tag("operator", name).register(meters);
        Gauge.builder("risala.smpp.tps.limit", operator, Operator::tps)
                .description("segments per second agreed with the operator, for the whole cluster")
                .tag("operator", name).register(meters);
    }
}
