package org.risala.outbound;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

/** Moves messages to a final status: one place for the guarded update, the timeline, the callback and the counters. */
@Component
class Finaliser {

    private final MessageRepository messages;
    private final StatusCallbacks callbacks;
    private final OutboundMetrics metrics;
    private final Clock clock;

    Finaliser(MessageRepository messages, StatusCallbacks callbacks, OutboundMetrics metrics, Clock clock) {
        this.messages = messages;
        this.callbacks = callbacks;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** must run inside the caller's transaction */
    void finalise(List<Finalisation> finalisations) {
        List<MessageRepository.FinalisedMessage> done = messages.finalise(finalisations);
        callbacks.enqueue(done, clock.instant());
        for (MessageRepository.FinalisedMessage m : done) {
            Finalisation f = m.finalisation();
            metrics.finalised(f.status(), f.failureCode());
            if (f.status() == MessageStatus.DELIVERED && m.submittedAt() != null && f.at().isAfter(m.submittedAt())) {
                metrics.deliveredAfter(Duration.between(m.submittedAt(), f.at()));
            }
        }
    }
}
