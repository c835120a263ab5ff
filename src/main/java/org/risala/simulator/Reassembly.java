package org.risala.simulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the parts of concatenated messages until each is complete, keyed by (sender, handset, reference, total)
 * as a handset does. A part sent twice replaces the first copy. Bounded: an incomplete message whose other parts
 * never come is dropped once {@code capacity} newer incomplete messages are waiting.
 */
final class Reassembly {

    private record Key(String from, String to, int reference, int total) {
    }

    private static final class Pending {
        final String[] texts;
        final String[] ids;
        int received;

        Pending(int total) {
            texts = new String[total];
            ids = new String[total];
        }
    }

    private final Map<Key, Pending> pending;

    Reassembly(int capacity) {
        this.pending = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Pending> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return the whole message once this part completes it */
    synchronized Optional<HandsetMessage> add(SubmittedPart part, String messageId, Instant now) {
        if (part.total() <= 1) {
            return Optional.of(new HandsetMessage(part.to(), part.from(), part.text(), part.encoding(), 1, now,
                    java.util.List.of(messageId), part.serviceType()));
        }
        Key key = new Key(part.from(), part.to(), part.reference(), part.total());
        Pending message = pending.computeIfAbsent(key, k -> new Pending(k.total()));
        int index = part.sequence() - 1;
        if (message.texts[index] == null) {
            message.received++;
        }
        message.texts[index] = part.text();
        message.ids[index] = messageId;
        if (message.received < part.total()) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(new HandsetMessage(part.to(), part.from(), String.join("", message.texts),
                part.encoding(), part.total(), now, Arrays.asList(message.ids), part.serviceType()));
    }
}
