package org.risala.pull.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.risala.pull.ServiceBuilder;
import org.risala.pull.web.LookupFigures.Figures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.risala.testing.IntegrationTest;

/** The figures of the admin page, computed by the database: the same SQL on H2 and PostgreSQL. */
@IntegrationTest
class LookupFiguresIntegrationTests {

    @Autowired
    LookupFigures figures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private void lookup(String service, Instant at, String outcome, int latencyMs) {
        jdbc.sql("""
                        INSERT INTO pull_lookup (asked_at, service, sender, query, outcome, latency_ms, reply)
                        VALUES (:at, :service, '+96891234567', 'number=1234', :outcome, :latency, 'reply')""")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("service", service)
                .param("outcome", outcome).param("latency", latencyMs).update();
    }

    @Test
    void eachServiceHasItsCountsByOutcomeAndTheMedianAndP99OfItsBackOfficeLookups() {
        String service = ServiceBuilder.uniqueKeyword("FIG");
        Instant now = clock.instant();
        for (int latency = 1; latency <= 100; latency++) {
            lookup(service, now.minusSeconds(latency), latency % 10 == 0 ? "NOT_FOUND" : "FOUND", latency);
        }
        lookup(service, now, "FAILED", 3000);
        lookup(service, now, "INVALID", 0);
        lookup(service, now, "LIMITED", 0);
        lookup(service, now.minus(Duration.ofHours(25)), "FOUND", 5);

        Figures last24Hours = figures.since(now.minus(Duration.ofHours(24))).get(service);

        assertThat(last24Hours).isEqualTo(new Figures(103, 90, 10, 1, 1, 51, 100));
        assertThat(figures.since(now.plusSeconds(1))).doesNotContainKey(service);
    }

    @Test
    void theRecentLookupsComeNewestFirst() {
        String service = ServiceBuilder.uniqueKeyword("RCT");
        // ahead of the clock, so that nothing another test wrote is newer
        Instant future = clock.instant().plus(Duration.ofDays(1));
        lookup(service, future, "FOUND", 10);
        lookup(service, future.plusSeconds(1), "INVALID", 0);

        assertThat(figures.recent(2)).extracting(LookupFigures.Lookup::service, LookupFigures.Lookup::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(service, "INVALID"),
                        org.assertj.core.groups.Tuple.tuple(service, "FOUND"));
        jdbc.sql("DELETE FROM pull_lookup WHERE service = :s").param("s", service).update();
    }
}
