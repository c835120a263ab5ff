package org.risala.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.risala.outbound.BatchItem;
import org.risala.outbound.OutboundMessaging;
import org.risala.outbound.Priority;
import org.risala.outbound.SendRequest;
import org.risala.sms.Msisdn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Everything the subscriptions send (alerts, renewal and billing notices, number changes) goes out here: in one
 * batch to outbound, at high priority, from the alerts' short code, through the operator the number is known on.
 * The one place this module builds a {@link SendRequest}.
 */
@Component
class SubscriberMessages {

    private static final Logger log = LoggerFactory.getLogger(SubscriberMessages.class);

    /**
     * One SMS.
     *
     * @param operator  the operator the number is known to be reachable on, or null to route by prefix
     * @param reference what it is about, kept with the message: the event id of an alert, e.g.
     * @param service   how it is marked for the operators
     */
    record Outgoing(String msisdn, String operator, String text, String reference, SendRequest.Service service) {

        /** to a subscriber, through the operator its subscription came in on */
        static Outgoing to(Subscription subscription, String text, String reference, SendRequest.Service service) {
            return new Outgoing(subscription.msisdn(), subscription.operator(), text, reference, service);
        }
    }

    /**
     * A fan-out to many subscribers is handed to outbound in chunks of this many, {@link #PARALLEL} at a time:
     * composing and storing them then use every core and every writer, and no chunk waits for the others to be
     * stored.
     */
    static final int CHUNK = 5000;
    private static final int PARALLEL = 2;

    private final OutboundMessaging outbound;
    private final String sender;
    private final ExecutorService chunks = Executors.newFixedThreadPool(PARALLEL, r -> {
        Thread t = new Thread(r, "subscriber-messages");
        t.setDaemon(true);
        return t;
    });

    SubscriberMessages(OutboundMessaging outbound, SubscriptionsProperties properties) {
        this.outbound = outbound;
        this.sender = properties.sender();
    }

    @PreDestroy
    void stop() {
        chunks.shutdownNow();
    }

    /**
     * @param origin   which part of the subscriptions sends them, kept with each message: {@code alert}, e.g.
     * @param testMode asked for with a test key: only ever reaches the simulator
     * @return per message, in order, the id outbound gave it, or empty when outbound refused it (logged)
     */
    List<Optional<String>> send(String origin, List<Outgoing> messages, boolean testMode) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<SendRequest> requests = messages.stream().map(m -> new SendRequest(null, origin, m.msisdn(), m.text(),
                sender, Priority.HIGH, m.reference(), null, null, null, testMode, null, null, m.operator(),
                m.service())).toList();
        List<Optional<String>> ids = new ArrayList<>(messages.size());
        for (BatchItem item : sendInChunks(requests)) {
            if (item.rejected() != null) {
                Outgoing m = messages.get(item.index());
                log.warn("{} {} to {} not sent: {} {}", origin, m.reference(), Msisdn.of(m.msisdn()).masked(),
                        item.rejected().field(), item.rejected().reason());
                ids.add(Optional.empty());
            } else {
                ids.add(Optional.of(item.accepted().id().toString()));
            }
        }
        return ids;
    }

    /** @return the items of every chunk, indexed from the start of {@code requests} */
    private List<BatchItem> sendInChunks(List<SendRequest> requests) {
        if (requests.size() <= CHUNK) {
            return outbound.sendBatch(requests);
        }
        List<CompletableFuture<List<BatchItem>>> sent = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += CHUNK) {
            int start = from;
            List<SendRequest> chunk = requests.subList(from, Math.min(from + CHUNK, requests.size()));
            sent.add(CompletableFuture.supplyAsync(() -> outbound.sendBatch(chunk).stream()
                    .map(item -> new BatchItem(start + item.index(), item.accepted(), item.rejected())).toList(),
                    chunks));
        }
        List<BatchItem> items = new ArrayList<>(requests.size());
        try {
            for (CompletableFuture<List<BatchItem>> chunk : sent) {
                items.addAll(chunk.join());
            }
        } catch (CompletionException e) {
            // a chunk not stored (StoreUnavailable) is answered as if the whole batch had been one
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return items;
    }
}
