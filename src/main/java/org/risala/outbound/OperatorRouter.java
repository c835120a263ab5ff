package org.risala.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.risala.smpp.BindStatus;
import org.risala.smpp.OperatorLinks;
import org.risala.smpp.SmppProperties;
import org.springframework.stereotype.Component;

/**
 * Chooses the operator for a number: the one whose prefixes match (mobile number portability makes this only a
 * default), else any operator allowed to carry it; another allowed operator when that one is down or refusing.
 * Test traffic always goes to the built-in simulator.
 */
@Component
class OperatorRouter {

    private final OperatorLinks links;

    OperatorRouter(OperatorLinks links) {
        this.links = links;
    }

    /**
     * @param preferred the operator the caller asks for (a reply goes back the way the citizen's SMS came), used
     *                  when it may carry the number and is up; null for none
     * @throws SendRejected when no operator may carry the number
     */
    String route(String e164, boolean testMode, String preferred) {
        if (testMode || realOperators().isEmpty()) {
            if (links.operators().stream().noneMatch(o -> o.name().equals(OperatorLinks.SIMULATOR))) {
                throw new SendRejected("to", testMode
                        ? "test keys send to the built-in simulator, which is disabled on this installation"
                        : "no operator is configured and the simulator is disabled");
            }
            return OperatorLinks.SIMULATOR;
        }
        List<BindStatus> binds = links.binds();
        List<String> candidates = candidates(e164).map(SmppProperties.Operator::name).toList();
        if (candidates.isEmpty()) {
            throw new SendRejected("to", "no configured operator carries " + e164);
        }
        if (preferred != null && candidates.contains(preferred) && isUp(preferred, binds)) {
            return preferred;
        }
        // the preferred operator that is up; when none is up, the preferred one, to be sent when it comes back
        return candidates.stream().filter(name -> isUp(name, binds)).findFirst().orElse(candidates.get(0));
    }

    /** another operator for the number that is up somewhere in the cluster, if any */
    Optional<String> alternative(String current, String e164, boolean testMode) {
        if (testMode || current.equals(OperatorLinks.SIMULATOR)) {
            return Optional.empty();
        }
        List<BindStatus> binds = links.binds();
        return candidates(e164).map(SmppProperties.Operator::name)
                .filter(name -> !name.equals(current) && isUp(name, binds))
                .findFirst();
    }

    /**
     * The operator whose prefixes serve the number, up or not: where a charge for it goes when no message says
     * otherwise. The simulator when no real operator is configured; empty when none may carry the number.
     */
    Optional<String> home(String e164) {
        if (realOperators().isEmpty()) {
            return links.operators().stream().map(SmppProperties.Operator::name)
                    .filter(OperatorLinks.SIMULATOR::equals).findFirst();
        }
        return candidates(e164).map(SmppProperties.Operator::name).findFirst();
    }

    boolean isUp(String operator) {
        return isUp(operator, links.binds());
    }

    /** real operators with no bound bind anywhere in the cluster for longer than {@code grace} */
    List<String> downFor(Duration grace, Instant now) {
        List<BindStatus> binds = links.binds();
        return realOperators().stream().map(SmppProperties.Operator::name)
                .filter(name -> !isUp(name, binds))
                .filter(name -> binds.stream().filter(b -> b.operator().equals(name))
                        .allMatch(b -> b.since() == null || b.since().plus(grace).isBefore(now)))
                .toList();
    }

    private static boolean isUp(String operator, List<BindStatus> binds) {
        return binds.stream().anyMatch(b -> b.operator().equals(operator) && b.state().startsWith("BOUND"));
    }

    private java.util.stream.Stream<SmppProperties.Operator> candidates(String e164) {
        return realOperators().stream()
                .filter(o -> o.allows(e164))
                .sorted(Comparator.comparing(o -> o.prefers(e164) ? 0 : 1));
    }

    private List<SmppProperties.Operator> realOperators() {
        return links.operators().stream().filter(o -> !o.name().equals(OperatorLinks.SIMULATOR)).toList();
    }
}
