package org.risala.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.risala.inbound.spi.Language;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The subscriptions module's facade: subscribing, confirming and stopping, each change in one transaction with its
 * history row. At most one live (pending or active) subscription per number, topic and key is kept by a unique
 * index, so two SUBs at once cannot both insert one.
 */
@Component
public class Subscriptions {

    /** what a SUB led to */
    enum Requested {
        /** priced: waiting for YES */
        WAITING_FOR_YES,
        /** free, or confirmed elsewhere: active now */
        ACTIVE,
        ALREADY_ACTIVE
    }

    private final SubscriptionRepository subscriptions;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration confirmWithin;

    Subscriptions(SubscriptionRepository subscriptions, TransactionTemplate tx, Clock clock,
                  SubscriptionsProperties properties) {
        this.subscriptions = subscriptions;
        this.tx = tx;
        this.clock = clock;
        this.confirmWithin = properties.confirmWithin();
    }

    /**
     * A number asks to subscribe. A priced topic asked for by SMS waits for YES; a free one, or one the caller
     * has confirmed with the citizen ({@code confirmed}), is active at once. Subscribing takes the number off the
     * opt-out list.
     */
    Requested request(String msisdn, Topic topic, String key, Language language, Channel channel, String operator,
                      boolean confirmed, String actor) {
        try {
            return tx.execute(s -> requestOnce(msisdn, topic, key, language, channel, operator, confirmed, actor));
        } catch (DuplicateKeyException e) {
            // the same SUB arrived twice at once and the other one inserted first: answer as if it came second
            return tx.execute(s -> requestOnce(msisdn, topic, key, language, channel, operator, confirmed, actor));
        }
    }

    private Requested requestOnce(String msisdn, Topic topic, String key, Language language, Channel channel,
                                  String operator, boolean confirmed, String actor) {
        Instant now = clock.instant();
        subscriptions.clearOptOut(msisdn);
        boolean waits = topic.priced() && !confirmed;
        Optional<Subscription> live = subscriptions.live(msisdn, topic.name(), key);
        if (live.isPresent() && live.get().state() == SubscriptionState.ACTIVE) {
            return Requested.ALREADY_ACTIVE;
        }
        if (live.isPresent()) {
            long id = live.get().id();
            if (waits) {
                subscriptions.renewPending(id, language, operator, now);
                subscriptions.history(id, "REQUESTED", actor, now);
                return Requested.WAITING_FOR_YES;
            }
            subscriptions.confirm(id, now);
            subscriptions.history(id, "CONFIRMED", actor, now);
            return Requested.ACTIVE;
        }
        long id = subscriptions.insert(msisdn, topic.name(), key,
                waits ? SubscriptionState.PENDING_CONFIRMATION : SubscriptionState.ACTIVE, language, channel,
                operator, now);
        subscriptions.history(id, waits ? "REQUESTED" : "CONFIRMED", actor, now);
        return waits ? Requested.WAITING_FOR_YES : Requested.ACTIVE;
    }

    /** YES: confirms the number's newest subscription still waiting for it, if any */
    Optional<Subscription> confirmNewest(String msisdn, String actor) {
        return tx.execute(s -> {
            Instant now = clock.instant();
            Optional<Subscription> pending = subscriptions.newestPending(msisdn, now.minus(confirmWithin));
            if (pending.isEmpty() || !subscriptions.confirm(pending.get().id(), now)) {
                return Optional.<Subscription>empty();
            }
            subscriptions.history(pending.get().id(), "CONFIRMED", actor, now);
            return pending;
        });
    }

    /** stops the number's live subscriptions to the topic, only the one for {@code key} when it is given */
    int stop(String msisdn, Topic topic, String key, String actor) {
        return tx.execute(s -> stopAll(subscriptions.liveOf(msisdn).stream()
                .filter(sub -> sub.topic().equals(topic.name()) && (key == null || sub.key().equals(key)))
                .toList(), actor));
    }

    /** STOP ALL: stops every subscription of the number and puts it on the opt-out list */
    int stopEverything(String msisdn, String actor) {
        return tx.execute(s -> {
            subscriptions.optOut(msisdn, clock.instant());
            return stopAll(subscriptions.liveOf(msisdn), actor);
        });
    }

    private int stopAll(List<Subscription> live, String actor) {
        Instant now = clock.instant();
        int stopped = 0;
        for (Subscription sub : live) {
            if (subscriptions.stop(sub.id(), now)) {
                subscriptions.history(sub.id(), "STOPPED", actor, now);
                stopped++;
            }
        }
        return stopped;
    }

    List<Subscription> active(String msisdn) {
        return subscriptions.activeOf(msisdn);
    }

    Duration confirmWithin() {
        return confirmWithin;
    }
}
