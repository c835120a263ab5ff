package org.risala.subscriptions;

import java.time.Instant;
import java.util.List;
import java.time.YearMonth;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * Writes the charges of priced topics, inside the caller's transaction: the month a MONTHLY subscription is
 * confirmed in, and each alert of a PER_ALERT one that outbound accepted. Later slices (not built yet): renewal
 * each month, grace and suspension when a charge fails, and the CSV export for the operators.
 */
@Component
class Billing {

    /** months are Oman's calendar months */
    static final ZoneId MUSCAT = ZoneId.of("Asia/Muscat");

    private final BillingRepository records;

    Billing(BillingRepository records) {
        this.records = records;
    }

    static String period(Instant at) {
        return YearMonth.from(at.atZone(MUSCAT)).toString();
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
}
