package org.risala.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    private final OutboundMessaging outbound;
    private final String sender;

    SubscriberMessages(OutboundMessaging outbound, SubscriptionsProperties properties) {
        this.outbound = outbound;
        this.sender = properties.sender();
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
        for (BatchItem item : outbound.sendBatch(requests)) {
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
}
