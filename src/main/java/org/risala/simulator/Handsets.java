package org.risala.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inboxes of the simulated handsets. Bounded over all numbers: beyond {@code capacity} messages the oldest one
 * goes, so a load test of millions of messages keeps memory flat.
 */
final class Handsets {

    private final int capacity;
    private final Deque<HandsetMessage> arrivals = new ArrayDeque<>();
    private final Map<String, Deque<HandsetMessage>> inboxes = new HashMap<>();

    Handsets(int capacity) {
        this.capacity = capacity;
    }

    synchronized void receive(HandsetMessage message) {
        arrivals.addLast(message);
        inboxes.computeIfAbsent(message.to(), to -> new ArrayDeque<>()).addLast(message);
        if (arrivals.size() > capacity) {
            HandsetMessage oldest = arrivals.removeFirst();
            // arrivals and each inbox share one order, so the oldest overall heads its own inbox
            Deque<HandsetMessage> inbox = inboxes.get(oldest.to());
            inbox.removeFirst();
            if (inbox.isEmpty()) {
                inboxes.remove(oldest.to());
            }
        }
    }

    /** oldest first */
    synchronized List<HandsetMessage> inbox(String e164) {
        Deque<HandsetMessage> inbox = inboxes.get(e164);
        return inbox == null ? List.of() : List.copyOf(inbox);
    }

    synchronized void clear() {
        arrivals.clear();
        inboxes.clear();
    }
}
