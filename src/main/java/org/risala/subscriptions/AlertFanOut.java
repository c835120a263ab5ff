package org.risala.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.risala.outbound.BatchItem;
import org.risala.outbound.OutboundMessaging;
import org.risala.outbound.Priority;
import org.risala.outbound.SendRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns events into alerts: each new event is matched to the active subscriptions for its topic and key (without
 * the opted-out numbers for an optional topic), and every alert of a request is handed to outbound in one batch.
 *
 * <p>The events are recorded in a transaction that stays open until the alerts are stored, so a duplicate posted
 * meanwhile waits on the event's primary key and then sends nothing. The alerts are committed by outbound just
 * before this transaction: if it then fails, the back office is answered with an error, posts again, and the
 * alerts go out a second time — a rare duplicate, never a lost alert. The charges of PER_ALERT topics are written
 * in the same transaction as the events, so they are never written twice (nor, for a test key, at all).
 */
@Component
class AlertFanOut {

    private static final Logger log = LoggerFactory.getLogger(AlertFanOut.class);
    static final String ORIGIN = "alert";

    private final Topics topics;
    private final SubscriptionRepository subscriptions;
    private final EventRepository events;
    private final OutboundMessaging outbound;
    private final Billing billing;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String sender;
    private final Counter matched;
    private final Counter unmatched;
    private final Counter duplicate;

    AlertFanOut(Topics topics, SubscriptionRepository subscriptions, EventRepository events,
                OutboundMessaging outbound, Billing billing, TransactionTemplate tx, Clock clock,
                SubscriptionsProperties properties, MeterRegistry registry) {
        this.billing = billing;
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.events = events;
        this.outbound = outbound;
        this.tx = tx;
        this.clock = clock;
        this.sender = properties.sender();
        this.matched = counter(registry, "matched");
        this.unmatched = counter(registry, "unmatched");
        this.duplicate = counter(registry, "duplicate");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("risala.subscriptions.events").description("events received from back offices")
                .tag("outcome", outcome).register(registry);
    }

    /** @param events valid events (see {@link Subscriptions#problems(AlertEvent)}) */
    List<EventReceived> receive(List<AlertEvent> events, boolean testMode) {
        List<EventReceived> received = tx.execute(s -> {
            Instant now = clock.instant();
            List<EventReceived> results = new ArrayList<>(events.size());
            List<Alert> alerts = new ArrayList<>();
            for (AlertEvent event : events) {
                Topic topic = topics.named(event.type()).orElseThrow();
                String key = topic.key().normalise(event.key()).orElseThrow();
                List<Subscription> matching = subscriptions.matching(topic.name(), key, topic.optional());
                // recorded with what it matched in one statement; a known id (or one a concurrent request is
                // recording: the primary key makes this wait for it) sends nothing
                if (!this.events.record(event.id(), topic.name(), key, event.occurredAt(), now, matching.size())) {
                    results.add(new EventReceived(event.id(), 0, true));
                    continue;
                }
                Map<String, String> values = new HashMap<>(event.data());
                values.put("key", key);
                for (Subscription subscription : matching) {
                    alerts.add(new Alert(event.id(), topic, subscription,
                            topics.alert(topic, subscription.language(), values)));
                }
                results.add(new EventReceived(event.id(), matching.size(), false));
            }
            List<Optional<String>> sent = send(alerts, testMode);
            if (!testMode) {
                List<Billing.AlertCharge> charges = new ArrayList<>();
                for (int i = 0; i < alerts.size(); i++) {
                    Alert a = alerts.get(i);
                    sent.get(i).ifPresent(messageId -> charges.add(new Billing.AlertCharge(a.topic(),
                            a.subscription(), a.eventId(), messageId)));
                }
                billing.alerted(charges, now);
            }
            return results;
        });
        received.forEach(r -> (r.duplicate() ? duplicate : r.matched() > 0 ? matched : unmatched).increment());
        return received;
    }

    /** one alert to send: the event, the subscription and its text */
    record Alert(String eventId, Topic topic, Subscription subscription, String text) {
    }

    /**
     * What the subscriptions send a subscriber (an alert, a notice): at high priority, from the alerts' short code.
     * The one place this module builds a {@link SendRequest}.
     *
     * @param operator the operator the number is known to be reachable on, or null to route by prefix
     */
    static SendRequest toSubscriber(String origin, String msisdn, String text, String sender, String reference,
                                    boolean testMode, String operator) {
        return new SendRequest(null, origin, msisdn, text, sender, Priority.HIGH, reference, null, null, null,
                testMode, null, null, operator);
    }

    private List<Optional<String>> send(List<Alert> alerts, boolean testMode) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        List<SendRequest> requests = alerts.stream().map(a -> toSubscriber(ORIGIN, a.subscription().msisdn(),
                a.text(), sender, a.eventId(), testMode, a.subscription().operator())).toList();
        List<Optional<String>> ids = new ArrayList<>(alerts.size());
        for (BatchItem item : outbound.sendBatch(requests)) {
            if (item.rejected() != null) {
                Alert a = alerts.get(item.index());
                log.warn("alert of event {} to subscription {} not sent: {} {}", a.eventId(), a.subscription().id(),
                        item.rejected().field(), item.rejected().reason());
                ids.add(Optional.empty());
            } else {
                ids.add(Optional.of(item.accepted().id().toString()));
            }
        }
        return ids;
    }
}
