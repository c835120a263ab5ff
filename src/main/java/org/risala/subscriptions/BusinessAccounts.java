package org.risala.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.risala.records.Normalisations;
import org.risala.subscriptions.BusinessAccountRepository.Held;
import org.risala.subscriptions.BusinessAccountRepository.Key;
import org.risala.subscriptions.BusinessAccountRepository.Wanted;
import org.risala.subscriptions.LineResult.Outcome;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * G2B: a business account subscribes many keys at once for its contact numbers, through the client system that
 * created it (no other client sees it). Each key becomes one ordinary subscription per contact number, active at
 * once (the business confirmed it) and charged like any other; see the package description for why.
 *
 * <p>A contact number that sent STOP ALL is on the opt-out list and is not subscribed by the business until it
 * subscribes itself again: the person holding the phone decides. Its STOP, of one subscription or all, stops the
 * business's subscriptions of that number like its own.
 *
 * <p>Every change of an account runs with the account's row locked, so two uploads of one business run one after
 * the other; each request's rows are written in batches.
 */
@Component
public class BusinessAccounts {

    static final int MAX_CONTACTS = 10;
    static final int MAX_NAME = 200;
    static final int MAX_REGISTRATION = 20;

    private final BusinessAccountRepository accounts;
    private final SubscriptionRepository subscriptions;
    private final Subscriptions fields;
    private final Topics topics;
    private final Billing billing;
    private final TransactionTemplate tx;
    private final Clock clock;

    BusinessAccounts(BusinessAccountRepository accounts, SubscriptionRepository subscriptions, Subscriptions fields,
                     Topics topics, Billing billing, TransactionTemplate tx, Clock clock) {
        this.accounts = accounts;
        this.subscriptions = subscriptions;
        this.fields = fields;
        this.topics = topics;
        this.billing = billing;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @param clientId the client system that will manage it
     * @throws SubscriptionRejected  when a field is invalid
     * @throws BusinessAccountExists when the commercial registration has an account already
     */
    public BusinessAccount create(NewBusinessAccount request, long clientId) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new SubscriptionRejected("name", "is required, at most " + MAX_NAME + " characters");
        }
        String registration = request.commercialRegistration() == null ? null
                : Normalisations.DIGITS.normalise(request.commercialRegistration())
                        .filter(digits -> digits.length() <= MAX_REGISTRATION).orElse(null);
        if (registration == null) {
            throw new SubscriptionRejected("commercialRegistration",
                    "must be the commercial registration number, up to " + MAX_REGISTRATION + " digits");
        }
        List<String> contacts = contacts(request.contacts());
        try {
            return tx.execute(s -> {
                long id = accounts.insert(name, registration, clientId, clock.instant());
                accounts.addContacts(id, contacts);
                return accounts.find(id).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            throw new BusinessAccountExists(accounts.idOf(registration).orElseThrow(() -> e));
        }
    }

    /** empty when there is no such account or another client manages it */
    public Optional<BusinessAccount> find(long id, long clientId) {
        return accounts.managedBy(id, clientId) ? accounts.find(id) : Optional.empty();
    }

    /**
     * Replaces the contact numbers: a number no longer named has the business's subscriptions stopped, a new one
     * gets every key the business holds (unless it opted out).
     *
     * @return empty when there is no such account or another client manages it
     * @throws SubscriptionRejected when a number is invalid
     */
    public Optional<BusinessAccount> replaceContacts(long id, List<String> numbers, long clientId, String actor) {
        List<String> wanted = contacts(numbers);
        return tx.execute(s -> {
            if (!accounts.lockManaged(id, clientId)) {
                return Optional.<BusinessAccount>empty();
            }
            Instant now = now();
            List<String> current = accounts.contacts(id);
            // read before any is stopped: a business that replaces all its numbers keeps its keys
            List<Key> keys = accounts.keysOf(id);
            List<String> removed = current.stream().filter(m -> !wanted.contains(m)).toList();
            List<String> added = wanted.stream().filter(m -> !current.contains(m)).toList();
            if (!removed.isEmpty()) {
                List<Long> stopped = accounts.liveFor(id, removed);
                accounts.stopFor(id, removed, now);
                subscriptions.histories(stopped, "STOPPED", actor, "contact number removed from business account "
                        + id, now);
                accounts.removeContacts(id, removed);
            }
            if (!added.isEmpty()) {
                accounts.addContacts(id, added);
                subscribe(id, added.stream().filter(m -> !subscriptions.optedOut(m)).toList(), keys.stream()
                        .flatMap(k -> topics.named(k.topic()).map(t -> new Line(t, k.key(), k.language())).stream())
                        .toList(), actor, now);
            }
            return accounts.find(id);
        });
    }

    /**
     * Subscribes each valid line for every contact number that has not opted out; an invalid line is answered with
     * its errors and never keeps the others from being subscribed.
     *
     * @return empty when there is no such account or another client manages it
     * @throws SubscriptionRejected when every contact number has opted out, so that nothing can be subscribed
     */
    public Optional<BusinessSubscribed> subscribe(long id, List<SubscriptionLine> lines, long clientId,
                                                  String actor) {
        LineResult[] results = new LineResult[lines.size()];
        Map<Integer, Line> valid = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            SubscriptionLine line = lines.get(i);
            List<String> errors = new ArrayList<>();
            Topic topic = checked(errors, () -> fields.topic("topic", line.topic()));
            String key = topic == null ? null : checked(errors, () -> fields.key("key", topic, line.key()));
            String language = checked(errors, () -> Subscriptions.language("language", line.language()).name());
            if (key != null) {
                Integer first = seen.putIfAbsent(topic.name() + " " + key, line.row());
                if (first != null) {
                    errors.add("key: repeats row " + first);
                }
            }
            if (errors.isEmpty()) {
                valid.put(i, new Line(topic, key, language));
            } else {
                results[i] = new LineResult(line.row(), line.topic(), key == null ? line.key() : key, Outcome.ERROR,
                        errors);
            }
        }
        return tx.execute(s -> {
            if (!accounts.lockManaged(id, clientId)) {
                return Optional.<BusinessSubscribed>empty();
            }
            List<String> contacts = accounts.contacts(id);
            List<String> optedOut = contacts.stream().filter(subscriptions::optedOut).toList();
            if (optedOut.size() == contacts.size() && !valid.isEmpty()) {
                throw new SubscriptionRejected("contacts", "every contact number of the business has sent STOP ALL;"
                        + " name another number, or have one subscribe itself again");
            }
            Set<String> made = subscribe(id, contacts.stream().filter(m -> !optedOut.contains(m)).toList(),
                    List.copyOf(valid.values()), actor, now());
            valid.forEach((i, line) -> results[i] = new LineResult(lines.get(i).row(), line.topic().name(),
                    line.key(), made.contains(line.topic().name() + " " + line.key()) ? Outcome.CREATED
                    : Outcome.ACTIVE, List.of()));
            return Optional.of(new BusinessSubscribed(List.of(results), optedOut));
        });
    }

    /** a valid key to subscribe, with the language of its alerts ({@code EN}, {@code AR}) */
    private record Line(Topic topic, String key, String language) {
    }

    /**
     * Subscribes the contacts to the keys they do not hold yet, in batches: the subscriptions, their history and
     * the charges of MONTHLY topics. Runs in the caller's transaction, with the account locked.
     *
     * @return the keys, as {@code topic key}, now subscribed for at least one of the contacts
     */
    private Set<String> subscribe(long id, List<String> contacts, List<Line> lines, String actor, Instant now) {
        if (contacts.isEmpty() || lines.isEmpty()) {
            return Set.of();
        }
        Set<Held> held = new HashSet<>(accounts.liveOf(contacts));
        List<Wanted> wanted = new ArrayList<>();
        for (Line line : lines) {
            for (String contact : contacts) {
                if (!held.contains(new Held(contact, line.topic().name(), line.key()))) {
                    wanted.add(new Wanted(contact, line.topic(), line.key(), line.language()));
                }
            }
        }
        if (wanted.isEmpty()) {
            return Set.of();
        }
        accounts.insertActive(id, wanted, now);
        List<Subscription> made = accounts.madeAt(id, now);
        subscriptions.histories(made.stream().map(Subscription::id).toList(), "CONFIRMED", actor,
                "business account " + id, now);
        made.stream().collect(Collectors.groupingBy(Subscription::topic)).forEach((topic, subs) ->
                topics.named(topic).ifPresent(t -> billing.activated(t, subs, now)));
        return made.stream().map(sub -> sub.topic() + " " + sub.key()).collect(Collectors.toSet());
    }

    /** the numbers in E.164, each once, in the order given */
    private List<String> contacts(List<String> numbers) {
        if (numbers == null || numbers.isEmpty() || numbers.size() > MAX_CONTACTS) {
            throw new SubscriptionRejected("contacts", "must hold 1 to " + MAX_CONTACTS + " mobile numbers");
        }
        Set<String> contacts = new LinkedHashSet<>();
        for (int i = 0; i < numbers.size(); i++) {
            contacts.add(fields.number("contacts[" + i + "]", numbers.get(i)));
        }
        return List.copyOf(contacts);
    }

    /** what the check gives, or null with its problem added as {@code field: reason} */
    private static <T> T checked(List<String> errors, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (SubscriptionRejected e) {
            errors.add(e.field() + ": " + e.reason());
            return null;
        }
    }

    /** to the microsecond both databases keep, so that {@link BusinessAccountRepository#madeAt} finds it again */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
