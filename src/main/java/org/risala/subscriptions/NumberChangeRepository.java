package org.risala.subscriptions;

import static org.risala.storage.SqlTimes.ts;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code number_change}, and what a change does to the subscriptions' numbers. */
@Repository
class NumberChangeRepository {

    /** a change as recorded: what it moved */
    record Recorded(long id, int moved, int merged) {
    }

    private final JdbcClient jdbc;

    NumberChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the change unless it is known. Relies on the unique key: a concurrent transaction recording the same
     * change makes this one wait for it and then see it as known.
     *
     * @return false when it was recorded before
     */
    boolean record(String civilId, String oldNumber, String newNumber, String reference, String actor, Instant now) {
        return jdbc.sql("""
                        INSERT INTO number_change (civil_id, old_msisdn, new_msisdn, reference, actor, received_at)
                        VALUES (:c, :o, :n, :r, :a, :now) ON CONFLICT DO NOTHING""")
                .param("c", civilId).param("o", oldNumber).param("n", newNumber).param("r", reference)
                .param("a", actor).param("now", ts(now)).update() == 1;
    }

    Recorded find(String civilId, String oldNumber, String newNumber, String reference) {
        return jdbc.sql("""
                        SELECT id, COALESCE(moved, 0) AS moved, COALESCE(merged, 0) AS merged FROM number_change
                        WHERE civil_id = :c AND old_msisdn = :o AND new_msisdn = :n AND reference = :r""")
                .param("c", civilId).param("o", oldNumber).param("n", newNumber).param("r", reference)
                .query((rs, n) -> new Recorded(rs.getLong("id"), rs.getInt("moved"), rs.getInt("merged")))
                .single();
    }

    void done(long id, int moved, int merged) {
        jdbc.sql("UPDATE number_change SET moved = :moved, merged = :merged WHERE id = :id")
                .param("moved", moved).param("merged", merged).param("id", id).update();
    }

    /** the operator of the old number says nothing about the new one: its alerts are routed by prefix */
    void move(long subscriptionId, String newNumber) {
        jdbc.sql("UPDATE subscription SET msisdn = :n, operator = NULL WHERE id = :id")
                .param("n", newNumber).param("id", subscriptionId).update();
    }

    /** a business that named the old number gets its alerts at the new one */
    void moveContacts(String oldNumber, String newNumber) {
        jdbc.sql("""
                        UPDATE business_contact SET msisdn = :n WHERE msisdn = :o AND NOT EXISTS (
                          SELECT 1 FROM business_contact c
                          WHERE c.business_account_id = business_contact.business_account_id AND c.msisdn = :n)""")
                .param("o", oldNumber).param("n", newNumber).update();
        jdbc.sql("DELETE FROM business_contact WHERE msisdn = :o").param("o", oldNumber).update();
    }
}
