package org.risala.pull.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.risala.pull.ReplyTemplate;
import org.risala.testing.IntegrationTest;
import org.risala.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The JDBC connector on the test database (H2, or PostgreSQL with {@code -Drisala.test.db=postgres}), reached as the
 * data source {@code testdb} of {@code application-test.yml}: a pool of its own, as a back-office database would be.
 * The table is this class's own, made before each test and dropped after it.
 */
@IntegrationTest
class JdbcConnectorIntegrationTests {

    private static final String BY_CIVIL_ID = "SELECT licence_number, holder, category, expires_on, fee, note"
            + " FROM demo_registry_licence WHERE civil_id = :civilId ORDER BY licence_number";

    /** the machine may be busy with other builds: a timeout is checked to this precision */
    private static final Duration SLACK = Duration.ofSeconds(3);

    @Autowired
    Connectors connectors;

    @Autowired
    JdbcClient database;

    @BeforeEach
    void createTheRegistry() {
        database.sql("""
                CREATE TABLE demo_registry_licence (
                    licence_number VARCHAR(20) PRIMARY KEY,
                    civil_id VARCHAR(20) NOT NULL,
                    holder VARCHAR(100) NOT NULL,
                    category VARCHAR(20) NOT NULL,
                    expires_on DATE NOT NULL,
                    fee NUMERIC(10, 3) NOT NULL,
                    note VARCHAR(100))
                """).update();
        database.sql("""
                INSERT INTO demo_registry_licence VALUES
                    ('DL-1001', '10234567', 'Salim bin Hamad Al Harthi', 'light', DATE '2027-03-01', 12.500, NULL),
                    ('DL-1002', '10234567', 'Salim bin Hamad Al Harthi', 'motorcycle', DATE '2026-12-20', 8.000,
                     'renew at Seeb'),
                    ('DL-2001', '10765432', 'Aisha bint Said Al Balushi', 'light', DATE '2028-06-30', 12.500, NULL)
                """).update();
    }

    @AfterEach
    void dropTheRegistry() {
        database.sql("DROP TABLE demo_registry_licence").update();
    }

    @Test
    void aRowIsFoundWithItsColumnsAsTextVariables() throws Exception {
        LookupResult result = lookup(BY_CIVIL_ID, Map.of("civilId", "10765432"));

        assertThat(result.found()).isTrue();
        Map<String, String> row = Map.of("licence_number", "DL-2001", "holder", "Aisha bint Said Al Balushi",
                "category", "light", "expires_on", "2028-06-30", "fee", "12.500", "note", "");
        assertThat(result.variables()).containsAllEntriesOf(row)
                .containsEntry("count", "1")
                .containsEntry("rows", List.of(row))
                .containsEntry("civilId", "10765432");
    }

    @Test
    void severalRowsAreTheListRowsAndTheFirstGivesTheVariables() throws Exception {
        LookupResult result = lookup(BY_CIVIL_ID, Map.of("civilId", "10234567"));

        assertThat(result.variables()).containsEntry("licence_number", "DL-1001").containsEntry("count", "2");
        assertThat(new ReplyTemplate("{{holder}}, {{count}} licences:"
                + "{{#rows}} {{category}} until {{expires_on}}{{#note}} ({{note}}){{/note}};{{/rows}}")
                .render(result.variables()))
                .isEqualTo("Salim bin Hamad Al Harthi, 2 licences: light until 2027-03-01; motorcycle until"
                        + " 2026-12-20 (renew at Seeb);");
    }

    @Test
    void noRowIsNotFound() throws Exception {
        LookupResult result = lookup(BY_CIVIL_ID, Map.of("civilId", "10000000"));

        assertThat(result.found()).isFalse();
        assertThat(result.variables()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x' OR '1'='1", "10234567' --", "'; DROP TABLE demo_registry_licence; --"})
    void argumentsAreBoundAsValuesNeverReadAsSql(String civilId) throws Exception {
        assertThat(lookup(BY_CIVIL_ID, Map.of("civilId", civilId)).found()).isFalse();

        assertThat(database.sql("SELECT count(*) FROM demo_registry_licence").query(Integer.class).single())
                .isEqualTo(3);
    }

    @Test
    void aQueryWithoutParametersRuns() throws Exception {
        LookupResult result = lookup("SELECT count(*) AS licences FROM demo_registry_licence", Map.of());

        assertThat(result.variables()).containsEntry("licences", "3").containsEntry("count", "1");
    }

    @Test
    void valuesAreTextAndLabelsLowerCase() throws Exception {
        LookupResult result = lookup("""
                SELECT holder AS "HOLDER", CAST(35 AS NUMERIC(10, 3)) AS total, 7 AS points, TRUE AS active,
                       TIMESTAMP '2026-01-05 10:15:00' AS checked_at, CAST(NULL AS VARCHAR(10)) AS note
                FROM demo_registry_licence WHERE licence_number = :licence
                """, Map.of("licence", "DL-2001"));

        assertThat(result.variables()).containsEntry("holder", "Aisha bint Said Al Balushi")
                .containsEntry("total", "35.000")
                .containsEntry("points", "7")
                .containsEntry("active", "true")
                .containsEntry("checked_at", "2026-01-05T10:15:00")
                .containsEntry("note", "");
    }

    @Test
    void aQueryMatchingTooManyRowsGivesTheFirstOnes() throws Exception {
        // 3^6 = 729 rows
        LookupResult result = lookup("SELECT a.licence_number FROM demo_registry_licence a, demo_registry_licence b,"
                + " demo_registry_licence c, demo_registry_licence d, demo_registry_licence e,"
                + " demo_registry_licence f", Map.of());

        assertThat(result.variables()).containsEntry("count", String.valueOf(JdbcConnector.MAX_ROWS));
        assertThat((List<?>) result.variables().get("rows")).hasSize(JdbcConnector.MAX_ROWS);
    }

    /** JDBC counts a query timeout in seconds: 300 ms is rounded up to 1 s */
    @Test
    void aQuerySlowerThanItsTimeoutIsUnavailable() {
        String slow = TestDatabase.isPostgres()
                ? "SELECT holder FROM demo_registry_licence, pg_sleep(10) WHERE civil_id = :civilId"
                // H2 has no sleep function; counting a trillion pairs takes hours
                : "SELECT count(*) AS pairs FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b"
                        + " WHERE CAST(:civilId AS VARCHAR(20)) IS NOT NULL";
        Connector connector = connectors.build(Definitions.jdbc("testdb", slow).timeout(Duration.ofMillis(300))
                .retry(false).build());

        long started = System.nanoTime();
        assertThatExceptionOfType(BackOfficeUnavailable.class)
                .isThrownBy(() -> connector.lookup(Map.of("civilId", "10234567")))
                .withMessage("the query on testdb took longer than 1 s");

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(1).plus(SLACK));
    }

    @Test
    void aQueryTheDatabaseCannotRunIsUnavailable() {
        assertThatExceptionOfType(BackOfficeUnavailable.class)
                .isThrownBy(() -> lookup("SELECT holder FROM demo_registry_licenses WHERE civil_id = :civilId",
                        Map.of("civilId", "10234567")))
                .withMessageStartingWith("the query on testdb is not valid there: ");
    }

    @Test
    void aParameterWithoutArgumentIsUnavailable() {
        assertThatExceptionOfType(BackOfficeUnavailable.class)
                .isThrownBy(() -> lookup(BY_CIVIL_ID, Map.of("plate", "12345AB")))
                .withMessageStartingWith("the query on testdb cannot be run: No value supplied for the SQL parameter"
                        + " 'civilId'");
    }

    @Test
    void anUnknownDataSourceIsRefusedWhenTheConnectorIsBuilt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> connectors.build(Definitions.jdbc("registry", BY_CIVIL_ID).build()))
                .withMessage("connector.dataSource: no data source 'registry' under risala.data-sources"
                        + " (configured: testdb)");
    }

    private LookupResult lookup(String query, Map<String, String> arguments) throws BackOfficeUnavailable {
        return connectors.build(Definitions.jdbc("testdb", query).build()).lookup(arguments);
    }
}
