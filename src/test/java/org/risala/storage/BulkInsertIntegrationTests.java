package org.risala.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Rows written by COPY (PostgreSQL) or a batch (H2) read back as they were given, in the caller's transaction. */
@IntegrationTest
class BulkInsertIntegrationTests {

    private static final List<String> COLUMNS = List.of("id", "label", "amount", "counted", "big", "flag", "at");

    @Autowired
    BulkInsert bulk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    record Row(UUID id, String label, BigDecimal amount, Integer counted, Long big, Boolean flag, OffsetDateTime at) {
        Object[] values() {
            return new Object[] {id, label, amount, counted, big, flag, at};
        }

        /** the same amount and instant compare equal whatever their scale and offset */
        Row comparable() {
            return new Row(id, label, amount == null ? null : amount.stripTrailingZeros(), counted, big, flag,
                    at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC));
        }
    }

    @BeforeEach
    void table() {
        jdbc.sql("""
                CREATE TABLE bulk_insert_test (id UUID PRIMARY KEY, label VARCHAR(200), amount NUMERIC(10, 3),
                    counted INTEGER, big BIGINT, flag BOOLEAN, at TIMESTAMP WITH TIME ZONE)""").update();
    }

    @AfterEach
    void drop() {
        jdbc.sql("DROP TABLE bulk_insert_test").update();
    }

    @Test
    void readsBackEveryValueAsGivenWithTheCharactersThatSeparateRowsAndColumns() {
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 2, 5, 30, 15, 123_456_000, ZoneOffset.UTC);
        List<Row> rows = List.of(
                new Row(UUID.randomUUID(), "tab\there, new\nline, return\r, back\\slash, \\N and \\t as text",
                        new BigDecimal("0.500"), 7, 9_876_543_210L, true, at),
                new Row(UUID.randomUUID(), "مخالفة مرورية 15 ر.ع. — ✓", new BigDecimal("1000000.125"), -1, 0L, false,
                        at.plusNanos(1_000)),
                new Row(UUID.randomUUID(), null, null, null, null, null, null),
                new Row(UUID.randomUUID(), "", BigDecimal.ZERO, 0, Long.MIN_VALUE, true, at.minusYears(30)));
        tx.executeWithoutResult(s -> bulk.insert("bulk_insert_test", COLUMNS, rows, Row::values));

        List<Row> stored = jdbc.sql("SELECT id, label, amount, counted, big, flag, at FROM bulk_insert_test")
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("label"),
                        rs.getBigDecimal("amount"), (Integer) rs.getObject("counted"), (Long) rs.getObject("big"),
                        (Boolean) rs.getObject("flag"), rs.getObject("at", OffsetDateTime.class)))
                .list();
        assertThat(stored).map(Row::comparable).containsExactlyInAnyOrderElementsOf(
                rows.stream().map(Row::comparable).toList());
    }

    @Test
    void writesInTheCallersTransactionSoARollbackLeavesNothing() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(new Row(UUID.randomUUID(), "row " + i, BigDecimal.ONE, i, (long) i, i % 2 == 0, null));
        }
        tx.executeWithoutResult(s -> {
            bulk.insert("bulk_insert_test", COLUMNS, rows, Row::values);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM bulk_insert_test").query(Long.class).single())
                    .isEqualTo(20_000);
            s.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bulk_insert_test").query(Long.class).single()).isZero();
    }

    @Test
    void aRowThatBreaksAUniqueKeyIsADuplicateKeyAndNoneOfTheRowsIsStored() {
        UUID taken = UUID.randomUUID();
        jdbc.sql("INSERT INTO bulk_insert_test (id) VALUES (:id)").param("id", taken).update();
        List<Row> rows = List.of(new Row(UUID.randomUUID(), "new", null, null, null, null, null),
                new Row(taken, "again", null, null, null, null, null));

        assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() ->
                tx.executeWithoutResult(s -> bulk.insert("bulk_insert_test", COLUMNS, rows, Row::values)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bulk_insert_test").query(Long.class).single()).isOne();
    }

    @Test
    void insertMissingSkipsTheRowsAlreadyStoredKeepsThemAsTheyWereAndStoresTheRestInTheSameTransaction() {
        UUID taken = UUID.randomUUID();
        jdbc.sql("INSERT INTO bulk_insert_test (id, label) VALUES (:id, 'first')").param("id", taken).update();
        List<Row> rows = List.of(new Row(UUID.randomUUID(), "new", null, 1, null, null, null),
                new Row(taken, "again", null, 2, null, null, null),
                new Row(UUID.randomUUID(), "also new", null, 3, null, null, null));

        tx.executeWithoutResult(s -> {
            jdbc.sql("INSERT INTO bulk_insert_test (id, label) VALUES (:id, 'before, same transaction')")
                    .param("id", UUID.randomUUID()).update();
            bulk.insertMissing("bulk_insert_test", COLUMNS, rows, Row::values);
            // the transaction goes on after the rows already stored were met
            jdbc.sql("INSERT INTO bulk_insert_test (id, label) VALUES (:id, 'after, same transaction')")
                    .param("id", UUID.randomUUID()).update();
        });

        assertThat(jdbc.sql("SELECT label FROM bulk_insert_test").query(String.class).list())
                .containsExactlyInAnyOrder("first", "new", "also new", "before, same transaction",
                        "after, same transaction");
    }

    @Test
    void insertMissingWithNothingStoredYetStoresEveryRow() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            rows.add(new Row(UUID.randomUUID(), "row " + i, null, i, null, null, null));
        }
        tx.executeWithoutResult(s -> bulk.insertMissing("bulk_insert_test", COLUMNS, rows, Row::values));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bulk_insert_test").query(Long.class).single()).isEqualTo(1_000);
    }
}
