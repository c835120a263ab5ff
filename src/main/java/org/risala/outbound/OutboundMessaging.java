package org.risala.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.risala.sms.MessageText;
import org.risala.sms.MsisdnParser;
import org.risala.storage.GroupCommit;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbound module's facade: every SMS Risala sends goes through {@link #send}. A message is committed to the
 * database before this returns, so "accepted" always means "will be delivered, fail with a reason, or expire".
 */
@Component
public class OutboundMessaging {

    private final MessageComposer composer;
    private final MessageRepository messages;
    private final MessageQueries queries;
    private final Dispatcher dispatcher;
    private final OutboundMetrics metrics;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MsisdnParser numbers;
    private final GroupCommit<NewMessage> writer;
    private final java.time.Duration storeTimeout;
    private final OperatorRouter router;

    OutboundMessaging(MessageComposer composer, MessageRepository messages, MessageQueries queries,
                      Dispatcher dispatcher, OutboundMetrics metrics, TransactionTemplate tx, Clock clock,
                      OutboundProperties properties, OperatorRouter router) {
        this.router = router;
        this.composer = composer;
        this.messages = messages;
        this.queries = queries;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.tx = tx;
        this.clock = clock;
        this.storeTimeout = properties.storeTimeout();
        this.numbers = new MsisdnParser(properties.defaultRegion(), properties.allowInternational());
        this.writer = new GroupCommit<>("accept", properties.writerThreads(), 2000, tx, messages::insert);
    }

    /**
     * @throws SendRejected        when a field is invalid
     * @throws IdempotencyConflict when the idempotency key was used for a different request
     * @throws StoreUnavailable    when the message could not be stored (it is then not accepted)
     */
    public Accepted send(SendRequest request) {
        MessageComposer.Composed composed = composer.compose(request, clock.instant());
        NewMessage m = composed.message();
        if (m.idempotencyKey() != null && m.clientId() != null) {
            Optional<Accepted> earlier = sendOnce(m, composed.warnings());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        } else {
            await(writer.submitAll(List.of(m)));
        }
        accepted(List.of(m));
        return accepted(m, composed.warnings());
    }

    /** validates each item on its own and stores the valid ones in one transaction */
    public List<BatchItem> sendBatch(List<SendRequest> requests) {
        Instant now = clock.instant();
        List<BatchItem> items = new ArrayList<>(requests.size());
        List<NewMessage> valid = new ArrayList<>(requests.size());
        List<List<String>> warnings = new ArrayList<>(requests.size());
        Map<String, MessageText> texts = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                MessageComposer.Composed c = composer.compose(requests.get(i), now,
                        text -> texts.computeIfAbsent(text, MessageText::of));
                valid.add(c.message());
                warnings.add(c.warnings());
                items.add(null);
            } catch (SendRejected e) {
                items.add(new BatchItem(i, null, e));
            }
        }
        await(writer.submitAll(valid));
        accepted(valid);
        int next = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                items.set(i, new BatchItem(i, accepted(valid.get(next), warnings.get(next)), null));
                next++;
            }
        }
        return items;
    }

    public Optional<MessageView> find(UUID id) {
        return queries.find(id);
    }

    public List<MessageView> findByReference(long clientId, String reference) {
        return queries.findByReference(clientId, reference, 1000);
    }

    /** messages the client had accepted since the given time, for daily quotas */
    public long countAccepted(long clientId, Instant since) {
        return queries.countAccepted(clientId, since);
    }

    /** the operator each of the messages went (or goes) through; ids of no message are left out */
    public Map<UUID, String> operatorsOf(Collection<UUID> ids) {
        return queries.operatorsOf(ids);
    }

    /** the operator whose prefixes serve the number (E.164), whichever is up; empty when none may carry it */
    public Optional<String> homeOperator(String e164) {
        return router.home(e164);
    }

    /** @throws SendRejected when the number given to search for is not a valid number */
    public List<MessageView> search(MessageSearch search) {
        String recipient = null;
        if (search.to() != null && !search.to().isBlank()) {
            recipient = numbers.tryParse(search.to()).map(n -> n.e164())
                    .orElseThrow(() -> new SendRejected("to", "not a valid mobile number"));
        }
        return queries.search(search, recipient);
    }

    private Optional<Accepted> sendOnce(NewMessage m, List<String> warnings) {
        Optional<Accepted> earlier = replay(m, warnings);
        if (earlier.isPresent()) {
            return earlier;
        }
        try {
            tx.executeWithoutResult(s -> messages.insert(List.of(m)));
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            // a concurrent request with the same key won the race
            return Optional.of(replay(m, warnings).orElseThrow(() -> new StoreUnavailable(e)));
        } catch (DataAccessException e) {
            throw new StoreUnavailable(e);
        }
    }

    private Optional<Accepted> replay(NewMessage m, List<String> warnings) {
        try {
            return messages.findByIdempotencyKey(m.clientId(), m.idempotencyKey()).map(earlier -> {
                if (!earlier.requestHash().equals(m.requestHash())) {
                    throw new IdempotencyConflict(m.idempotencyKey());
                }
                MessageView v = queries.find(earlier.id()).orElseThrow();
                return new Accepted(v.id(), v.status(), v.to(), org.risala.sms.Encoding.valueOf(v.encoding()),
                        v.segments(), warnings);
            });
        } catch (DataAccessException e) {
            throw new StoreUnavailable(e);
        }
    }

    private void accepted(List<NewMessage> stored) {
        stored.stream().map(NewMessage::operator).distinct().forEach(dispatcher::wake);
        stored.stream().collect(java.util.stream.Collectors.groupingBy(m -> m.priority().name() + "/" + m.origin()))
                .forEach((k, list) -> metrics.accepted(list.get(0).priority(), list.get(0).origin(), list.size()));
    }

    private static Accepted accepted(NewMessage m, List<String> warnings) {
        return new Accepted(m.id(), MessageStatus.QUEUED, m.recipient(), m.encoding(), m.segments(), warnings);
    }

    private void await(GroupCommit.Ticket<NewMessage> stored) {
        try {
            stored.await(storeTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable(e);
        } catch (ExecutionException e) {
            throw new StoreUnavailable(e.getCause());
        } catch (TimeoutException e) {
            // the rows are then left out of the commit for good: "not accepted" stays true
            throw new StoreUnavailable(new TimeoutException("not stored within " + storeTimeout));
        }
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        writer.shutdown();
    }
}
