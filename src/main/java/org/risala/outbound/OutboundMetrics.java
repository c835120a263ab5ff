package org.risala.outbound;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/** The outbound figures on /actuator/prometheus. */
@Component
class OutboundMetrics {

    private final MeterRegistry registry;
    private final Map<Priority, AtomicLong> queueDepth = new EnumMap<>(Priority.class);
    private final Timer deliveryLatency;
    private final Counter possibleDuplicates;

    OutboundMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Priority p : Priority.values()) {
            AtomicLong depth = new AtomicLong();
            queueDepth.put(p, depth);
            Gauge.builder("risala.queue.depth", depth, AtomicLong::get).tag("priority", p.apiName())
                    .description("messages waiting to be sent").register(registry);
        }
        deliveryLatency = Timer.builder("risala.messages.delivery.latency")
                .description("from submission to the operator until the delivery receipt")
                .publishPercentileHistogram().register(registry);
        possibleDuplicates = Counter.builder("risala.messages.possible.duplicates")
                .description("messages sent again after a crash or a lost response: the handset may get them twice")
                .register(registry);
    }

    void accepted(Priority priority, String origin, int count) {
        registry.counter("risala.messages.accepted", "priority", priority.apiName(), "origin", origin).increment(count);
    }

    void submitted(String operator, int count) {
        registry.counter("risala.messages.submitted", "operator", operator).increment(count);
    }

    void retried(String reason) {
        registry.counter("risala.messages.retried", "reason", reason).increment();
    }

    void finalised(MessageStatus status, String failureCode) {
        if (status == MessageStatus.DELIVERED) {
            registry.counter("risala.messages.delivered").increment();
        } else {
            registry.counter("risala.messages.failed", "status", status.name(),
                    "reason", failureCode == null ? "none" : failureCode).increment();
        }
    }

    void deliveredAfter(Duration latency) {
        deliveryLatency.record(latency);
    }

    void possibleDuplicates(int count) {
        possibleDuplicates.increment(count);
    }

    void queueDepth(Map<Priority, Long> depth) {
        depth.forEach((p, n) -> queueDepth.get(p).set(n));
    }
}
