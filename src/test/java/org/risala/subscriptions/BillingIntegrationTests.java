package org.risala.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.risala.subscriptions.SubscriptionTesting.ask;
import static org.risala.subscriptions.SubscriptionTesting.newNumber;
import static org.risala.subscriptions.SubscriptionTesting.newPlate;
import static org.risala.subscriptions.SubscriptionTesting.newVisaApplication;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.simulator.SmscSimulator;
import org.risala.testing.ApiCalls;
import org.risala.testing.IntegrationTest;
import org.risala.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What priced subscriptions are charged: exactly one record per alert, one per confirmed month, none when free. */
@IntegrationTest
class BillingIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    SmscSimulator simulator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    record Charge(String topic, BigDecimal amount, String period, String eventId, String messageId, String operator,
                  Long inboundId) {
    }

    @BeforeEach
    void risalaIsBoundToTheSimulator() {
        await().atMost(WAIT).until(simulator::hasReceiver);
    }

    private List<Charge> charges(String number) {
        return jdbc.sql("""
                        SELECT topic, amount, period, event_id, message_id, operator, inbound_id FROM billing_record
                        WHERE msisdn = :m ORDER BY id""").param("m", number)
                .query((rs, n) -> new Charge(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), (Long) rs.getObject(7, Long.class))).list();
    }

    private ApiCalls.Response post(String id, String type, String key) {
        return new ApiCalls(port).post("/api/v1/events", Map.of("id", id, "type", type, "key", key,
                "occurredAt", "2026-12-01T08:00:00Z", "data", Map.of("amount", "15.000 OMR", "place", "Seeb",
                        "expiresOn", "2027-01-01", "status", "APPROVED")));
    }

    @Test
    void aPerAlertTopicIsChargedOncePerAlertSent() {
        String plate = newPlate();
        String number = newNumber();
        ask(simulator, number, "SUB VIO " + plate);
        ask(simulator, number, "YES");
        assertThat(charges(number)).isEmpty();

        String first = "bill-" + System.nanoTime();
        post(first, "violation", plate);
        post(first, "violation", plate);
        String second = "bill-" + System.nanoTime();
        post(second, "violation", plate);

        List<Charge> charges = charges(number);
        assertThat(charges).extracting(Charge::eventId).containsExactly(first, second);
        assertThat(charges).allSatisfy(c -> {
            assertThat(c.topic()).isEqualTo("violation");
            assertThat(c.amount()).isEqualByComparingTo("0.100");
            assertThat(c.period()).isNull();
            assertThat(c.operator()).isNotBlank();
        });
        List<String> alerts = jdbc.sql("SELECT id FROM outbound_message WHERE recipient = :m AND origin = 'alert'")
                .param("m", number).query((rs, n) -> rs.getObject(1, UUID.class).toString()).list();
        assertThat(charges).extracting(Charge::messageId).containsExactlyInAnyOrderElementsOf(alerts);
    }

    @Test
    void aMonthlyTopicIsChargedForTheMonthItIsConfirmedIn() {
        String number = newNumber();
        String plate = newPlate();
        ask(simulator, number, "SUB REG " + plate);
        assertThat(charges(number)).isEmpty();
        ask(simulator, number, "YES");
        ask(simulator, number, "yes");
        post("bill-" + System.nanoTime(), "registration-expiry", plate);

        List<Charge> charges = charges(number);
        assertThat(charges).hasSize(1);
        Charge month = charges.get(0);
        assertThat(month.topic()).isEqualTo("registration-expiry");
        assertThat(month.amount()).isEqualByComparingTo("0.500");
        assertThat(month.period()).isEqualTo(Billing.period(clock.instant())).matches("\\d{4}-\\d{2}");
        assertThat(month.eventId()).isNull();
        assertThat(month.inboundId()).isNotNull();
        assertThat(month.operator()).isNotBlank();
    }

    @Test
    void anUnconfirmedOrExpiredSubscriptionIsNeitherAlertedNorCharged() {
        String number = newNumber();
        String plate = newPlate();
        ask(simulator, number, "SUB DOC A" + plate.substring(0, 5) + "9");
        ask(simulator, number, "SUB VIO " + plate);
        clock.advance(Duration.ofMinutes(11));
        ask(simulator, number, "YES");

        assertThat(post("bill-" + System.nanoTime(), "violation", plate).json().get("matched").asInt()).isZero();
        assertThat(charges(number)).isEmpty();
    }

    @Test
    void aFreeTopicIsNeverCharged() {
        String number = newNumber();
        String visa = newVisaApplication();
        ask(simulator, number, "SUB VISA " + visa);
        assertThat(post("bill-" + System.nanoTime(), "visa-status", visa).json().get("matched").asInt()).isOne();
        assertThat(charges(number)).isEmpty();
    }

    @Test
    void theDatabaseRefusesASecondChargeForTheSameMonthOrAlert() {
        String number = newNumber();
        ask(simulator, number, "SUB REG " + newPlate());
        ask(simulator, number, "YES");
        long subscription = jdbc.sql("SELECT id FROM subscription WHERE msisdn = :m").param("m", number)
                .query(Long.class).single();
        OffsetDateTime now = OffsetDateTime.now();

        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO billing_record (subscription_id, msisdn, topic, amount, period, created_at)
                        VALUES (:s, :m, 'registration-expiry', 0.500, :p, :now)""")
                .param("s", subscription).param("m", number).param("p", Billing.period(Instant.now()))
                .param("now", now).update()).isInstanceOf(DuplicateKeyException.class);
    }
}
