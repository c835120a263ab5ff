package org.risala.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.risala.subscriptions.SubscriptionTesting.ask;
import static org.risala.subscriptions.SubscriptionTesting.newNumber;
import static org.risala.subscriptions.SubscriptionTesting.newPlate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.outbound.OutboundMessaging;
import org.risala.simulator.HandsetMessage;
import org.risala.simulator.SmscSimulator;
import org.risala.testing.ApiCalls;
import org.risala.testing.IntegrationTest;
import org.risala.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The monthly round of priced subscriptions, driven at chosen times by a billing cycle with its own clock (the
 * scheduled one never runs in the tests): renewal notices, renewal charges, failed charges reported by an operator,
 * grace and suspension, and the export operators reconcile against.
 */
@IntegrationTest
class BillingCycleIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    SmscSimulator simulator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    Topics topics;

    @Autowired
    BillingRepository records;

    @Autowired
    SubscriptionRepository subscriptions;

    @Autowired
    Billing billing;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    SubscriptionsProperties properties;

    @Autowired
    OutboundMessaging outbound;

    @BeforeEach
    void risalaIsBoundToTheSimulator() {
        await().atMost(WAIT).until(simulator::hasReceiver);
    }

    private void cycleAt(Instant at) {
        new BillingCycle(topics, records, subscriptions, billing, tx, Clock.fixed(at, ZoneOffset.UTC), properties)
                .run();
    }

    private YearMonth thisMonth() {
        return YearMonth.parse(Billing.period(clock.instant()));
    }

    private String subscribedToRegistration(String number, String plate) {
        ask(simulator, number, "SUB REG " + plate);
        ask(simulator, number, "YES");
        return plate;
    }

    private List<String> periodsCharged(String number) {
        return jdbc.sql("SELECT period FROM billing_record WHERE msisdn = :m ORDER BY id").param("m", number)
                .query(String.class).list();
    }

    private List<String> received(String number, String containing) {
        return simulator.inbox(number).stream().map(HandsetMessage::text).filter(t -> t.contains(containing)).toList();
    }

    private long recordOf(String number) {
        return jdbc.sql("SELECT id FROM billing_record WHERE msisdn = :m").param("m", number).query(Long.class)
                .single();
    }

    private String state(String number) {
        return jdbc.sql("SELECT state FROM subscription WHERE msisdn = :m").param("m", number).query(String.class)
                .single();
    }

    @Test
    void aMonthlySubscriptionIsToldOfItsRenewalOnceAndChargedForTheNewMonthOnce() {
        String stays = newNumber();
        String plate = subscribedToRegistration(stays, newPlate());
        String leaves = newNumber();
        String otherPlate = subscribedToRegistration(leaves, newPlate());
        String undecided = newNumber();
        ask(simulator, undecided, "SUB REG " + newPlate());
        YearMonth next = thisMonth().plusMonths(1);
        Instant first = Billing.start(next);

        cycleAt(first.minus(Duration.ofDays(4)));
        assertThat(received(stays, "renew")).isEmpty();

        cycleAt(first.minus(Duration.ofDays(2)));
        await().atMost(WAIT).until(() -> received(stays, "renew").size() == 1);
        assertThat(received(stays, "renew").get(0)).isEqualTo("Your alerts for registration expiry on " + plate
                + " renew on " + next.atDay(1) + " for 0.500 OMR. To stop, send STOP REG " + plate);
        await().atMost(WAIT).until(() -> received(leaves, "renew").size() == 1);
        assertThat(ask(simulator, leaves, "STOP REG " + otherPlate)).contains("stopped");

        cycleAt(first.minus(Duration.ofDays(1)));
        cycleAt(first.plus(Duration.ofHours(1)));
        cycleAt(first.plus(Duration.ofDays(3)));

        assertThat(periodsCharged(stays)).containsExactly(thisMonth().toString(), next.toString());
        assertThat(periodsCharged(leaves)).containsExactly(thisMonth().toString());
        assertThat(periodsCharged(undecided)).isEmpty();
        assertThat(received(undecided, "renew")).isEmpty();
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> received(stays, "renew").size() == 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM renewal_notice n JOIN subscription s ON s.id = n.subscription_id "
                        + "WHERE s.msisdn = :m AND n.message_id IS NOT NULL").param("m", stays).query(Long.class)
                .single()).isOne();
    }

    @Test
    void aFailedChargeGivesGraceAndUnpaidAtItsEndTheSubscriptionIsSuspended() {
        String number = newNumber();
        String plate = subscribedToRegistration(number, newPlate());
        long record = recordOf(number);
        ApiCalls api = new ApiCalls(port);

        JsonNode results = api.post("/api/v1/admin/billing/charge-reports", Map.of("reports", List.of(
                Map.of("id", record, "status", "FAILED", "reason", "insufficient balance"),
                Map.of("id", 987_654_321L, "status", "FAILED")))).json().get("results");
        assertThat(results.get(0).get("outcome").asString()).isEqualTo("UPDATED");
        assertThat(results.get(1).get("outcome").asString()).isEqualTo("UNKNOWN");
        await().atMost(WAIT).until(() -> received(number, "could not collect").size() == 1);
        assertThat(received(number, "could not collect").get(0)).contains("They continue until "
                + clock.instant().plus(Duration.ofDays(7)).atZone(Billing.MUSCAT).toLocalDate());
        assertThat(api.post("/api/v1/admin/billing/charge-reports", Map.of("reports", List.of(
                        Map.of("id", record, "status", "failed")))).json().get("results").get(0).get("outcome")
                .asString()).isEqualTo("UNCHANGED");
        assertThat(jdbc.sql("SELECT status || ':' || failure_reason FROM billing_record WHERE id = :id")
                .param("id", record).query(String.class).single()).isEqualTo("FAILED:insufficient balance");

        cycleAt(clock.instant().plus(Duration.ofDays(6)));
        assertThat(state(number)).isEqualTo("ACTIVE");
        cycleAt(clock.instant().plus(Duration.ofDays(8)));

        assertThat(state(number)).isEqualTo("SUSPENDED");
        await().atMost(WAIT).until(() -> received(number, "suspended").size() == 1);
        assertThat(received(number, "suspended").get(0)).endsWith("To subscribe again, send SUB REG " + plate);
        assertThat(jdbc.sql("SELECT action FROM subscription_history h JOIN subscription s ON s.id = h.subscription_id"
                        + " WHERE s.msisdn = :m ORDER BY h.id").param("m", number).query(String.class).list())
                .containsExactly("REQUESTED", "CONFIRMED", "CHARGE_FAILED", "SUSPENDED");
        assertThat(ask(simulator, number, "MY")).startsWith("You have no alerts");
        assertThat(received(number, "could not collect")).hasSize(1);
    }

    @Test
    void aChargeCollectedAfterAllEndsTheGrace() {
        String number = newNumber();
        subscribedToRegistration(number, newPlate());
        long record = recordOf(number);
        ApiCalls api = new ApiCalls(port);
        api.post("/api/v1/admin/billing/charge-reports", Map.of("reports", List.of(
                Map.of("id", record, "status", "FAILED"))));
        await().atMost(WAIT).until(() -> received(number, "could not collect").size() == 1);

        api.post("/api/v1/admin/billing/charge-reports", Map.of("reports", List.of(
                Map.of("id", record, "status", "CHARGED"))));
        cycleAt(clock.instant().plus(Duration.ofDays(8)));

        assertThat(state(number)).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscription WHERE msisdn = :m AND grace_until IS NULL")
                .param("m", number).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT status FROM billing_record WHERE id = :id").param("id", record)
                .query(String.class).single()).isEqualTo("CHARGED");
    }

    @Test
    void reportsAreValidatedFieldByField() {
        ApiCalls.Response bad = new ApiCalls(port).post("/api/v1/admin/billing/charge-reports", Map.of("reports",
                List.of(Map.of("id", "twelve", "status", "LOST"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("reports[0].id").contains("reports[0].status")
                .contains("must be FAILED or CHARGED");
        assertThat(new ApiCalls(port).post("/api/v1/admin/billing/charge-reports", Map.of("reports", List.of()))
                .status()).isEqualTo(400);
    }

    @Test
    void theExportListsTheMonthsChargesPerOperator() {
        String number = newNumber();
        String plate = newPlate();
        ask(simulator, number, "SUB VIO " + plate);
        ask(simulator, number, "YES");
        subscribedToRegistration(number, newPlate());
        String event = "export-" + System.nanoTime();
        new ApiCalls(port).post("/api/v1/events", Map.of("id", event, "type", "violation", "key", plate,
                "occurredAt", "2026-12-01T08:00:00Z", "data", Map.of("amount", "15 OMR", "place", "Seeb")));
        ApiCalls api = new ApiCalls(port);

        ApiCalls.Response csv = api.get("/api/v1/admin/billing/export?month=" + thisMonth() + "&operator=simulator");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("id,created_at,msisdn,operator,topic,kind,period,event_id,message_id,"
                + "amount,status");
        List<String> mine = lines.stream().filter(l -> l.contains("," + number + ",")).toList();
        assertThat(mine).hasSize(2);
        assertThat(mine).anySatisfy(l -> assertThat(l).contains(",simulator,violation,ALERT,," + event + ",")
                .endsWith(",0.100,CHARGED"));
        assertThat(mine).anySatisfy(l -> assertThat(l).contains(",simulator,registration-expiry,MONTH,"
                + thisMonth() + ",,,0.500,CHARGED"));
        assertThat(api.get("/api/v1/admin/billing/export?month=" + thisMonth() + "&operator=nobody").body()
                .split("\r\n")).hasSize(1);
        assertThat(api.get("/api/v1/admin/billing/export?month=" + thisMonth().minusMonths(1)).body())
                .doesNotContain(number);
        ApiCalls.Response bad = api.get("/api/v1/admin/billing/export?month=December");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("month");
    }

    @Test
    void chargedAlertsAreMarkedForTheOperatorsAndRepliesAreNot() {
        String number = newNumber();
        String plate = newPlate();
        ask(simulator, number, "SUB VIO " + plate);
        ask(simulator, number, "YES");
        new ApiCalls(port).post("/api/v1/events", Map.of("id", "marked-" + System.nanoTime(), "type", "violation",
                "key", plate, "occurredAt", "2026-12-01T08:00:00Z", "data", Map.of("amount", "5 OMR",
                        "place", "Sohar")));

        HandsetMessage alert = await().atMost(WAIT).until(() -> simulator.inbox(number).stream()
                .filter(m -> m.text().startsWith("New traffic violation")).findFirst().orElse(null), a -> a != null);

        assertThat(alert.serviceType()).isEqualTo("RPA");
        assertThat(simulator.inbox(number).get(0).serviceType()).as("the price reply").isNull();
        UUID alertId = jdbc.sql("SELECT id FROM outbound_message WHERE recipient = :m AND origin = 'alert'")
                .param("m", number).query(UUID.class).single();
        assertThat(outbound.find(alertId)).get().satisfies(m -> {
            assertThat(m.serviceType()).isEqualTo("RPA");
            assertThat(m.chargeable()).isTrue();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_message WHERE recipient = :m AND origin <> 'alert' "
                        + "AND (chargeable OR service_type IS NOT NULL)").param("m", number).query(Long.class)
                .single()).isZero();
    }
}
