package org.risala.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.risala.outbound.OutboundMessaging;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The charges of priced topics: written inside the caller's transaction for the month a MONTHLY subscription is
 * confirmed in and for each alert of a PER_ALERT one that outbound accepted; renewed each month by the
 * {@link BillingCycle}; reconciled with the operators through the monthly export and their reports of charges that
 * failed, which put a subscription in grace until the charge is collected or the grace ends.
 */
@Component
class Billing {

    /** months are Oman's calendar months */
    static final ZoneId MUSCAT = ZoneId.of("Asia/Muscat");
    private static final int EXPORT_CHUNK = 5000;

    private final BillingRepository records;
    private final SubscriptionRepository subscriptions;
    private final SubscriberMessages messages;
    private final OutboundMessaging outbound;
    private final Topics topics;
    private final CommandReplies replies;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SubscriptionsProperties.BillingCycle cycle;

    Billing(BillingRepository records, SubscriptionRepository subscriptions, SubscriberMessages messages,
            OutboundMessaging outbound, Topics topics, TransactionTemplate tx, Clock clock,
            SubscriptionsProperties properties) {
        this.records = records;
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.outbound = outbound;
        this.topics = topics;
        this.replies = new CommandReplies(topics, properties.confirmWithin());
        this.tx = tx;
        this.clock = clock;
        this.cycle = properties.billing();
    }

    static String period(Instant at) {
        return YearMonth.from(at.atZone(MUSCAT)).toString();
    }

    static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(MUSCAT).toInstant();
    }

    /** a subscription became active: a MONTHLY one is charged for the current month */
    void activated(Topic topic, Subscription subscription, Long inboundId, Instant now) {
        if (topic.plan() == PricePlan.MONTHLY) {
            records.month(subscription, topic.fee(), period(now), inboundId, now);
        }
    }

    /** subscriptions to one topic became active together (a business's): for a MONTHLY one, one batch of charges */
    void activated(Topic topic, List<Subscription> subscriptions, Instant now) {
        if (topic.plan() == PricePlan.MONTHLY && !subscriptions.isEmpty()) {
            records.months(subscriptions, topic.fee(), period(now), now);
        }
    }

    /** an alert outbound accepted, with the id it got */
    record AlertCharge(Topic topic, Subscription subscription, String eventId, String messageId) {
    }

    /** alerts were accepted by outbound: those of PER_ALERT subscriptions are charged, in one batch */
    void alerted(List<AlertCharge> alerts, Instant now) {
        List<AlertCharge> charged = alerts.stream().filter(a -> a.topic().plan() == PricePlan.PER_ALERT).toList();
        if (!charged.isEmpty()) {
            records.alerts(charged, now);
        }
    }

    /**
     * What operators reported of charges: a failed one puts its subscription, if active, in grace (its subscriber
     * is told until when); one collected after all ends the grace once no charge of the subscription is failed.
     * Reporting what a record already says changes nothing, so a reconciliation file can be sent again.
     *
     * @param actor who reported, for the subscriptions' history, e.g. {@code api:omantel-billing}
     */
    List<ChargeReport.Result> report(List<ChargeReport> reports, String actor) {
        if (reports.isEmpty()) {
            return List.of();
        }
        return tx.execute(s -> {
            Instant now = clock.instant();
            Map<Long, BillingRepository.Charge> known = new HashMap<>();
            records.lock(reports.stream().map(ChargeReport::recordId).distinct().toList())
                    .forEach(c -> known.put(c.id(), c));
            Map<Long, String> status = new HashMap<>();
            known.values().forEach(c -> status.put(c.id(), c.status()));
            List<ChargeReport> changes = new ArrayList<>();
            Set<Long> failed = new LinkedHashSet<>();
            Set<Long> collected = new LinkedHashSet<>();
            List<ChargeReport.Result> results = new ArrayList<>(reports.size());
            for (ChargeReport r : reports) {
                BillingRepository.Charge charge = known.get(r.recordId());
                if (charge == null) {
                    results.add(new ChargeReport.Result(r.recordId(), "UNKNOWN"));
                    continue;
                }
                if (status.get(r.recordId()).equals(r.status().name())) {
                    results.add(new ChargeReport.Result(r.recordId(), "UNCHANGED"));
                    continue;
                }
                status.put(r.recordId(), r.status().name());
                changes.add(r);
                (r.status() == ChargeReport.ChargeStatus.FAILED ? failed : collected).add(charge.subscriptionId());
                results.add(new ChargeReport.Result(r.recordId(), "UPDATED"));
            }
            records.report(changes, now);
            Instant graceEnds = now.plus(cycle.grace());
            List<Subscription> inGrace = subscriptions.startGrace(failed, graceEnds);
            subscriptions.histories(inGrace.stream().map(Subscription::id).toList(), "CHARGE_FAILED", actor, null, now);
            collected.removeAll(failed);
            subscriptions.endGraceWhereSettled(collected);
            subscriptions.histories(List.copyOf(collected), "CHARGE_COLLECTED", actor, null, now);
            LocalDate until = graceEnds.atZone(MUSCAT).toLocalDate();
            notify(inGrace, (topic, sub) -> replies.chargeFailed(topic, sub.key(), until, sub.language()),
                    "charge-failed");
            return results;
        });
    }

    /** what a notice says to a subscriber of a topic */
    interface NoticeText {
        String of(Topic topic, Subscription subscription);
    }

    /**
     * Tells each subscriber, in its language, through {@link SubscriberMessages}: never charged, held in quiet hours.
     *
     * @return the message id of each subscription told, by subscription id
     */
    Map<Long, String> notify(List<Subscription> told, NoticeText text, String reference) {
        List<SubscriberMessages.Outgoing> outgoing = new ArrayList<>(told.size());
        List<Subscription> sent = new ArrayList<>(told.size());
        for (Subscription sub : told) {
            Optional<Topic> topic = topics.named(sub.topic());
            if (topic.isPresent()) {
                outgoing.add(SubscriberMessages.Outgoing.notice(sub, topic.get(), text.of(topic.get(), sub),
                        reference));
                sent.add(sub);
            }
        }
        List<SubscriberMessages.Sent> ids = messages.send(SubscriberMessages.Kind.BILLING_NOTICE, outgoing,
                clock.instant(), false);
        Map<Long, String> byId = new HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            if (ids.get(i).messageId() != null) {
                byId.put(sent.get(i).id(), ids.get(i).messageId());
            }
        }
        return byId;
    }

    /**
     * The records created in the month (Asia/Muscat), oldest first, each with the operator it goes to: the one
     * that carried the alert, else the one the subscription came in on, else the one serving the number's prefix.
     *
     * @param operator only this operator's records; null for all
     */
    void export(YearMonth month, String operator, Consumer<ChargeLine> out) {
        Instant from = start(month);
        Instant to = start(month.plusMonths(1));
        long after = 0;
        while (true) {
            List<ChargeLine> chunk = records.created(from, to, after, EXPORT_CHUNK);
            if (chunk.isEmpty()) {
                return;
            }
            Map<UUID, String> carried = outbound.operatorsOf(chunk.stream().map(ChargeLine::messageId)
                    .filter(id -> id != null).map(UUID::fromString).toList());
            for (ChargeLine line : chunk) {
                String carrier = line.messageId() == null ? null : carried.get(UUID.fromString(line.messageId()));
                String goesTo = carrier != null ? carrier
                        : line.operator() != null ? line.operator()
                        : outbound.homeOperator(line.msisdn()).orElse(null);
                if (operator == null || operator.equals(goesTo)) {
                    out.accept(line.withOperator(goesTo));
                }
            }
            after = chunk.get(chunk.size() - 1).recordId();
        }
    }
}
