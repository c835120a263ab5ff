package org.risala.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.risala.inbound.InboundRepository.Arrival;
import org.risala.inbound.InboundRepository.Group;
import org.risala.inbound.InboundRepository.PartAdded;
import org.risala.sms.Msisdn;
import org.risala.sms.MsisdnParser;
import org.risala.smpp.ClusterNode;
import org.risala.smpp.SmsReceived;
import org.risala.storage.GroupCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores each incoming SMS: a single part at once, the parts of a concatenated one until the last arrives, then
 * the reassembled text; then hands what is to be answered to the {@link KeywordRouter}. It runs on jSMPP's receiving
 * thread and returns only after the commit: if the database is down the exception makes the SMSC resend, so nothing
 * a citizen sent is lost. What the SMSC resends (a part, or a whole message within the duplicate window) is stored
 * once. Single parts from all receiving threads are written together (group commit).
 */
@Component
class InboundStore {

    private static final Logger log = LoggerFactory.getLogger(InboundStore.class);
    /** the SMSC waits for deliver_sm_resp for about this long before it resends anyway */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);

    private final InboundRepository repository;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final InboundProperties properties;
    private final KeywordRouter router;
    private final String node;
    private final MsisdnParser numbers = new MsisdnParser("OM", true);
    private final GroupCommit<Arrival> writer;
    private final Counter stored;
    private final Counter duplicates;
    private final Timer storing;

    InboundStore(InboundRepository repository, TransactionTemplate tx, Clock clock, InboundProperties properties,
                 KeywordRouter router, ClusterNode node, MeterRegistry registry) {
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.router = router;
        this.node = node.id();
        this.writer = new GroupCommit<>("inbound", 2, 1000, tx, this::write);
        this.stored = Counter.builder("risala.inbound.messages").description("incoming SMS stored").register(registry);
        this.duplicates = Counter.builder("risala.inbound.duplicates")
                .description("incoming SMS or parts the SMSC sent again, stored once").register(registry);
        this.storing = Timer.builder("risala.inbound.store").description("from an SMS part received to its commit")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    @EventListener
    void on(SmsReceived sms) {
        Timer.Sample sample = Timer.start();
        Optional<Msisdn> parsed = numbers.tryParse(sms.from());
        // the citizen in E.164 when the SMSC's form parses; the raw form otherwise, never dropped
        String sender = parsed.map(Msisdn::e164).orElse(sms.from());
        String outcome;
        if (sms.totalParts() <= 1) {
            Arrival arrival = arrival(sms.operator(), sender, sms.to(), sms.text(), 1);
            await(writer.submitAll(List.of(arrival)));
            outcome = stored(arrival);
        } else {
            outcome = tx.execute(s -> storePart(new Group(sms.operator(), sender, sms.to(), sms.concatReference(),
                    sms.totalParts()), sms.partNumber(), sms.text()));
        }
        sample.stop(storing);
        log.info("SMS from {} to {} via {}, part {}/{}: {}", parsed.map(Msisdn::masked).orElse("(unparsed number)"),
                sms.to(), sms.operator(), Math.max(1, sms.partNumber()), Math.max(1, sms.totalParts()), outcome);
    }

    private void write(List<Arrival> arrivals) {
        Instant now = clock.instant();
        repository.insert(arrivals, now.minus(properties.duplicateWindow()), node, now.plus(properties.claimLease()));
    }

    private Arrival arrival(String operator, String sender, String recipient, String text, int parts) {
        return new Arrival(operator, sender, recipient, text, parts, clock.instant(),
                fingerprint(operator, sender, recipient, text), properties.shortCodes().contains(recipient));
    }

    /** counts the stored arrival and hands it on; called after its commit */
    private String stored(Arrival arrival) {
        if (arrival.duplicate) {
            duplicates.increment();
            return "sent again within the duplicate window, already stored";
        }
        stored.increment();
        if (arrival.toAnswer) {
            router.route(arrival.incoming());
        }
        String how = arrival.parts == 1 ? "stored" : "stored, reassembled from " + arrival.parts + " parts";
        return arrival.toAnswer ? how : how + " (not a short code Risala answers at)";
    }

    /** adds a part and, when it was the last one, stores the reassembled message */
    private String storePart(Group group, int partNumber, String text) {
        PartAdded added = repository.addPart(group, partNumber, text, clock.instant());
        if (added == PartAdded.DUPLICATE) {
            duplicates.increment();
            return "part sent again, already stored";
        }
        if (added == PartAdded.WAITING) {
            return "part stored, waiting for the others";
        }
        return storeWhole(group);
    }

    /** stores, with the parts that came, concatenated messages whose other parts have not come in time */
    @Scheduled(fixedDelayString = "${risala.inbound.concat-sweep-interval:60s}")
    void completeOverdue() {
        Instant cutoff = clock.instant().minus(properties.concatTimeout());
        List<Group> overdue = tx.execute(s -> repository.lockOverdueGroups(cutoff, 100));
        for (Group group : overdue) {
            String outcome = tx.execute(s -> storeWhole(group));
            log.warn("concatenated SMS to {} via {} still missed parts after {}: {}", group.recipient(),
                    group.operator(), properties.concatTimeout(), outcome);
        }
    }

    /** inside the caller's transaction; the hand-off to the router waits for its commit */
    private String storeWhole(Group group) {
        List<String> parts = repository.takeParts(group);
        if (parts.isEmpty()) {
            return "no parts left";
        }
        Arrival arrival = arrival(group.operator(), group.sender(), group.recipient(), String.join("", parts),
                parts.size());
        write(List.of(arrival));
        afterCommit(() -> stored(arrival));
        return arrival.duplicate ? "sent again within the duplicate window, already stored"
                : "stored, reassembled from " + parts.size() + " parts";
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private static void await(GroupCommit.Ticket<Arrival> ticket) {
        try {
            ticket.await(STORE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing an incoming SMS", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not store an incoming SMS", e.getCause());
        } catch (TimeoutException e) {
            // left out of the commit for good: the SMSC hears an error and sends it again
            throw new IllegalStateException("incoming SMS not stored within " + STORE_TIMEOUT, e);
        }
    }

    private static String fingerprint(String operator, String sender, String recipient, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {operator, sender, recipient, text}) {
                sha.update(field.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        writer.shutdown();
    }
}
