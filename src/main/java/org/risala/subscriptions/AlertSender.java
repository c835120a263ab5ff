package org.risala.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.risala.outbound.BatchItem;
import org.risala.outbound.OutboundMessaging;
import org.risala.outbound.Priority;
import org.risala.outbound.SendRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a subscription's SMS — an event's alert or an expiry reminder — to outbound, all of one call in one batch:
 * from the subscriptions' short code, through the operator the subscription came in on. The one place these are
 * made into {@link SendRequest}s.
 *
 * <p>An SMS of a topic that may not be sent in quiet hours, and is sent in them, is held: it is stored now with a
 * {@code sendAt} at the end of the quiet hours, and its validity counts from then, so the night does not use it up.
 */
@Component
class AlertSender {

    private static final Logger log = LoggerFactory.getLogger(AlertSender.class);
    /** as much of outbound's reason as is kept with a reminder */
    static final int MAX_REFUSAL = 300;

    /** what is sent, as outbound tells it apart in its figures, and in which lane */
    enum Kind {
        /** an event a citizen asked to hear of: high priority, like a reply */
        ALERT("alert", Priority.HIGH),
        /** a reminder planned weeks ahead: it must not hold up alerts, replies and one-time codes */
        REMINDER("reminder", Priority.NORMAL);

        final String origin;
        final Priority priority;

        Kind(String origin, Priority priority) {
            this.origin = origin;
            this.priority = priority;
        }
    }

    /**
     * One SMS to send.
     *
     * @param reference what it is about, kept with the message: the event id, or the reminder's
     */
    record Alert(String reference, Topic topic, Subscription subscription, String text) {
    }

    private final OutboundMessaging outbound;
    private final QuietHours quietHours;
    private final String sender;

    AlertSender(OutboundMessaging outbound, QuietHours quietHours, SubscriptionsProperties properties) {
        this.outbound = outbound;
        this.quietHours = quietHours;
        this.sender = properties.sender();
    }

    /** what outbound did with one: the id of the message it accepted, or why it refused it */
    record Sent(String messageId, String refused) {
    }

    /**
     * @param now      when they are sent, for the quiet hours
     * @param testMode asked for with a test key: they only ever reach the simulator
     * @return for each alert in order, what outbound did with it (a refusal is logged)
     */
    List<Sent> send(Kind kind, List<Alert> alerts, Instant now, boolean testMode) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        Instant heldUntil = quietHours.heldUntil(now).orElse(null);
        List<SendRequest> requests = alerts.stream().map(a -> new SendRequest(null, kind.origin,
                a.subscription().msisdn(), a.text(), sender, kind.priority, a.reference(),
                a.topic().quietHoursAllowed() ? null : heldUntil, null, null, testMode, null, null,
                a.subscription().operator())).toList();
        List<Sent> sent = new ArrayList<>(alerts.size());
        for (BatchItem item : outbound.sendBatch(requests)) {
            if (item.rejected() != null) {
                Alert a = alerts.get(item.index());
                // the reason may echo the number, so the log names only the field
                log.warn("{} {} to subscription {} not sent: {} refused", kind.origin, a.reference(),
                        a.subscription().id(), item.rejected().field());
                String why = item.rejected().field() + ": " + item.rejected().reason();
                sent.add(new Sent(null, why.length() > MAX_REFUSAL ? why.substring(0, MAX_REFUSAL) : why));
            } else {
                sent.add(new Sent(item.accepted().id().toString(), null));
            }
        }
        return sent;
    }
}
