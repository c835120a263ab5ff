package org.risala.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.testing.IntegrationTest;
import org.risala.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On PostgreSQL a table that churns is vacuumed once its dead rows pass the threshold, and a table is analyzed once
 * enough of it changed; a quiet one is left alone.
 */
@IntegrationTest
class BusyTableVacuumIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    BusyTableVacuum vacuum;

    @BeforeEach
    void tables() {
        vacuum = new BusyTableVacuum(jdbc, dataSource, new VacuumProperties(true, 1_000));
        jdbc.sql("CREATE TABLE vacuum_busy (id INTEGER PRIMARY KEY, n INTEGER)").update();
        jdbc.sql("CREATE TABLE vacuum_quiet (id INTEGER PRIMARY KEY, n INTEGER)").update();
    }

    @AfterEach
    void drop() {
        jdbc.sql("DROP TABLE vacuum_busy").update();
        jdbc.sql("DROP TABLE vacuum_quiet").update();
    }

    @Test
    void vacuumsTheTableWhoseDeadRowsPassTheThresholdAndOnlyIt() {
        // 2,000 live rows, each updated four times: about 8,000 dead versions in the busy table, 50 in the quiet one
        String rows = IntStream.rangeClosed(1, 2_000).mapToObj(i -> "(" + i + ", 0)").collect(Collectors.joining(", "));
        jdbc.sql("INSERT INTO vacuum_busy VALUES " + rows).update();
        jdbc.sql("INSERT INTO vacuum_quiet VALUES " + rows).update();
        for (int i = 0; i < 4; i++) {
            jdbc.sql("UPDATE vacuum_busy SET n = n + 1").update();
        }
        jdbc.sql("UPDATE vacuum_quiet SET n = n + 1 WHERE id <= 50").update();

        if (!TestDatabase.isPostgres()) {
            assertThat(vacuum.maintainWhereNeeded()).isEqualTo(new BusyTableVacuum.Round(List.of(), List.of()));
            return;
        }
        // the server publishes a session's statistics a moment after its transactions end
        await().atMost(Duration.ofSeconds(20)).until(() -> dead("vacuum_busy") >= 1_000);

        BusyTableVacuum.Round first = vacuum.maintainWhereNeeded();
        assertThat(first.vacuumed()).contains("vacuum_busy").doesNotContain("vacuum_quiet");
        // 2,050 rows changed in the quiet table since it was created: enough for fresh statistics, not for a vacuum
        assertThat(first.analyzed()).contains("vacuum_busy", "vacuum_quiet");
        assertThat(hasStatistics("vacuum_busy")).isTrue();
        assertThat(hasStatistics("vacuum_quiet")).isTrue();
        // not always zero: versions another session's snapshot still sees stay until it ends
        assertThat(dead("vacuum_busy")).isLessThan(1_000);

        BusyTableVacuum.Round second = vacuum.maintainWhereNeeded();
        assertThat(second.vacuumed()).doesNotContain("vacuum_busy");
        assertThat(second.analyzed()).doesNotContain("vacuum_busy", "vacuum_quiet");
    }

    @Test
    void analyzesATableThatOnlyGrewSoThePlannerSeesItsSize() {
        assumeTrue(TestDatabase.isPostgres(), "statistics are PostgreSQL's; the H2 case is the test above");
        String rows = IntStream.rangeClosed(1, 3_000).mapToObj(i -> "(" + i + ", 0)").collect(Collectors.joining(", "));
        jdbc.sql("INSERT INTO vacuum_busy VALUES " + rows).update();
        await().atMost(Duration.ofSeconds(20)).until(() -> changedSinceAnalyze("vacuum_busy") >= 1_000);

        BusyTableVacuum.Round round = vacuum.maintainWhereNeeded();

        assertThat(round.vacuumed()).doesNotContain("vacuum_busy");
        assertThat(round.analyzed()).contains("vacuum_busy");
        assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = 'vacuum_busy'::regclass")
                .query(Double.class).single()).isEqualTo(3_000.0);
    }

    private boolean hasStatistics(String table) {
        return jdbc.sql("SELECT count(*) FROM pg_stats WHERE tablename = :t AND schemaname = current_schema()")
                .param("t", table).query(Long.class).single() > 0;
    }

    private long changedSinceAnalyze(String table) {
        return jdbc.sql("SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relname = :t "
                        + "AND schemaname = current_schema()")
                .param("t", table).query(Long.class).optional().orElse(0L);
    }

    private long dead(String table) {
        return jdbc.sql("SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = :t AND schemaname = current_schema()")
                .param("t", table).query(Long.class).optional().orElse(0L);
    }
}
