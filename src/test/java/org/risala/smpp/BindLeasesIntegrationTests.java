package org.risala.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.risala.smpp.BindLeases.Report;
import org.springframework.jdbc.core.simple.JdbcClient;

class BindLeasesIntegrationTests {

    private static final Report BOUND = new Report("BOUND_TRX", Instant.parse("2026-05-01T10:00:00Z"), null);

    private final DataSource dataSource = TestDatabases.migrated();
    private final BindLeases first = leases("node-a:8080", Duration.ofSeconds(30));
    private final BindLeases second = leases("node-b:8080", Duration.ofSeconds(30));

    private BindLeases leases(String node, Duration ttl) {
        return new BindLeases(JdbcClient.create(dataSource), new ClusterNode(node), ttl);
    }

    @Test
    void onlyOneNodeHoldsABind() {
        assertThat(first.acquire("omantel", 0, BOUND)).isTrue();

        assertThat(second.acquire("omantel", 0, BOUND)).isFalse();
        assertThat(second.acquire("omantel", 1, BOUND)).isTrue();
        assertThat(first.find("omantel", 0).orElseThrow().holder()).isEqualTo("node-a:8080");
    }

    @Test
    void theHolderRenewsAndReportsItsState() {
        first.acquire("omantel", 0, new Report("CONNECTING", BOUND.since(), "refused"));

        assertThat(first.acquire("omantel", 0, BOUND)).isTrue();

        BindLeases.Lease lease = first.find("omantel", 0).orElseThrow();
        assertThat(lease.state()).isEqualTo("BOUND_TRX");
        assertThat(lease.stateSince()).isEqualTo(BOUND.since());
        assertThat(lease.lastError()).isNull();
        assertThat(lease.isBoundAt(first.now().toInstant())).isTrue();
    }

    @Test
    void anExpiredLeaseGoesToTheNextNode() {
        BindLeases shortLived = leases("node-a:8080", Duration.ofMillis(300));
        assertThat(shortLived.acquire("ooredoo", 0, BOUND)).isTrue();
        assertThat(second.acquire("ooredoo", 0, BOUND)).isFalse();

        await().atMost(Duration.ofSeconds(5)).until(() -> second.acquire("ooredoo", 0, BOUND));
        assertThat(shortLived.acquire("ooredoo", 0, BOUND)).isFalse();
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        first.acquire("omantel", 0, BOUND);

        first.release("omantel", 0, new Report("STOPPED", BOUND.since(), null));

        assertThat(second.acquire("omantel", 0, BOUND)).isTrue();
    }

    @Test
    void releaseLeavesSomeoneElsesLeaseAlone() {
        first.acquire("omantel", 0, BOUND);

        second.release("omantel", 0, new Report("STOPPED", BOUND.since(), null));

        assertThat(first.find("omantel", 0).orElseThrow().holder()).isEqualTo("node-a:8080");
    }

    @Test
    void aRestartedNodeTakesItsOwnLeaseBackBeforeItExpires() {
        first.acquire("omantel", 0, BOUND);
        BindLeases restarted = leases("node-a:8080", Duration.ofSeconds(30));

        assertThat(restarted.acquire("omantel", 0, BOUND)).isTrue();
    }
}
