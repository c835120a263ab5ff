package org.risala.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.risala.subscriptions.SubscriptionTesting.newPlate;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.subscriptions.RemindersProperties.ExpiryFeed;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Expiry dates read from a back-office database: the test database itself, reached as {@code testdb} through a
 * pool of its own as configured under {@code risala.data-sources}.
 */
@IntegrationTest
class ExpiryFeedsIntegrationTests {

    @Autowired
    ExpiryFeeds feeds;

    @Autowired
    JdbcClient jdbc;

    private static final ExpiryFeed REGISTRY = new ExpiryFeed("registration-expiry", "testdb",
            "SELECT plate, valid_until FROM feed_vehicle ORDER BY plate", null);

    @BeforeEach
    void theBackOfficesTable() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS feed_vehicle (plate VARCHAR(20), valid_until DATE)").update();
        jdbc.sql("DELETE FROM feed_vehicle").update();
    }

    private void vehicle(String plate, String validUntil) {
        jdbc.sql("INSERT INTO feed_vehicle (plate, valid_until) VALUES (:p, :d)").param("p", plate)
                .param("d", validUntil == null ? null : LocalDate.parse(validUntil)).update();
    }

    private LocalDate expiresOn(String plate) {
        return jdbc.sql("SELECT expires_on FROM document_expiry WHERE topic = 'registration-expiry' AND record_key = :k")
                .param("k", plate).query(LocalDate.class).optional().orElse(null);
    }

    @Test
    void theDatesItsQueryGivesAreRecordedUnderTheNormalisedRecordAndAChangedOneReplaced() {
        String plate = newPlate();
        String other = newPlate();
        vehicle(plate.substring(0, 5) + " " + plate.substring(5).toLowerCase(), "2040-03-01");
        vehicle(other, "2040-04-01");
        vehicle("not a plate", "2040-04-01");
        vehicle(newPlate(), null);

        assertThat(feeds.poll(REGISTRY)).isEqualTo(new ExpiryFeeds.Polled(2, 2));
        assertThat(expiresOn(plate)).isEqualTo(LocalDate.parse("2040-03-01"));
        assertThat(expiresOn(other)).isEqualTo(LocalDate.parse("2040-04-01"));
        assertThat(jdbc.sql("SELECT source FROM document_expiry WHERE record_key = :k").param("k", plate)
                .query(String.class).single()).isEqualTo("feed:registration-expiry");

        jdbc.sql("UPDATE feed_vehicle SET valid_until = :d WHERE plate = :p").param("d", LocalDate.parse("2041-03-01"))
                .param("p", other).update();
        feeds.poll(REGISTRY);
        assertThat(expiresOn(other)).isEqualTo(LocalDate.parse("2041-03-01"));
        assertThat(expiresOn(plate)).isEqualTo(LocalDate.parse("2040-03-01"));
    }

    @Test
    void theQueryIsGivenTodayAndTheLastDayOfTheLongestOffset() {
        String plate = newPlate();
        vehicle(plate, "2040-03-01");
        ExpiryFeed withinReach = new ExpiryFeed("registration-expiry", "testdb",
                "SELECT plate, valid_until FROM feed_vehicle WHERE valid_until BETWEEN :today AND :until", null);

        assertThat(feeds.poll(withinReach).recorded()).as("more than 30 days ahead").isZero();
        assertThat(expiresOn(plate)).isNull();
    }

    @Test
    void aQueryTheBackOfficeCannotRunFails() {
        assertThatThrownBy(() -> feeds.poll(new ExpiryFeed("registration-expiry", "testdb",
                "SELECT plate, valid_until FROM no_such_table", null))).isInstanceOf(DataAccessException.class);
        assertThat(feeds.all()).as("none is configured for the tests").isEqualTo(List.of());
    }
}
