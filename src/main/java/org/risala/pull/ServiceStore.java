package org.risala.pull;

import static org.risala.storage.SqlTimes.instant;
import static org.risala.storage.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code pull_service} and {@code pull_service_change}; definitions as JSON text. */
@Repository
class ServiceStore {

    record Row(String keyword, String definition, ServiceSource source, long version, Instant updatedAt,
               String updatedBy) {
    }

    record ChangeRow(long id, String keyword, ChangeAction action, String before, String after, String changedBy,
                     Instant changedAt) {
    }

    /**
     * What tells a node that the services changed: every change adds a row to the append-only history in its own
     * transaction, so the count grows with each one that commits, in whatever order concurrent ones commit (the
     * highest id alone could be taken by one that commits before a lower one).
     */
    record Fingerprint(long changes, long lastId) {
    }

    private static final String COLUMNS = "keyword, definition, source, version, updated_at, updated_by";

    private final JdbcClient jdbc;

    ServiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pull_service ORDER BY keyword").query(ServiceStore::row).list();
    }

    Optional<Row> find(String keyword) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pull_service WHERE keyword = :k")
                .param("k", keyword).query(ServiceStore::row).optional();
    }

    /** locks the row until the transaction ends, so that two edits of one service are made one after the other */
    Optional<Row> lock(String keyword) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pull_service WHERE keyword = :k FOR UPDATE")
                .param("k", keyword).query(ServiceStore::row).optional();
    }

    void insert(Row row) {
        jdbc.sql("INSERT INTO pull_service (" + COLUMNS + ") VALUES (:k, :d, :s, :v, :at, :by)")
                .param("k", row.keyword()).param("d", row.definition()).param("s", row.source().name())
                .param("v", row.version()).param("at", ts(row.updatedAt())).param("by", row.updatedBy()).update();
    }

    /** @return false when the row is no longer at {@code expectedVersion} */
    boolean update(Row row, long expectedVersion) {
        return jdbc.sql("""
                        UPDATE pull_service SET definition = :d, source = :s, version = :v, updated_at = :at,
                        updated_by = :by WHERE keyword = :k AND version = :expected""")
                .param("k", row.keyword()).param("d", row.definition()).param("s", row.source().name())
                .param("v", row.version()).param("at", ts(row.updatedAt())).param("by", row.updatedBy())
                .param("expected", expectedVersion).update() == 1;
    }

    void delete(String keyword) {
        jdbc.sql("DELETE FROM pull_service WHERE keyword = :k").param("k", keyword).update();
    }

    void recordChange(String keyword, ChangeAction action, String before, String after, String changedBy,
                      Instant at) {
        jdbc.sql("""
                        INSERT INTO pull_service_change (keyword, action, before_definition, after_definition,
                        changed_by, changed_at) VALUES (:k, :a, :before, :after, :by, :at)""")
                .param("k", keyword).param("a", action.name()).param("before", before).param("after", after)
                .param("by", changedBy).param("at", ts(at)).update();
    }

    /** newest first */
    List<ChangeRow> history(String keyword) {
        return jdbc.sql("""
                        SELECT id, keyword, action, before_definition, after_definition, changed_by, changed_at
                        FROM pull_service_change WHERE keyword = :k ORDER BY id DESC""")
                .param("k", keyword)
                .query((rs, n) -> new ChangeRow(rs.getLong("id"), rs.getString("keyword"),
                        ChangeAction.valueOf(rs.getString("action")), rs.getString("before_definition"),
                        rs.getString("after_definition"), rs.getString("changed_by"), instant(rs, "changed_at")))
                .list();
    }

    Optional<ChangeAction> lastChange(String keyword) {
        return jdbc.sql("SELECT action FROM pull_service_change WHERE keyword = :k ORDER BY id DESC LIMIT 1")
                .param("k", keyword).query((rs, n) -> ChangeAction.valueOf(rs.getString("action"))).optional();
    }

    Fingerprint fingerprint() {
        return jdbc.sql("SELECT COUNT(*) AS changes, COALESCE(MAX(id), 0) AS last_id FROM pull_service_change")
                .query((rs, n) -> new Fingerprint(rs.getLong("changes"), rs.getLong("last_id"))).single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("keyword"), rs.getString("definition"),
                ServiceSource.valueOf(rs.getString("source")), rs.getLong("version"), instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }
}
