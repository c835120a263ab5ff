package org.risala.smpp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP when every operator has at least one bound bind somewhere in the cluster. Read from the lease table, so
 * every node reports the same, whichever node holds the binds.
 */
class OperatorsHealthIndicator implements HealthIndicator {

    private final List<String> operators;
    private final BindLeases leases;

    OperatorsHealthIndicator(List<String> operators, BindLeases leases) {
        this.operators = List.copyOf(operators);
        this.leases = leases;
    }

    @Override
    public Health health() {
        Instant now = leases.now().toInstant();
        List<BindLeases.Lease> all = leases.all();
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String operator : operators) {
            List<BindLeases.Lease> binds = all.stream().filter(lease -> lease.operator().equals(operator)).toList();
            boolean bound = binds.stream().anyMatch(lease -> lease.isBoundAt(now));
            up &= bound;
            details.put(operator, Map.of("bound", bound, "binds", binds.stream().map(lease -> bind(lease, now))
                    .toList()));
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    private static Map<String, Object> bind(BindLeases.Lease lease, Instant now) {
        Map<String, Object> bind = new LinkedHashMap<>();
        bind.put("index", lease.bindIndex());
        boolean live = lease.expiresAt() != null && lease.expiresAt().isAfter(now);
        // a lease nobody renews says nothing about the bind any more
        bind.put("state", live || lease.holder() == null ? lease.state() : "UNKNOWN (lease expired)");
        bind.put("since", lease.stateSince().toString());
        if (lease.holder() != null) {
            bind.put("holder", lease.holder());
        }
        if (lease.lastError() != null) {
            bind.put("lastError", lease.lastError());
        }
        return bind;
    }
}
