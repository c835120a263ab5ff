package org.risala.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.risala.subscriptions.SubscriptionTesting.newNumber;
import static org.risala.subscriptions.SubscriptionTesting.newPlate;
import static org.risala.subscriptions.SubscriptionTesting.newVisaApplication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.inbound.spi.Language;
import org.risala.outbound.OutboundMessaging;
import org.risala.simulator.SmscSimulator;
import org.risala.testing.IntegrationTest;
import org.risala.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts received in quiet hours, by a fan-out with a clock and quiet hours of its own (the application's have none
 * in the tests, which run at any hour), over the test database and the simulator.
 */
@IntegrationTest
class QuietHoursIntegrationTests {

    private static final ZoneId MUSCAT = ZoneId.of("Asia/Muscat");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), MUSCAT);

    @Autowired
    SmscSimulator simulator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    OutboundMessaging outbound;

    @Autowired
    SubscriptionRepository subscriptions;

    @Autowired
    EventRepository events;

    @Autowired
    ReminderRepository reminders;

    @Autowired
    Billing billing;

    @Autowired
    SubscriptionsProperties properties;

    @Autowired
    MeterRegistry registry;

    /** outbound's, shared by all tests */
    @Autowired
    TestClock clock;

    @BeforeEach
    void risalaIsBoundToTheSimulator() {
        await().atMost(Duration.ofSeconds(15)).until(simulator::hasReceiver);
    }

    /** when the number's one message is to be sent; empty: at once */
    private Optional<Instant> sendAt(String number) {
        List<Optional<Instant>> sendAt = jdbc.sql("SELECT send_at FROM outbound_message WHERE recipient = :to")
                .param("to", number).query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant)).list();
        assertThat(sendAt).hasSize(1);
        return sendAt.get(0);
    }

    @Test
    void anAlertOfATopicThatMayNotBeSentThenIsHeldUntilMorningAndOneThatMayIsSentAtOnce() {
        // tomorrow at 01:15 in Muscat by outbound's clock: close enough for it to schedule, and still ahead of it
        LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), MUSCAT).plusDays(1);
        Instant night = tomorrow.atTime(1, 15).atZone(MUSCAT).toInstant();
        Instant morning = tomorrow.atTime(7, 0).atZone(MUSCAT).toInstant();
        String plate = newPlate();
        String visa = newVisaApplication();
        String driver = newNumber();
        String traveller = newNumber();
        subscriptions.insert(driver, "violation", plate, SubscriptionState.ACTIVE, Language.EN, Channel.API, null,
                clock.instant());
        subscriptions.insert(traveller, "visa-status", visa, SubscriptionState.ACTIVE, Language.EN, Channel.API,
                null, clock.instant());
        AlertFanOut atNight = new AlertFanOut(new Topics(properties), subscriptions, events, reminders,
                new SubscriberMessages(outbound, NIGHT, properties), billing, tx, Clock.fixed(night, ZoneOffset.UTC),
                registry);

        atNight.receive(List.of(
                new AlertEvent("night-vio-" + System.nanoTime(), "violation", plate, night,
                        Map.of("amount", "15.000 OMR", "place", "Seeb")),
                new AlertEvent("night-visa-" + System.nanoTime(), "visa-status", visa, night,
                        Map.of("status", "APPROVED"))), false);

        assertThat(sendAt(driver)).as("a new fine waits for the morning").contains(morning);
        assertThat(sendAt(traveller)).as("a visa decision goes at once").isEmpty();
        assertThat(await().atMost(Duration.ofSeconds(15)).until(() -> simulator.inbox(traveller),
                inbox -> !inbox.isEmpty()).get(0).text()).isEqualTo("Visa application " + visa + ": APPROVED.");
        assertThat(simulator.inbox(driver)).isEmpty();
    }
}
