package org.risala.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.risala.smpp.BindLeases.Report;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

class OperatorsHealthIndicatorIntegrationTests {

    private final DataSource database = TestDatabases.migrated();
    private final BindLeases otherNode = new BindLeases(JdbcClient.create(database), new ClusterNode("node-b:8080"),
            Duration.ofMinutes(1));
    private final BindLeases thisNode = new BindLeases(JdbcClient.create(database), new ClusterNode("node-a:8080"),
            Duration.ofMinutes(1));
    private final OperatorsHealthIndicator health = new OperatorsHealthIndicator(List.of("omantel", "ooredoo"),
            thisNode);

    @Test
    void upWhenEveryOperatorIsBoundOnSomeNode() {
        otherNode.acquire("omantel", 0, new Report("BOUND_TRX", Instant.now(), null));
        thisNode.acquire("omantel", 1, new Report("BACKING_OFF", Instant.now(), "connection closed"));
        otherNode.acquire("ooredoo", 0, new Report("BOUND_TX_RX", Instant.now(), null));

        Health result = health.health();

        assertThat(result.getStatus()).isEqualTo(Status.UP);
        @SuppressWarnings("unchecked")
        Map<String, Object> omantel = (Map<String, Object>) result.getDetails().get("omantel");
        assertThat(omantel.get("binds").toString()).contains("node-b:8080").contains("BACKING_OFF")
                .contains("connection closed");
    }

    @Test
    void downWhenAnOperatorHasNoBoundBind() {
        otherNode.acquire("omantel", 0, new Report("BOUND_TRX", Instant.now(), null));
        otherNode.acquire("ooredoo", 0, new Report("BACKING_OFF", Instant.now(), "bind refused"));

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void downForAnOperatorNoNodeHasTriedYet() {
        otherNode.acquire("omantel", 0, new Report("BOUND_TRX", Instant.now(), null));

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
