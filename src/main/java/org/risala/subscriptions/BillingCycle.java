package org.risala.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly round of priced subscriptions, on every node (each step is safe to run on several at once):
 * <ul>
 *   <li>renewal: from the first of a month (Asia/Muscat), every MONTHLY subscription that was active before the
 *       month began is charged for it, once (the unique index on subscription and period);</li>
 *   <li>notices: from {@code renewal-notice} before the first, each active MONTHLY subscriber is told the price and
 *       how to stop, once per month (the notice's primary key is the claim);</li>
 *   <li>suspension: a subscription whose grace after a failed charge ended unpaid is SUSPENDED, and told.</li>
 * </ul>
 * After downtime the round catches up: the month is charged and the notice sent when the node is back.
 */
@Component
class BillingCycle {

    private static final Logger log = LoggerFactory.getLogger(BillingCycle.class);
    /** subscriptions told per transaction */
    private static final int ROUND = 1000;

    private final Topics topics;
    private final BillingRepository records;
    private final SubscriptionRepository subscriptions;
    private final Billing billing;
    private final CommandReplies replies;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SubscriptionsProperties.BillingCycle cycle;

    BillingCycle(Topics topics, BillingRepository records, SubscriptionRepository subscriptions, Billing billing,
                 TransactionTemplate tx, Clock clock, SubscriptionsProperties properties) {
        this.topics = topics;
        this.records = records;
        this.subscriptions = subscriptions;
        this.billing = billing;
        this.replies = new CommandReplies(topics, properties.confirmWithin());
        this.tx = tx;
        this.clock = clock;
        this.cycle = properties.billing();
    }

    @Scheduled(initialDelayString = "${risala.subscriptions.billing.interval:1m}",
            fixedDelayString = "${risala.subscriptions.billing.interval:1m}")
    void run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        renew(now);
        sendRenewalNotices(now);
        suspendUnpaid(now);
    }

    private List<Topic> monthly() {
        return topics.all().stream().filter(t -> t.plan() == PricePlan.MONTHLY).toList();
    }

    /** @return the subscriptions charged for the current month now */
    int renew(Instant now) {
        YearMonth month = YearMonth.from(now.atZone(Billing.MUSCAT));
        int charged = 0;
        for (Topic topic : monthly()) {
            charged += tx.execute(s -> records.renew(topic, month.toString(), Billing.start(month), now));
        }
        if (charged > 0) {
            log.info("{} subscriptions renewed for {}", charged, month);
        }
        return charged;
    }

    /** @return the subscribers told of next month's renewal now */
    int sendRenewalNotices(Instant now) {
        YearMonth next = YearMonth.from(now.atZone(Billing.MUSCAT)).plusMonths(1);
        if (now.isBefore(Billing.start(next).minus(cycle.renewalNotice()))) {
            return 0;
        }
        List<String> names = monthly().stream().map(Topic::name).toList();
        if (names.isEmpty()) {
            return 0;
        }
        LocalDate renewsOn = next.atDay(1);
        int told = 0;
        while (true) {
            int round = tx.execute(s -> {
                List<Subscription> claimed = records.claimNotices(names, next.toString(), now, ROUND);
                Map<Long, String> sent = billing.notify(claimed,
                        (topic, sub) -> replies.renewalNotice(topic, sub.key(), renewsOn, sub.language()),
                        "renewal-" + next);
                records.noticesSent(next.toString(), sent);
                return claimed.size();
            });
            told += round;
            if (round < ROUND) {
                break;
            }
        }
        if (told > 0) {
            log.info("{} subscribers told of their renewal on {}", told, renewsOn);
        }
        return told;
    }

    /** @return the subscriptions suspended now */
    int suspendUnpaid(Instant now) {
        int suspended = 0;
        while (true) {
            int round = tx.execute(s -> {
                List<Subscription> due = subscriptions.graceEnded(now, ROUND);
                if (due.isEmpty()) {
                    return 0;
                }
                List<Long> ids = due.stream().map(Subscription::id).toList();
                subscriptions.suspend(ids, now);
                subscriptions.histories(ids, "SUSPENDED", "billing", null, now);
                billing.notify(due, (topic, sub) -> replies.suspended(topic, sub.key(), sub.language()), "suspended");
                return due.size();
            });
            suspended += round;
            if (round < ROUND) {
                break;
            }
        }
        if (suspended > 0) {
            log.info("{} subscriptions suspended: their charge was not collected within {}", suspended, cycle.grace());
        }
        return suspended;
    }
}
