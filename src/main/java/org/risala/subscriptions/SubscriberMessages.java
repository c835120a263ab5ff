package org.risala.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.risala.outbound.BatchItem;
import org.risala.outbound.OutboundMessaging;
import org.risala.outbound.Priority;
import org.risala.outbound.SendRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Everything the subscriptions send a subscriber (alerts, renewal and billing notices) goes out here: in one batch
 * to outbound, at high priority, from the short code, through the operator the subscription came in on.
 */
@Component
class SubscriberMessages {

    private static final Logger log = LoggerFactory.getLogger(SubscriberMessages.class);
    static final String ORIGIN = "alert";

    /**
     * One SMS to a subscriber.
     *
     * @param reference what it is about, kept with the message: the event id of an alert, e.g.
     * @param service   how it is marked for the operators
     */
    record Outgoing(Subscription subscription, String text, String reference, SendRequest.Service service) {
    }

    private final OutboundMessaging outbound;
    private final String sender;

    SubscriberMessages(OutboundMessaging outbound, SubscriptionsProperties properties) {
        this.outbound = outbound;
        this.sender = properties.sender();
    }

    /**
     * @param testMode asked for with a test key: only ever reaches the simulator
     * @return per message, in order, the id outbound gave it, or empty when outbound refused it (logged)
     */
    List<Optional<String>> send(List<Outgoing> messages, boolean testMode) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<SendRequest> requests = messages.stream().map(m -> new SendRequest(null, ORIGIN,
                m.subscription().msisdn(), m.text(), sender, Priority.HIGH, m.reference(), null, null, null, testMode,
                null, null, m.subscription().operator(), m.service())).toList();
        List<Optional<String>> ids = new ArrayList<>(messages.size());
        for (BatchItem item : outbound.sendBatch(requests)) {
            if (item.rejected() != null) {
                Outgoing m = messages.get(item.index());
                log.warn("message {} to subscription {} not sent: {} {}", m.reference(), m.subscription().id(),
                        item.rejected().field(), item.rejected().reason());
                ids.add(Optional.empty());
            } else {
                ids.add(Optional.of(item.accepted().id().toString()));
            }
        }
        return ids;
    }
}
