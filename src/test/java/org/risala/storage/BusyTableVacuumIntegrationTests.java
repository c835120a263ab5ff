package org.risala.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

/** A table that churns is vacuumed on PostgreSQL once its dead rows pass the threshold; a quiet one is left alone. */
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
            assertThat(vacuum.vacuumWhereNeeded()).isEmpty();
            return;
        }
        // the server publishes a session's statistics a moment after its transactions end
        await().atMost(Duration.ofSeconds(20)).until(() -> dead("vacuum_busy") >= 1_000);

        assertThat(vacuum.vacuumWhereNeeded()).contains("vacuum_busy").doesNotContain("vacuum_quiet");
        // not always zero: versions another session's snapshot still sees stay until it ends
        assertThat(dead("vacuum_busy")).isLessThan(1_000);
        assertThat(vacuum.vacuumWhereNeeded()).doesNotContain("vacuum_busy");
    }

    private long dead(String table) {
        return jdbc.sql("SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = :t AND schemaname = current_schema()")
                .param("t", table).query(Long.class).optional().orElse(0L);
    }
}
