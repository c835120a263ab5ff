package org.risala.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.risala.inbound.spi.Language;
import org.risala.outbound.SendRequest;
import org.risala.records.Normalisations;
import org.risala.sms.Msisdn;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The civil registry reports that a citizen's number changed: every live subscription of the old number moves to the
 * new one (subscriptions are held by number, so all of them are the person's), and the person is told at both
 * numbers. A subscription the new number has already is kept there and the old one's copy is stopped as merged (an
 * active one wins over one waiting for YES). The civil ID goes into each moved subscription's history.
 *
 * <p>An opt-out travels with the person: the new number is opted out when the old one was (and stays so when it
 * was itself), and the old number leaves the list, since its next holder is someone else.
 *
 * <p>The change is recorded first under a unique key (civil ID, both numbers, reference), in the transaction that
 * moves the subscriptions, so a repeated or concurrent report moves and sends nothing twice. The notices are
 * stored by outbound just before that transaction commits, as alerts are (see {@link AlertFanOut}).
 */
@Component
public class NumberChanges {

    static final int MAX_REFERENCE = 100;

    private final NumberChangeRepository changes;
    private final SubscriptionRepository subscriptions;
    private final Subscriptions fields;
    private final SubscriberMessages messages;
    private final TransactionTemplate tx;
    private final Clock clock;

    NumberChanges(NumberChangeRepository changes, SubscriptionRepository subscriptions, Subscriptions fields,
                  SubscriberMessages messages, TransactionTemplate tx, Clock clock) {
        this.changes = changes;
        this.subscriptions = subscriptions;
        this.fields = fields;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @param actor    who reported it, for the history: {@code api:<client>}
     * @param testMode reported with a test key: the notices only ever reach the simulator
     * @throws SubscriptionRejected when a field is invalid
     */
    public NumberChanged change(NumberChange request, String actor, boolean testMode) {
        String civilId = request.civilId() == null ? null
                : Normalisations.CIVIL_ID.normalise(request.civilId()).orElse(null);
        if (civilId == null) {
            throw new SubscriptionRejected("civilId", "must be a civil number, 6 to 10 digits");
        }
        String from = fields.number("oldNumber", request.oldNumber());
        String to = fields.number("newNumber", request.newNumber());
        if (from.equals(to)) {
            throw new SubscriptionRejected("newNumber", "is the same number as oldNumber");
        }
        String reference = request.reference() == null ? "" : request.reference().strip();
        if (reference.length() > MAX_REFERENCE) {
            throw new SubscriptionRejected("reference", "may be at most " + MAX_REFERENCE + " characters");
        }
        return tx.execute(s -> {
            Instant now = clock.instant();
            boolean first = changes.record(civilId, from, to, reference, actor, now);
            NumberChangeRepository.Recorded recorded = changes.find(civilId, from, to, reference);
            if (!first) {
                return new NumberChanged(recorded.id(), from, to, recorded.moved(), recorded.merged(), List.of(),
                        false, true);
            }
            String detail = "number change " + recorded.id() + ": " + from + " to " + to + ", civil ID " + civilId
                    + (reference.isEmpty() ? "" : ", reference " + reference);
            List<Subscription> old = subscriptions.liveOf(from);
            Map<String, Subscription> there = subscriptions.liveOf(to).stream()
                    .collect(Collectors.toMap(NumberChanges::record, Function.identity()));
            List<Subscription> moved = new ArrayList<>();
            List<Subscription> merged = new ArrayList<>();
            for (Subscription sub : old) {
                Subscription kept = there.get(record(sub));
                if (kept != null && (kept.state() == SubscriptionState.ACTIVE
                        || sub.state() == SubscriptionState.PENDING_CONFIRMATION)) {
                    merge(sub, kept, actor, detail, now);
                    merged.add(sub);
                    continue;
                }
                if (kept != null) {
                    // the new number only waits for YES to what the person had active: the active one moves
                    merge(kept, sub, actor, detail, now);
                }
                changes.move(sub.id(), to);
                moved.add(sub);
            }
            subscriptions.histories(moved.stream().map(Subscription::id).toList(), "MOVED", actor, detail, now);
            if (subscriptions.optedOut(from)) {
                subscriptions.optOut(to, now);
                subscriptions.clearOptOut(from);
            }
            changes.moveContacts(from, to);
            changes.done(recorded.id(), moved.size(), merged.size());
            boolean notify = !moved.isEmpty() || !merged.isEmpty();
            if (notify) {
                List<Subscription> all = new ArrayList<>(moved);
                all.addAll(merged);
                tell(recorded.id(), from, to, all, testMode);
            }
            Set<Long> ids = moved.stream().map(Subscription::id).collect(Collectors.toSet());
            return new NumberChanged(recorded.id(), from, to, moved.size(), merged.size(), subscriptions.liveOf(to)
                    .stream().filter(sub -> ids.contains(sub.id())).map(SubscriptionView::of).toList(), notify,
                    false);
        });
    }

    /** what the unique live index holds a subscription by, besides the number */
    private static String record(Subscription s) {
        return s.topic() + " " + s.key();
    }

    private void merge(Subscription stopped, Subscription kept, String actor, String detail, Instant now) {
        subscriptions.stop(stopped.id(), now);
        subscriptions.histories(List.of(stopped.id()), "MERGED", actor, detail + "; kept subscription " + kept.id(),
                now);
    }

    /** one SMS to each number, in the language of the subscriptions, or in both when they differ */
    private void tell(long changeId, String from, String to, List<Subscription> subs, boolean testMode) {
        Set<Language> languages = subs.stream().map(Subscription::language).collect(Collectors.toSet());
        String oldOperator = subs.stream().map(Subscription::operator).filter(Objects::nonNull).findFirst()
                .orElse(null);
        String reference = SubscriberMessages.Kind.NUMBER_CHANGE.origin + "-" + changeId;
        messages.send(SubscriberMessages.Kind.NUMBER_CHANGE, List.of(
                new SubscriberMessages.Outgoing(from, oldOperator, in(languages, movedAwayEn(to), movedAwayAr(to)),
                        reference, SendRequest.Service.NONE, true),
                new SubscriberMessages.Outgoing(to, null, in(languages, movedHereEn(from), movedHereAr(from)),
                        reference, SendRequest.Service.NONE, true)), clock.instant(), testMode);
    }

    private static String in(Set<Language> languages, String en, String ar) {
        if (languages.size() > 1) {
            return en + "\n" + ar;
        }
        return languages.contains(Language.AR) ? ar : en;
    }

    /** the old number may have a new holder already: it is told the new number masked */
    static String movedAwayEn(String to) {
        return "Your alert subscriptions have moved to your new number " + Msisdn.of(to).masked()
                + ", as the civil registry reported. This number gets no more alerts.";
    }

    static String movedAwayAr(String to) {
        return "تم نقل اشتراكاتك في التنبيهات إلى رقمك الجديد " + Msisdn.of(to).masked()
                + " بناء على بلاغ السجل المدني. لن تصل التنبيهات إلى هذا الرقم بعد الآن.";
    }

    static String movedHereEn(String from) {
        return "Your alert subscriptions have moved to this number from " + Msisdn.of(from).masked()
                + ". Send MY to see them, STOP ALL to stop them.";
    }

    static String movedHereAr(String from) {
        return "تم نقل اشتراكاتك في التنبيهات إلى هذا الرقم من " + Msisdn.of(from).masked()
                + ". أرسل اشتراكاتي لعرضها أو الغاء الكل لإيقافها.";
    }
}
