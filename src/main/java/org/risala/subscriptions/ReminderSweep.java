package org.risala.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.risala.outbound.StoreUnavailable;
import org.risala.subscriptions.ReminderRepository.Planned;
import org.risala.subscriptions.ReminderRepository.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the expiry reminders that are due: for every active subscription to an expiry topic whose document has a
 * known date, the offset (days before the date) whose day has come in the quiet hours' zone, once per subscription,
 * date and offset. After downtime, or for a date reported late, the topic's {@link MissedReminders} rule says which
 * of several offsets due at once is sent (by default only the nearest); nothing is sent for a date that has come.
 *
 * <p>The subscriptions are swept in ranges of ids, each in one transaction: the due reminders are planned with one
 * insert per topic (the unique key is the claim, so with several nodes each reminder is planned by one) and handed
 * to outbound in one batch, each with the reference {@code reminder-<id>}. As with alerts, outbound commits just before this
 * transaction: should it then fail, the reminders are planned and sent again by the next sweep — a rare duplicate,
 * never a lost reminder. A range that fails (a deadlock with another node) is left to the next sweep.
 *
 * <p>Reminders are not charged: MONTHLY topics are charged by the month. A PER_ALERT topic with reminder days would
 * send its reminders free of charge, since charges per alert are kept per event.
 */
@Component
class ReminderSweep {

    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);
    /** subscriptions per transaction: bounds the batch handed to outbound and the time rows stay locked */
    static final int RANGE = 10_000;
    /** the reference of a reminder's SMS: this and the reminder's id */
    static final String REFERENCE = "reminder-";

    private final Topics topics;
    private final ReminderRepository reminders;
    private final SubscriptionRepository subscriptions;
    private final SubscriberMessages messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final QuietHours quietHours;
    private final Counter sent;
    private final Counter refused;

    ReminderSweep(Topics topics, ReminderRepository reminders, SubscriptionRepository subscriptions,
                  SubscriberMessages messages, TransactionTemplate tx, Clock clock, QuietHours quietHours,
                  MeterRegistry registry) {
        this.topics = topics;
        this.reminders = reminders;
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
        this.quietHours = quietHours;
        this.sent = counter(registry, "sent");
        this.refused = counter(registry, "refused");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("risala.subscriptions.reminders").description("expiry reminders handed to outbound")
                .tag("outcome", outcome).register(registry);
    }

    /** @return how many reminders this sweep handed to outbound (accepted or refused by it) */
    int sweep() {
        List<Topic> expiryTopics = topics.all().stream().filter(Topic::remindsOfExpiry).toList();
        if (expiryTopics.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        long last = reminders.lastSubscriptionId();
        int accepted = 0;
        int notAccepted = 0;
        int failed = 0;
        for (long first = 1; first <= last; first += RANGE) {
            long from = first;
            try {
                for (SubscriberMessages.Sent s : tx.execute(t -> range(expiryTopics, from, from + RANGE - 1))) {
                    if (s.messageId() != null) {
                        accepted++;
                    } else {
                        notAccepted++;
                    }
                }
            } catch (DataAccessException | StoreUnavailable e) {
                failed++;
                log.warn("reminders of subscriptions {} to {} left to the next sweep: {}", from, from + RANGE - 1,
                        e.getMessage());
            }
        }
        sent.increment(accepted);
        refused.increment(notAccepted);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (accepted + notAccepted + failed > 0) {
            log.info("reminder sweep: {} reminders sent, {} refused by outbound, {} ranges of {} left to the next "
                    + "sweep; {} subscriptions in {} ms", accepted, notAccepted, failed, RANGE, last, millis);
        } else {
            log.debug("reminder sweep: nothing due; {} subscriptions in {} ms", last, millis);
        }
        return accepted + notAccepted;
    }

    private List<SubscriberMessages.Sent> range(List<Topic> expiryTopics, long first, long last) {
        Instant now = clock.instant();
        LocalDate today = quietHours.day(now);
        String token = UUID.randomUUID().toString();
        int planned = 0;
        for (Topic topic : expiryTopics) {
            planned += reminders.plan(topic, today, first, last, token, now);
        }
        if (planned == 0) {
            return List.of();
        }
        List<Planned> due = reminders.planned(first, last, token);
        Map<Long, Subscription> subscribed = subscriptions.byIds(due.stream().map(Planned::subscriptionId).toList());
        List<SubscriberMessages.Outgoing> reminded = new ArrayList<>(due.size());
        for (Planned p : due) {
            Subscription subscription = subscribed.get(p.subscriptionId());
            Topic topic = topics.named(subscription.topic()).orElseThrow();
            // not charged: an expiry topic is paid by the month
            reminded.add(SubscriberMessages.Outgoing.alert(subscription, topic, topics.alert(topic,
                    subscription.language(), Map.of("key", subscription.key(), "expiresOn", p.expiresOn().toString(),
                            "daysLeft", String.valueOf(ChronoUnit.DAYS.between(today, p.expiresOn())))),
                    REFERENCE + p.id(), topic.noticeService()));
        }
        // the SMS of each is found by its reference; only a refusal is written back
        List<SubscriberMessages.Sent> handed = messages.send(SubscriberMessages.Kind.REMINDER, reminded, now, false);
        List<Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            if (handed.get(i).messageId() == null) {
                refusals.add(new Refusal(due.get(i).id(), handed.get(i).refused()));
            }
        }
        reminders.refused(refusals);
        return handed;
    }
}
