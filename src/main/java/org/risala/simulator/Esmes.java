package org.risala.simulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.session.SMPPServerSession;

/** The bound client sessions, and which of them can take a deliver_sm. */
final class Esmes {

    record Bound(SMPPServerSession session, String systemId) {
        boolean canReceive() {
            return session.getSessionState().isReceivable();
        }
    }

    private final List<Bound> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();

    void add(SMPPServerSession session, String systemId) {
        sessions.add(new Bound(session, systemId));
    }

    void remove(Object session) {
        sessions.removeIf(bound -> bound.session() == session);
    }

    /** "" for a session that is no longer registered; its receipts then go to any receiver */
    String systemIdOf(SMPPServerSession session) {
        return sessions.stream().filter(bound -> bound.session() == session).map(Bound::systemId).findFirst()
                .orElse("");
    }

    List<Bound> all() {
        return List.copyOf(sessions);
    }

    int bound() {
        return (int) sessions.stream().filter(bound -> bound.session().getSessionState().isBound()).count();
    }

    boolean hasReceiver() {
        return sessions.stream().anyMatch(Bound::canReceive);
    }

    /** a receiver bound with this system_id, else any receiver; rotating, so several RX binds share the load */
    Optional<SMPPServerSession> receiverFor(String systemId) {
        List<Bound> receivers = sessions.stream().filter(Bound::canReceive).toList();
        List<Bound> own = receivers.stream().filter(bound -> bound.systemId().equals(systemId)).toList();
        return pick(own.isEmpty() ? receivers : own);
    }

    Optional<SMPPServerSession> anyReceiver() {
        return pick(sessions.stream().filter(Bound::canReceive).toList());
    }

    private Optional<SMPPServerSession> pick(List<Bound> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.get(Math.floorMod(turn.getAndIncrement(), candidates.size())).session());
    }
}
