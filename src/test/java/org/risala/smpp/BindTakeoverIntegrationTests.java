package org.risala.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.risala.smpp.OperatorLinksHarness.SwitchableDataSource;

/** Two nodes share one lease table and one operator account with a single bind. */
class BindTakeoverIntegrationTests {

    private static final Duration TTL = Duration.ofMillis(1_500);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final OperatorLinksHarness harness = new OperatorLinksHarness();
    private final SwitchableDataSource firstNodesDatabase = new SwitchableDataSource(harness.database);

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void onlyOneNodeBindsAndTheOtherTakesOverWhenTheFirstStopsRenewing() {
        SmppOperatorLinks first = harness.start(harness.operator(), "node-a:8080", firstNodesDatabase, TTL);
        await().atMost(WAIT).until(() -> first.canTransmit(OperatorLinksHarness.OPERATOR));
        SmppOperatorLinks second = harness.start(harness.operator(), "node-b:8080", harness.database, TTL);

        // the second node shows the bind as the holder reports it: routing sees the operator up cluster-wide
        await().atMost(WAIT).until(() -> "node-a:8080".equals(second.binds().get(0).holder()));
        assertThat(second.binds().get(0).state()).isEqualTo("BOUND_TRX");
        assertThat(second.canTransmit(OperatorLinksHarness.OPERATOR)).isFalse();
        assertThat(harness.simulator.stats().boundSessions()).isEqualTo(1);

        firstNodesDatabase.off = true;

        // the first node cannot prove it still holds the lease, so it lets go at once
        await().atMost(WAIT).until(() -> !first.canTransmit(OperatorLinksHarness.OPERATOR));
        await().atMost(WAIT).until(() -> second.canTransmit(OperatorLinksHarness.OPERATOR));
        assertThat(second.binds().get(0).holder()).isEqualTo("node-b:8080");
        assertThat(first.binds().get(0).lastError()).contains("lease table unavailable");
        await().atMost(WAIT).until(() -> harness.simulator.stats().boundSessions() == 1);
    }

    @Test
    void aNodeThatStopsHandsItsBindOverAtOnce() {
        // the first node's lease would last a minute: only releasing it can explain a quick takeover
        SmppOperatorLinks first = harness.start(harness.operator(), "node-a:8080", harness.database,
                Duration.ofMinutes(1));
        await().atMost(WAIT).until(() -> first.canTransmit(OperatorLinksHarness.OPERATOR));
        SmppOperatorLinks second = harness.start(harness.operator(), "node-b:8080", harness.database, TTL);
        await().atMost(WAIT).until(() -> "node-a:8080".equals(second.binds().get(0).holder()));
        assertThat(second.canTransmit(OperatorLinksHarness.OPERATOR)).isFalse();

        first.stop();

        assertThat(first.binds().get(0).state()).isEqualTo("STOPPED");
        await().atMost(WAIT).until(() -> second.canTransmit(OperatorLinksHarness.OPERATOR));
    }
}
