package org.risala.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns events into alerts: each new event is matched to the active subscriptions for its topic and key (without
 * the opted-out numbers for an optional topic), one query per topic for a whole request, the events are recorded in
 * one batch, and every alert of a request is handed to outbound in one batch. A document.expiry event is not
 * alerted: its date is recorded, and the {@link ReminderSweep} sends the reminders.
 *
 * <p>The events are recorded in a transaction that stays open until the alerts are stored, so a duplicate posted
 * meanwhile waits on the event's primary key, fails, and is decided again: as a duplicate, sending nothing. The
 * alerts are committed by outbound just before this transaction: if it then fails, the back office is answered with an error, posts again, and the
 * alerts go out a second time — a rare duplicate, never a lost alert. The charges of PER_ALERT topics are written
 * in the same transaction as the events, so they are never written twice (nor, for a test key, at all).
 */
@Component
class AlertFanOut {

    private final Topics topics;
    private final SubscriptionRepository subscriptions;
    private final EventRepository events;
    private final ReminderRepository expiryDates;
    private final SubscriberMessages messages;
    private final Billing billing;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Counter matched;
    private final Counter unmatched;
    private final Counter duplicate;

    AlertFanOut(Topics topics, SubscriptionRepository subscriptions, EventRepository events,
                ReminderRepository expiryDates, SubscriberMessages messages, Billing billing, TransactionTemplate tx,
                Clock clock, MeterRegistry registry) {
        this.billing = billing;
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.events = events;
        this.expiryDates = expiryDates;
        this.messages = messages;
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
        List<EventReceived> received;
        try {
            received = tx.execute(s -> receiveOnce(events, testMode));
        } catch (DuplicateKeyException e) {
            // another request recorded one of these events meanwhile: decide again, it is a duplicate now
            received = tx.execute(s -> receiveOnce(events, testMode));
        }
        received.forEach(r -> (r.duplicate() ? duplicate : r.matched() > 0 ? matched : unmatched).increment());
        return received;
    }

    /** an event as it is matched: its topic and normalised key */
    private record Matched(AlertEvent event, Topic topic, String key) {
    }

    private List<EventReceived> receiveOnce(List<AlertEvent> events, boolean testMode) {
        Instant now = clock.instant();
        Set<String> known = this.events.known(events.stream().map(AlertEvent::id).distinct().toList());
        List<Matched> fresh = new ArrayList<>();
        for (AlertEvent event : events) {
            if (known.add(event.id())) {
                Topic topic = topics.of(event).orElseThrow();
                fresh.add(new Matched(event, topic, topic.key().normalise(event.key()).orElseThrow()));
            }
        }
        // one query per topic for all the keys of the request
        Map<String, Map<String, List<Subscription>>> byTopicAndKey = new HashMap<>();
        fresh.stream().collect(Collectors.groupingBy(m -> m.topic().name(), LinkedHashMap::new,
                        Collectors.mapping(Matched::key, Collectors.toCollection(LinkedHashSet::new))))
                .forEach((name, keys) -> {
                    Topic topic = topics.named(name).orElseThrow();
                    byTopicAndKey.put(name, subscriptions.matching(name, keys, topic.optional()).stream()
                            .collect(Collectors.groupingBy(Subscription::key)));
                });
        List<EventRepository.Recorded> recorded = new ArrayList<>(fresh.size());
        List<Alert> alerts = new ArrayList<>();
        List<ExpiryDate> dates = new ArrayList<>();
        Map<String, Integer> matchedBy = new HashMap<>();
        for (Matched m : fresh) {
            List<Subscription> matching = byTopicAndKey.get(m.topic().name()).getOrDefault(m.key(), List.of());
            recorded.add(new EventRepository.Recorded(m.event().id(), m.topic().name(), m.key(),
                    m.event().occurredAt(), matching.size()));
            matchedBy.put(m.event().id(), matching.size());
            if (m.event().givesExpiryDate()) {
                // alerted later, by the reminders; a test key's date is checked but kept from real citizens
                if (!testMode) {
                    dates.add(new ExpiryDate(m.topic().name(), m.key(),
                            ExpiryDate.parse(m.event().data().get("expiresOn")).orElseThrow(),
                            "event:" + m.event().id()));
                }
                continue;
            }
            Map<String, String> values = new HashMap<>(m.event().data());
            values.put("key", m.key());
            for (Subscription subscription : matching) {
                alerts.add(new Alert(m.event().id(), m.topic(), subscription,
                        topics.alert(m.topic(), subscription.language(), values)));
            }
        }
        // recorded before anything is sent: a concurrent request with one of these ids waits here, then fails
        this.events.record(recorded, now);
        expiryDates.record(dates, now);
        List<SubscriberMessages.Sent> sent = messages.send(SubscriberMessages.Kind.ALERT, alerts.stream()
                .map(a -> SubscriberMessages.Outgoing.alert(a.subscription(), a.topic(), a.text(), a.eventId(),
                        a.topic().alertService())).toList(), now, testMode);
        if (!testMode) {
            List<Billing.AlertCharge> charges = new ArrayList<>();
            for (int i = 0; i < alerts.size(); i++) {
                Alert a = alerts.get(i);
                if (sent.get(i).messageId() != null) {
                    charges.add(new Billing.AlertCharge(a.topic(), a.subscription(), a.eventId(),
                            sent.get(i).messageId()));
                }
            }
            billing.alerted(charges, now);
        }
        // in the request's order; an id known before, or earlier in the request, is a duplicate
        Set<String> answered = new HashSet<>();
        return events.stream().map(e -> matchedBy.containsKey(e.id()) && answered.add(e.id())
                ? new EventReceived(e.id(), matchedBy.get(e.id()), false)
                : new EventReceived(e.id(), 0, true)).toList();
    }

    /** one alert to send: the event, the subscription and its text */
    record Alert(String eventId, Topic topic, Subscription subscription, String text) {
    }
}
