package org.risala.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.risala.outbound.BatchItem;
import org.risala.outbound.OutboundMessaging;
import org.risala.outbound.Priority;
import org.risala.outbound.SendRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Everything the subscriptions send (alerts, reminders, renewal and billing notices, number changes) goes out here:
 * all of one call in one batch to outbound, from the alerts' short code, through the operator the number is known
 * on. The one place this module builds a {@link SendRequest}.
 *
 * <p>An SMS that may not be sent in quiet hours, and is sent in them, is held: it is stored now with a
 * {@code sendAt} at the end of the quiet hours, and its validity counts from then, so the night does not use it up.
 */
@Component
class SubscriberMessages {

    private static final Logger log = LoggerFactory.getLogger(SubscriberMessages.class);
    /** as much of outbound's reason as is kept with a refused reminder */
    static final int MAX_REFUSAL = 300;
    /**
     * A fan-out to many subscribers is handed to outbound in chunks of this many, {@link #PARALLEL} at a time:
     * composing and storing them then use every core and every writer, and no chunk waits for the others to be
     * stored.
     */
    static final int CHUNK = 5000;
    private static final int PARALLEL = 2;

    /** what is sent, as outbound tells it apart in its figures, and in which lane */
    enum Kind {
        /** an event a citizen asked to hear of: high priority, like a reply */
        ALERT("alert", Priority.HIGH),
        /** a reminder planned weeks ahead: it must not hold up alerts, replies and one-time codes */
        REMINDER("reminder", Priority.NORMAL),
        /** renewal, a failed charge, a suspension */
        BILLING_NOTICE("billing", Priority.NORMAL),
        /** the subscriptions moved to a new number: the person holding each phone should know at once */
        NUMBER_CHANGE("number-change", Priority.HIGH);

        final String origin;
        final Priority priority;

        Kind(String origin, Priority priority) {
            this.origin = origin;
            this.priority = priority;
        }
    }

    /**
     * One SMS.
     *
     * @param operator    the operator the number is known to be reachable on, or null to route by prefix
     * @param reference   what it is about, kept with the message: the event id of an alert, e.g.
     * @param service     how it is marked for the operators
     * @param quietAtNight held until the end of quiet hours when sent in them
     */
    record Outgoing(String msisdn, String operator, String text, String reference, SendRequest.Service service,
                    boolean quietAtNight) {

        /** an alert or a reminder to a subscriber, through the operator its subscription came in on */
        static Outgoing alert(Subscription subscription, Topic topic, String text, String reference,
                              SendRequest.Service service) {
            return new Outgoing(subscription.msisdn(), subscription.operator(), text, reference, service,
                    !topic.quietHoursAllowed());
        }

        /** a notice about a subscription: never charged, never at night */
        static Outgoing notice(Subscription subscription, Topic topic, String text, String reference) {
            return new Outgoing(subscription.msisdn(), subscription.operator(), text, reference,
                    topic.noticeService(), true);
        }
    }

    /** what outbound did with one: the id of the message it accepted, or why it refused it */
    record Sent(String messageId, String refused) {
    }

    private final OutboundMessaging outbound;
    private final QuietHours quietHours;
    private final String sender;
    private final ExecutorService chunks = Executors.newFixedThreadPool(PARALLEL, r -> {
        Thread t = new Thread(r, "subscriber-messages");
        t.setDaemon(true);
        return t;
    });

    SubscriberMessages(OutboundMessaging outbound, QuietHours quietHours, SubscriptionsProperties properties) {
        this.outbound = outbound;
        this.quietHours = quietHours;
        this.sender = properties.sender();
    }

    @PreDestroy
    void stop() {
        chunks.shutdownNow();
    }

    /**
     * @param now      when they are sent, for the quiet hours
     * @param testMode asked for with a test key: they only ever reach the simulator
     * @return for each message in order, what outbound did with it (a refusal is logged)
     */
    List<Sent> send(Kind kind, List<Outgoing> messages, Instant now, boolean testMode) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Instant heldUntil = quietHours.heldUntil(now).orElse(null);
        List<SendRequest> requests = messages.stream().map(m -> new SendRequest(null, kind.origin, m.msisdn(),
                m.text(), sender, kind.priority, m.reference(), m.quietAtNight() ? heldUntil : null, null, null,
                testMode, null, null, m.operator(), m.service())).toList();
        List<Sent> sent = new ArrayList<>(messages.size());
        for (BatchItem item : sendInChunks(requests)) {
            if (item.rejected() != null) {
                // the reason may echo the number, so the log names only the field
                log.warn("{} {} not sent: {} refused", kind.origin, messages.get(item.index()).reference(),
                        item.rejected().field());
                String why = item.rejected().field() + ": " + item.rejected().reason();
                sent.add(new Sent(null, why.length() > MAX_REFUSAL ? why.substring(0, MAX_REFUSAL) : why));
            } else {
                sent.add(new Sent(item.accepted().id().toString(), null));
            }
        }
        return sent;
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
