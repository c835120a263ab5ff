package org.risala.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.risala.subscriptions.SubscriptionTesting.newNumber;
import static org.risala.subscriptions.SubscriptionTesting.newPlate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.inbound.spi.Language;
import org.risala.outbound.OutboundMessaging;
import org.risala.outbound.Priority;
import org.risala.records.Normalisations;
import org.risala.simulator.HandsetMessage;
import org.risala.simulator.SmscSimulator;
import org.risala.testing.IntegrationTest;
import org.risala.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expiry reminders planned and sent by sweeps over the test database, each sweep with a clock of its own. Each test
 * has an expiry topic of its own, which only its sweeps know, so tests never plan each other's reminders; the
 * reminders are read at the simulated handsets.
 */
@IntegrationTest
class RemindersIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ZoneId MUSCAT = ZoneId.of("Asia/Muscat");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), MUSCAT);
    private static final AtomicInteger TOPICS = new AtomicInteger();

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
    ReminderRepository reminders;

    @Autowired
    SubscriptionsProperties properties;

    /** outbound's, shared by all tests */
    @Autowired
    TestClock clock;

    @Autowired
    MeterRegistry registry;

    @BeforeEach
    void risalaIsBoundToTheSimulator() {
        await().atMost(WAIT).until(simulator::hasReceiver);
    }

    /** an expiry topic only this test sweeps */
    private static Topic expiryTopic(MissedReminders missed, boolean quietHoursAllowed) {
        int n = TOPICS.incrementAndGet();
        return new Topic("reminder-test-" + n, "RT" + n, "تذكير" + n, Normalisations.PLATE,
                new Texts("registration expiry", "انتهاء التسجيل"),
                new Texts("{{key}} expires on {{expiresOn}}: {{daysLeft}} days left.",
                        "ينتهي {{key}} في {{expiresOn}}، بعد {{daysLeft}} أيام."),
                PricePlan.MONTHLY, new BigDecimal("0.500"), List.of(30, 7, 1), quietHoursAllowed, null, null, missed);
    }

    private static Topic expiryTopic() {
        return expiryTopic(null, true);
    }

    private static Instant muscat(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MUSCAT).toInstant();
    }

    /** one node's sweep at that time in Muscat, over the topic alone */
    private ReminderSweep sweepAt(Topic topic, Instant at) {
        Topics only = new Topics(new SubscriptionsProperties(List.of(topic), null, properties.sender(), null));
        return new ReminderSweep(only, reminders, subscriptions, new SubscriberMessages(outbound, NIGHT, properties), tx,
                Clock.fixed(at, ZoneOffset.UTC), NIGHT, registry);
    }

    private int sweep(Topic topic, String localDateTime) {
        return sweepAt(topic, muscat(localDateTime)).sweep();
    }

    private long subscribe(Topic topic, String number, String plate, Language language) {
        return subscriptions.insert(number, topic.name(), plate, SubscriptionState.ACTIVE, language, Channel.API,
                null, clock.instant());
    }

    private void expires(Topic topic, String plate, String date) {
        tx.executeWithoutResult(s -> reminders.record(List.of(new ExpiryDate(topic.name(), plate,
                LocalDate.parse(date), "event:test")), clock.instant()));
    }

    record Row(LocalDate expiresOn, int offsetDays, String messageId) {
    }

    private List<Row> reminded(long subscription) {
        return jdbc.sql("""
                        SELECT r.expires_on, r.offset_days, m.id FROM reminder r
                        LEFT JOIN outbound_message m ON m.reference = 'reminder-' || r.id AND m.origin = 'reminder'
                        WHERE r.subscription_id = :s ORDER BY r.id""")
                .param("s", subscription)
                .query((rs, n) -> new Row(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3))).list();
    }

    private List<HandsetMessage> inboxOf(String number, int count) {
        return await().atMost(WAIT).until(() -> simulator.inbox(number), inbox -> inbox.size() >= count);
    }

    @Test
    void eachOffsetIsSentOnItsDayOnceInTheSubscribersLanguage() {
        Topic topic = expiryTopic();
        String plate = newPlate();
        String english = newNumber();
        String arabic = newNumber();
        long en = subscribe(topic, english, plate, Language.EN);
        long ar = subscribe(topic, arabic, plate, Language.AR);
        expires(topic, plate, "2031-03-31");

        assertThat(sweep(topic, "2031-02-28T10:00")).as("31 days before").isZero();
        assertThat(sweep(topic, "2031-03-01T10:00")).as("30 days before").isEqualTo(2);
        assertThat(sweep(topic, "2031-03-01T16:00")).as("the same day again").isZero();
        assertThat(sweep(topic, "2031-03-15T10:00")).as("30 was sent, 7 is not due").isZero();
        assertThat(sweep(topic, "2031-03-24T10:00")).as("7 days before").isEqualTo(2);
        assertThat(sweep(topic, "2031-03-30T00:30")).as("1 day before, just after midnight").isEqualTo(2);
        assertThat(sweep(topic, "2031-03-31T10:00")).as("the expiry day").isZero();
        assertThat(sweep(topic, "2031-04-02T10:00")).as("after it").isZero();

        assertThat(reminded(en)).extracting(Row::offsetDays).containsExactly(30, 7, 1);
        assertThat(reminded(ar)).extracting(Row::offsetDays).containsExactly(30, 7, 1);
        assertThat(reminded(en)).allSatisfy(r -> assertThat(r.messageId()).isNotNull());
        assertThat(inboxOf(english, 3)).extracting(HandsetMessage::text).containsExactly(
                plate + " expires on 2031-03-31: 30 days left.",
                plate + " expires on 2031-03-31: 7 days left.",
                plate + " expires on 2031-03-31: 1 days left.");
        assertThat(inboxOf(arabic, 3).get(0).text()).isEqualTo("ينتهي " + plate + " في 2031-03-31، بعد 30 أيام.");
        assertThat(inboxOf(english, 3)).allSatisfy(m -> assertThat(m.from()).isEqualTo("90085"));
        assertThat(jdbc.sql("SELECT DISTINCT priority FROM outbound_message WHERE recipient = :to AND origin = 'reminder'")
                .param("to", english).query(Integer.class).list()).containsExactly(Priority.NORMAL.rank());
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> simulator.inbox(english).size() == 3);
    }

    @Test
    void afterDowntimeOnlyTheNearestOffsetDueIsSentAndNothingForADateThatHasCome() {
        Topic topic = expiryTopic();
        String soon = newPlate();
        String expired = newPlate();
        String today = newPlate();
        String number = newNumber();
        long inFourDays = subscribe(topic, number, soon, Language.EN);
        long past = subscribe(topic, newNumber(), expired, Language.EN);
        long onTheDay = subscribe(topic, newNumber(), today, Language.EN);
        expires(topic, soon, "2033-05-10");
        expires(topic, expired, "2033-05-01");
        expires(topic, today, "2033-05-06");

        // down from long before the 30-day reminder until four days before the date: 30 and 7 are both due
        assertThat(sweep(topic, "2033-05-06T09:00")).isOne();
        assertThat(sweep(topic, "2033-05-08T09:00")).as("7 was sent; 1 is not due yet").isZero();
        // down again over the day of the 1-day reminder, back on the expiry day: too late for it
        assertThat(sweep(topic, "2033-05-10T09:00")).isZero();

        assertThat(reminded(inFourDays)).extracting(Row::offsetDays).containsExactly(7);
        assertThat(reminded(past)).isEmpty();
        assertThat(reminded(onTheDay)).isEmpty();
        assertThat(inboxOf(number, 1)).extracting(HandsetMessage::text)
                .containsExactly(soon + " expires on 2033-05-10: 4 days left.");
    }

    @Test
    void aTopicThatSkipsMissedRemindersSendsOnlyOnTheirOwnDays() {
        Topic topic = expiryTopic(MissedReminders.SKIP, true);
        String plate = newPlate();
        long subscription = subscribe(topic, newNumber(), plate, Language.EN);
        expires(topic, plate, "2034-05-10");

        assertThat(sweep(topic, "2034-05-06T09:00")).as("4 days before: the day of none").isZero();
        assertThat(sweep(topic, "2034-05-09T09:00")).as("the day of the 1-day reminder").isOne();
        assertThat(reminded(subscription)).extracting(Row::offsetDays).containsExactly(1);
    }

    @Test
    void aChangedDateIsPlannedAgain() {
        Topic topic = expiryTopic();
        String plate = newPlate();
        long subscription = subscribe(topic, newNumber(), plate, Language.EN);
        expires(topic, plate, "2035-02-10");
        assertThat(sweep(topic, "2035-02-03T09:00")).isOne();

        // renewed for a year
        expires(topic, plate, "2036-02-10");
        assertThat(sweep(topic, "2035-02-04T09:00")).isZero();
        assertThat(sweep(topic, "2036-01-11T09:00")).isOne();

        assertThat(reminded(subscription)).extracting(Row::expiresOn, Row::offsetDays).containsExactly(
                tuple(LocalDate.parse("2035-02-10"), 7), tuple(LocalDate.parse("2036-02-10"), 30));
        assertThat(jdbc.sql("SELECT expires_on FROM document_expiry WHERE topic = :t AND record_key = :k")
                .param("t", topic.name()).param("k", plate).query(LocalDate.class).single())
                .isEqualTo(LocalDate.parse("2036-02-10"));
    }

    @Test
    void stoppedSubscriptionsAndOptedOutNumbersGetNoReminders() {
        Topic topic = expiryTopic();
        String plate = newPlate();
        String optedOut = newNumber();
        long stopped = subscribe(topic, newNumber(), plate, Language.EN);
        subscriptions.stop(stopped, clock.instant());
        long quiet = subscribe(topic, optedOut, plate, Language.EN);
        subscriptions.optOut(optedOut, clock.instant());
        expires(topic, plate, "2037-06-10");

        assertThat(sweep(topic, "2037-06-09T09:00")).isZero();
        assertThat(reminded(stopped)).isEmpty();
        assertThat(reminded(quiet)).isEmpty();
    }

    @Test
    void nodesSweepingAtOnceSendEachReminderOnce() throws Exception {
        Topic topic = expiryTopic();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String plate = newPlate();
            String number = newNumber();
            numbers.add(number);
            subscribe(topic, number, plate, Language.EN);
            expires(topic, plate, "2038-09-30");
        }
        Instant at = muscat("2038-09-23T09:00");
        ReminderSweep one = sweepAt(topic, at);
        ReminderSweep other = sweepAt(topic, at);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> sweeps = List.of(one, other).stream()
                .map(node -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return node.sweep();
                })).toList();
        start.countDown();

        assertThat(sweeps.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(20);
        for (String number : numbers) {
            assertThat(inboxOf(number, 1)).hasSize(1);
        }
        await().during(Duration.ofSeconds(1)).atMost(WAIT)
                .until(() -> numbers.stream().allMatch(n -> simulator.inbox(n).size() == 1));
    }

    record Scheduled(OffsetDateTime sendAt, OffsetDateTime expiresAt, String status) {
    }

    private Scheduled scheduled(String number) {
        return jdbc.sql("SELECT send_at, expires_at, status FROM outbound_message WHERE recipient = :to")
                .param("to", number).query((rs, n) -> new Scheduled(rs.getObject(1, OffsetDateTime.class),
                        rs.getObject(2, OffsetDateTime.class), rs.getString(3))).single();
    }

    @Test
    void inQuietHoursAReminderIsHeldUntilMorningWithItsWholeValidity() {
        // tomorrow night, Muscat, by outbound's clock: close enough for it to schedule, and still ahead of it
        LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), MUSCAT).plusDays(1);
        Instant night = tomorrow.atTime(23, 30).atZone(MUSCAT).toInstant();
        Instant morning = tomorrow.plusDays(1).atTime(7, 0).atZone(MUSCAT).toInstant();
        Topic held = expiryTopic(null, false);
        String plate = newPlate();
        String number = newNumber();
        subscribe(held, number, plate, Language.EN);
        expires(held, plate, tomorrow.plusDays(7).toString());

        assertThat(sweepAt(held, night).sweep()).isOne();

        Scheduled reminder = scheduled(number);
        assertThat(reminder.status()).isEqualTo("QUEUED");
        assertThat(reminder.sendAt().toInstant()).isEqualTo(morning);
        assertThat(Duration.between(reminder.sendAt(), reminder.expiresAt())).isEqualTo(Duration.ofHours(24));
    }
}
