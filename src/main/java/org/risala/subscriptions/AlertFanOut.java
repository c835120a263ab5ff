package org.risala.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.risala.subscriptions.AlertSender.Alert;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns events into alerts: each new event is matched to the active subscriptions for its topic and key (without
 * the opted-out numbers for an optional topic), and every alert of a request is handed to outbound in one batch.
 * A document.expiry event is not alerted: its date is recorded, and the {@link ReminderSweep} sends the reminders.
 *
 * <p>The events are recorded in a transaction that stays open until the alerts are stored, so a duplicate posted
 * meanwhile waits on the event's primary key and then sends nothing. The alerts are committed by outbound just
 * before this transaction: if it then fails, the back office is answered with an error, posts again, and the
 * alerts go out a second time — a rare duplicate, never a lost alert. The charges of PER_ALERT topics are written
 * in the same transaction as the events, so they are never written twice (nor, for a test key, at all).
 */
@Component
class AlertFanOut {

    private final Topics topics;
    private final SubscriptionRepository subscriptions;
    private final EventRepository events;
    private final ReminderRepository expiryDates;
    private final AlertSender sender;
    private final Billing billing;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Counter matched;
    private final Counter unmatched;
    private final Counter duplicate;

    AlertFanOut(Topics topics, SubscriptionRepository subscriptions, EventRepository events,
                ReminderRepository expiryDates, AlertSender sender, Billing billing, TransactionTemplate tx, Clock clock, MeterRegistry registry) {
        this.billing = billing;
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.events = events;
        this.expiryDates = expiryDates;
        this.sender = sender;
        this.tx = tx;
        this.clock = clock;
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
            List<ExpiryDate> dates = new ArrayList<>();
            for (AlertEvent event : events) {
                Topic topic = topics.of(event).orElseThrow();
                String key = topic.key().normalise(event.key()).orElseThrow();
                List<Subscription> matching = subscriptions.matching(topic.name(), key, topic.optional());
                // recorded with what it matched in one statement; a known id (or one a concurrent request is
                // recording: the primary key makes this wait for it) sends nothing
                if (!this.events.record(event.id(), topic.name(), key, event.occurredAt(), now, matching.size())) {
                    results.add(new EventReceived(event.id(), 0, true));
                    continue;
                }
                if (event.givesExpiryDate()) {
                    // alerted later, by the reminders; a test key's date is checked but kept from real citizens
                    if (!testMode) {
                        dates.add(new ExpiryDate(topic.name(), key,
                                ExpiryDate.parse(event.data().get("expiresOn")).orElseThrow(), "event:" + event.id()));
                    }
                    results.add(new EventReceived(event.id(), matching.size(), false));
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
            expiryDates.record(dates, now);
            List<AlertSender.Sent> sent = sender.send(AlertSender.Kind.ALERT, alerts, now, testMode);
            if (!testMode) {
                List<Billing.AlertCharge> charges = new ArrayList<>();
                for (int i = 0; i < alerts.size(); i++) {
                    Alert a = alerts.get(i);
                    if (sent.get(i).messageId() != null) {
                        charges.add(new Billing.AlertCharge(a.topic(), a.subscription(), a.reference(),
                                sent.get(i).messageId()));
                    }
                }
                billing.alerted(charges, now);
            }
            return results;
        });
        received.forEach(r -> (r.duplicate() ? duplicate : r.matched() > 0 ? matched : unmatched).increment());
        return received;
    }
}
