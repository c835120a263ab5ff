package org.risala.smpp;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database the smpp integration tests run on: a fresh in-memory H2 in PostgreSQL mode, or the CI PostgreSQL
 * when {@code -Drisala.test.db=postgres}. Migrated with Flyway either way. On PostgreSQL the tests use a schema of
 * their own, so that their migration history cannot clash with other modules' tests sharing the database.
 */
final class TestDatabases {

    private TestDatabases() {
    }

    private static final String POSTGRES_SCHEMA = "smpp_tests";

    static DataSource migrated() {
        boolean postgres = "postgres".equals(System.getProperty("risala.test.db"));
        DataSource dataSource = postgres ? postgres() : h2();
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (postgres) {
            // cleaned each time: a history left by an older branch would fail validation once V1 appears
            Flyway clean = flyway.schemas(POSTGRES_SCHEMA).cleanDisabled(false).load();
            clean.clean();
            clean.migrate();
        } else {
            flyway.load().migrate();
        }
        return dataSource;
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:smpp-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static DataSource postgres() {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL("jdbc:postgresql://127.0.0.1:5432/test");
        postgres.setUser("postgres");
        postgres.setCurrentSchema(POSTGRES_SCHEMA);
        return postgres;
    }
}
