package org.risala.storage;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, vacuums Risala's own tables once dead row versions pile up in them, and analyzes them once their
 * contents changed enough to make the planner's statistics stale. Autovacuum, which normally does both, may be off
 * or wake only once a minute, so Risala does not rely on it:
 * <ul>
 * <li>every message passes through the send queue and the receipt inbox in seconds, leaving three or four dead
 * versions behind; until a vacuum removes them, each claim and update steps over them (measured: 232 pages read per
 * queue update after an hour of bench load with autovacuum off, 14 with a vacuum every 2 s);</li>
 * <li>a table never analyzed has no statistics, and the planner then guesses a receipt batch's {@code smsc_id IN
 * (…)} matches a quarter of {@code message_part}: it scanned all 500,000 rows for every batch, 41% of the machine's
 * CPU under single-message load.</li>
 * </ul>
 * Safe on several nodes at once: a table another session is vacuuming or analyzing is skipped, not waited for.
 */
@Component
public class BusyTableVacuum {

    private static final Logger log = LoggerFactory.getLogger(BusyTableVacuum.class);

    /** what one round did; a table vacuumed because of its dead rows is analyzed in the same pass when due */
    public record Round(List<String> vacuumed, List<String> analyzed) {
    }

    private record Due(String table, boolean vacuum, boolean analyze) {
    }

    private final JdbcClient jdbc;
    private final VacuumProperties properties;
    private final boolean postgres;

    public BusyTableVacuum(JdbcClient jdbc, DataSource dataSource, VacuumProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
            return "PostgreSQL".equals(product);
        } catch (Exception e) {
            throw new IllegalStateException("cannot tell which database Risala is on", e);
        }
    }

    @Scheduled(fixedDelayString = "${risala.storage.vacuum.interval:5s}",
            initialDelayString = "${risala.storage.vacuum.interval:5s}")
    void scheduled() {
        if (properties.enabled()) {
            maintainWhereNeeded();
        }
    }

    /** @return the tables vacuumed and analyzed: none on other databases */
    public Round maintainWhereNeeded() {
        if (!postgres) {
            return new Round(List.of(), List.of());
        }
        // only tables this user owns: PostgreSQL lets no one else vacuum or analyze them
        List<Due> due = jdbc.sql("""
                        SELECT relname, needs_vacuum, needs_analyze FROM (
                          SELECT s.relname,
                                 s.n_dead_tup >= :min AND s.n_dead_tup > s.n_live_tup / 10
                                   AS needs_vacuum,
                                 s.n_mod_since_analyze >= :min AND s.n_mod_since_analyze > s.n_live_tup / 10
                                   AS needs_analyze,
                                 s.n_dead_tup + s.n_mod_since_analyze AS changes
                          FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
                          WHERE s.schemaname = current_schema() AND pg_has_role(c.relowner, 'USAGE')) t
                        WHERE needs_vacuum OR needs_analyze ORDER BY changes DESC""")
                .param("min", properties.minRows())
                .query((rs, n) -> new Due(rs.getString("relname"), rs.getBoolean("needs_vacuum"),
                        rs.getBoolean("needs_analyze")))
                .list();
        List<String> vacuumed = new ArrayList<>();
        List<String> analyzed = new ArrayList<>();
        for (Due table : due) {
            String name = "\"" + table.table().replace("\"", "\"\"") + "\"";
            String command = table.vacuum()
                    ? (table.analyze() ? "VACUUM (SKIP_LOCKED, ANALYZE) " : "VACUUM (SKIP_LOCKED) ") + name
                    : "ANALYZE (SKIP_LOCKED) " + name;
            try {
                jdbc.sql(command).update();
                if (table.vacuum()) {
                    vacuumed.add(table.table());
                }
                if (table.analyze()) {
                    analyzed.add(table.table());
                }
            } catch (DataAccessException e) {
                // e.g. dropped since the statistics were read; the next round looks again
                log.warn("could not maintain {}: {}", table.table(), e.getMostSpecificCause().getMessage());
            }
        }
        log.debug("vacuumed {}, analyzed {}", vacuumed, analyzed);
        return new Round(vacuumed, analyzed);
    }
}
