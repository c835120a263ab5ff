package org.risala.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.risala.inbound.spi.Language;
import org.risala.outbound.OutboundProperties;
import org.risala.sms.InvalidMsisdnException;
import org.risala.sms.MsisdnParser;
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

    /** the longest event id a back office may use */
    static final int MAX_EVENT_ID = 100;
    /** the longest value of an event's data field; an alert is a sentence */
    static final int MAX_DATA_VALUE = 300;

    private final SubscriptionRepository subscriptions;
    private final Topics topics;
    private final AlertFanOut fanOut;
    private final Billing billing;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration confirmWithin;
    /** numbers given through the API are read as the messages API reads them */
    private final MsisdnParser numbers;

    Subscriptions(SubscriptionRepository subscriptions, Topics topics, AlertFanOut fanOut, Billing billing,
                  TransactionTemplate tx, Clock clock, SubscriptionsProperties properties,
                  OutboundProperties outbound) {
        this.numbers = new MsisdnParser(outbound.defaultRegion(), outbound.allowInternational());
        this.billing = billing;
        this.subscriptions = subscriptions;
        this.topics = topics;
        this.fanOut = fanOut;
        this.tx = tx;
        this.clock = clock;
        this.confirmWithin = properties.confirmWithin();
    }

    /**
     * Subscribes a citizen the client system has confirmed it with: the subscription is active at once (and a
     * MONTHLY one charged for this month), and the number comes off the opt-out list.
     *
     * @param actor who asked, for the history, e.g. {@code api:ePortal}
     * @return the subscription, and whether it was made now rather than active already
     * @throws SubscriptionRejected when a field is invalid
     */
    public Subscribed subscribe(NewSubscription request, String actor) {
        String msisdn = number("msisdn", request.msisdn());
        Topic topic = topic("topic", request.topic());
        String key = key("key", topic, request.key());
        Requested requested = request(msisdn, topic, key, language("language", request.language()), Channel.API, null, true,
                actor);
        return new Subscribed(SubscriptionView.of(subscriptions.live(msisdn, topic.name(), key).orElseThrow()),
                requested != Requested.ALREADY_ACTIVE);
    }

    /** what {@link #subscribe} did */
    public record Subscribed(SubscriptionView subscription, boolean created) {
    }

    /**
     * The number's pending and active subscriptions.
     *
     * @throws SubscriptionRejected when the number is not a mobile number
     */
    public List<SubscriptionView> of(String msisdn) {
        return subscriptions.liveOf(number("msisdn", msisdn)).stream().map(SubscriptionView::of).toList();
    }

    /** @return false when there is no such subscription, or it was stopped already */
    public boolean stop(long id, String actor) {
        return tx.execute(s -> subscriptions.byId(id).map(sub -> stopAll(List.of(sub), actor) == 1).orElse(false));
    }

    /** a number given through the API in E.164, read as the messages API reads it */
    String number(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new SubscriptionRejected(field, "is required");
        }
        try {
            return numbers.parse(raw).e164();
        } catch (InvalidMsisdnException e) {
            throw new SubscriptionRejected(field, e.getMessage());
        }
    }

    Topic topic(String field, String name) {
        return (name == null ? Optional.<Topic>empty() : topics.named(name))
                .orElseThrow(() -> new SubscriptionRejected(field, "must be one of " + topicNames()));
    }

    /** the key normalised as the topic's key type says */
    String key(String field, Topic topic, String raw) {
        return (raw == null ? Optional.<String>empty() : topic.key().normalise(raw)).orElseThrow(() ->
                new SubscriptionRejected(field, "must be a valid " + keyType(topic) + " for " + topic.name()));
    }

    static Language language(String field, String written) {
        if (written == null || written.isBlank()) {
            return Language.EN;
        }
        return switch (written.strip().toLowerCase(Locale.ROOT)) {
            case "en" -> Language.EN;
            case "ar" -> Language.AR;
            default -> throw new SubscriptionRejected(field, "must be en or ar");
        };
    }

    private String topicNames() {
        return topics.all().stream().map(Topic::name).collect(Collectors.joining(", "));
    }

    private static String keyType(Topic topic) {
        return topic.key().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** what is wrong with an event, each as {@code field: reason} (fields of the event: id, type, key…) */
    public List<String> problems(AlertEvent event) {
        List<String> problems = new ArrayList<>();
        if (event.id() == null || event.id().isBlank()) {
            problems.add("id: is required");
        } else if (event.id().length() > MAX_EVENT_ID) {
            problems.add("id: may be at most " + MAX_EVENT_ID + " characters");
        }
        Optional<Topic> topic = topics.of(event);
        if (event.givesExpiryDate()) {
            expiryProblems(event, topic, problems);
        } else if (topic.isEmpty()) {
            problems.add("type: must be one of " + topicNames() + ", " + AlertEvent.DOCUMENT_EXPIRY);
        }
        if (event.key() == null || event.key().isBlank()) {
            problems.add("key: is required");
        } else if (topic.isPresent() && topic.get().key().normalise(event.key()).isEmpty()) {
            problems.add("key: is not a valid " + keyType(topic.get()) + " for " + topic.get().name());
        }
        if (event.occurredAt() == null) {
            problems.add("occurredAt: is required");
        }
        event.data().forEach((name, value) -> {
            if (value != null && value.length() > MAX_DATA_VALUE) {
                problems.add("data." + name + ": may be at most " + MAX_DATA_VALUE + " characters");
            }
        });
        return problems;
    }

    private void expiryProblems(AlertEvent event, Optional<Topic> topic, List<String> problems) {
        if (topic.isEmpty()) {
            problems.add("data.topic: must be one of " + topics.all().stream().filter(Topic::remindsOfExpiry)
                    .map(Topic::name).collect(Collectors.joining(", ")));
        }
        String expiresOn = event.data().get("expiresOn");
        if (expiresOn == null) {
            problems.add("data.expiresOn: is required");
        } else if (ExpiryDate.parse(expiresOn).isEmpty()) {
            problems.add("data.expiresOn: must be a date, e.g. 2027-01-15");
        }
    }

    /**
     * Alerts the active subscriptions each event matches, all in one batch to outbound, and records the dates of
     * document.expiry events for the reminders; an event id received before is answered as a duplicate and sends
     * (or changes) nothing.
     *
     * @param testMode posted with a test key: the alerts only ever reach the simulator, and nothing is charged
     * @throws IllegalArgumentException when an event has {@link #problems}
     */
    public List<EventReceived> receive(List<AlertEvent> events, boolean testMode) {
        for (AlertEvent event : events) {
            if (!problems(event).isEmpty()) {
                throw new IllegalArgumentException("event " + event.id() + ": " + String.join("; ", problems(event)));
            }
        }
        return fanOut.receive(events, testMode);
    }

    /**
     * What operators reported of charges (see {@link ChargeReport}); a failed charge puts the subscription in grace.
     *
     * @param actor who reported, for the history, e.g. {@code api:omantel-billing}
     */
    public List<ChargeReport.Result> reportCharges(List<ChargeReport> reports, String actor) {
        return billing.report(reports, actor);
    }

    /**
     * The billing records created in the month (Asia/Muscat), oldest first, for the operators' reconciliation.
     *
     * @param operator only the records going to this operator; null for all
     */
    public void exportCharges(YearMonth month, String operator, Consumer<ChargeLine> out) {
        billing.export(month, operator, out);
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
            billing.activated(topic, live.get(), null, now);
            return Requested.ACTIVE;
        }
        long id = subscriptions.insert(msisdn, topic.name(), key,
                waits ? SubscriptionState.PENDING_CONFIRMATION : SubscriptionState.ACTIVE, language, channel,
                operator, now);
        subscriptions.history(id, waits ? "REQUESTED" : "CONFIRMED", actor, now);
        if (waits) {
            return Requested.WAITING_FOR_YES;
        }
        billing.activated(topic, subscriptions.live(msisdn, topic.name(), key).orElseThrow(), null, now);
        return Requested.ACTIVE;
    }

    /**
     * YES: confirms the number's newest subscription still waiting for it, if any, and charges the month of a
     * MONTHLY one.
     *
     * @param inboundId the SMS that said YES, kept with the charge
     */
    Optional<Subscription> confirmNewest(String msisdn, String actor, long inboundId) {
        return tx.execute(s -> {
            Instant now = clock.instant();
            Optional<Subscription> pending = subscriptions.newestPending(msisdn, now.minus(confirmWithin));
            if (pending.isEmpty() || !subscriptions.confirm(pending.get().id(), now)) {
                return Optional.<Subscription>empty();
            }
            subscriptions.history(pending.get().id(), "CONFIRMED", actor, now);
            topics.named(pending.get().topic())
                    .ifPresent(topic -> billing.activated(topic, pending.get(), inboundId, now));
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
