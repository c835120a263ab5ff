package org.risala.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.simulator.SmscSimulator;
import org.risala.testing.IntegrationTest;
import org.risala.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Citizens subscribing, confirming, listing and stopping by SMS at the simulated handset, over SMPP. */
@IntegrationTest
class SubscribingBySmsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    SmscSimulator simulator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @BeforeEach
    void risalaIsBoundToTheSimulator() {
        await().atMost(WAIT).until(simulator::hasReceiver);
    }

    @Test
    void aPricedTopicAsksForYesAndYesConfirmsIt() {
        String number = SubscriptionTesting.newNumber();
        assertThat(SubscriptionTesting.ask(simulator, number, "SUB VIO 12345AB")).isEqualTo(
                "Alerts for new violations on 12345AB cost 0.100 OMR per alert. Reply YES within 10 minutes to subscribe.");
        assertThat(states(number)).containsExactly("PENDING_CONFIRMATION");

        assertThat(SubscriptionTesting.ask(simulator, number, "yes")).isEqualTo(
                "You are subscribed to alerts for new violations on 12345AB. To stop, send STOP VIO 12345AB");
        assertThat(states(number)).containsExactly("ACTIVE");
        assertThat(history(number)).containsExactly("REQUESTED", "CONFIRMED");
    }

    @Test
    void inArabicWithArabicDigitsAndPlateLetters() {
        String number = SubscriptionTesting.newNumber();
        assertThat(SubscriptionTesting.ask(simulator, number, "اشتراك تسجيل ١٢٣٤٥ أ ب")).isEqualTo(
                "تنبيهات انتهاء تسجيل المركبة على 12345AB بتكلفة 0.500 ريال عماني شهريا. أرسل نعم خلال 10 دقائق للاشتراك.");
        assertThat(SubscriptionTesting.ask(simulator, number, "نعم"))
                .isEqualTo("تم اشتراكك في تنبيهات انتهاء تسجيل المركبة على 12345AB. للإلغاء أرسل الغاء تسجيل 12345AB");
        assertThat(jdbc.sql("SELECT language FROM subscription WHERE msisdn = :m").param("m", number)
                .query(String.class).single()).isEqualTo("AR");
    }

    @Test
    void yesAfterTheTimeLimitConfirmsNothing() {
        String number = SubscriptionTesting.newNumber();
        SubscriptionTesting.ask(simulator, number, "SUB DOC a1234567");
        clock.advance(Duration.ofMinutes(11));

        assertThat(SubscriptionTesting.ask(simulator, number, "YES")).isEqualTo(
                "You have no subscription waiting for YES. Send SUB VIO 12345AB to subscribe.");
        assertThat(states(number)).containsExactly("PENDING_CONFIRMATION");
    }

    @Test
    void yesConfirmsTheNewestPendingOne() {
        String number = SubscriptionTesting.newNumber();
        SubscriptionTesting.ask(simulator, number, "SUB VIO 12345AB");
        SubscriptionTesting.ask(simulator, number, "SUB REG 777R");
        assertThat(SubscriptionTesting.ask(simulator, number, "YES")).contains("registration expiry on 777R");
        assertThat(jdbc.sql("SELECT topic || ' ' || state FROM subscription WHERE msisdn = :m ORDER BY id")
                .param("m", number).query(String.class).list())
                .containsExactly("violation PENDING_CONFIRMATION", "registration-expiry ACTIVE");
    }

    @Test
    void aFreeTopicIsActiveAtOnceAndSubscribingAgainSaysSo() {
        String number = SubscriptionTesting.newNumber();
        assertThat(SubscriptionTesting.ask(simulator, number, "SUB VISA v 2026 000123")).isEqualTo(
                "You are subscribed to alerts for visa status changes on V2026000123. To stop, send STOP VISA V2026000123");
        assertThat(states(number)).containsExactly("ACTIVE");
        assertThat(SubscriptionTesting.ask(simulator, number, "SUB VISA V2026000123"))
                .isEqualTo("You are already subscribed to alerts for visa status changes on V2026000123.");
        assertThat(states(number)).containsExactly("ACTIVE");
    }

    @Test
    void aBadKeyOrAnUnknownTopicGetsTheUsage() {
        String usage = "To subscribe, send SUB, the topic (VIO, REG, DOC, VISA) and your record, e.g. SUB VIO 12345AB";
        assertThat(SubscriptionTesting.ask(simulator, SubscriptionTesting.newNumber(), "SUB VIO 123456789"))
                .isEqualTo(usage);
        assertThat(SubscriptionTesting.ask(simulator, SubscriptionTesting.newNumber(), "SUB WEATHER 12345AB"))
                .isEqualTo(usage);
        assertThat(SubscriptionTesting.ask(simulator, SubscriptionTesting.newNumber(), "SUB")).isEqualTo(usage);
        assertThat(SubscriptionTesting.ask(simulator, SubscriptionTesting.newNumber(), "اشتراك"))
                .startsWith("للاشتراك أرسل اشتراك ثم الموضوع (مخالفات، تسجيل، وثيقة، تأشيرة)");
    }

    @Test
    void stopStopsThatOneAndIsAlwaysAnswered() {
        String number = SubscriptionTesting.newNumber();
        SubscriptionTesting.ask(simulator, number, "SUB VISA V2026000123");
        SubscriptionTesting.ask(simulator, number, "SUB VISA V2026000456");

        assertThat(SubscriptionTesting.ask(simulator, number, "STOP VISA V2026000123"))
                .isEqualTo("Your alerts for visa status changes on V2026000123 are stopped.");
        assertThat(states(number)).containsExactly("STOPPED", "ACTIVE");
        // in other words: the same text again within two minutes is taken for an SMSC resending it
        assertThat(SubscriptionTesting.ask(simulator, number, "stop visa V2026000123"))
                .isEqualTo("You have no such alerts. Send MY to see yours.");
        assertThat(SubscriptionTesting.ask(simulator, number, "STOP NEWS"))
                .isEqualTo("You have no such alerts. Send MY to see yours.");
        assertThat(SubscriptionTesting.ask(simulator, number, "الغاء تأشيرة"))
                .isEqualTo("تم إيقاف تنبيهات تغيرات حالة التأشيرة.");
        assertThat(states(number)).containsExactly("STOPPED", "STOPPED");
    }

    @Test
    void stopAllStopsEverythingAndOptsOutUntilTheNextSub() {
        String number = SubscriptionTesting.newNumber();
        SubscriptionTesting.ask(simulator, number, "SUB VISA V2026000123");
        SubscriptionTesting.ask(simulator, number, "SUB VIO 12345AB");

        assertThat(SubscriptionTesting.ask(simulator, number, "STOP ALL"))
                .isEqualTo("All your alerts are stopped and you will get no more. Send SUB to subscribe again.");
        assertThat(states(number)).containsExactly("STOPPED", "STOPPED");
        assertThat(optedOut(number)).isTrue();
        assertThat(SubscriptionTesting.ask(simulator, number, "STOP")).startsWith("All your alerts are stopped");

        SubscriptionTesting.ask(simulator, number, "sub visa V2026000123");
        assertThat(optedOut(number)).isFalse();
        assertThat(states(number)).containsExactly("STOPPED", "STOPPED", "ACTIVE");
    }

    @Test
    void myListsTheActiveSubscriptions() {
        String number = SubscriptionTesting.newNumber();
        assertThat(SubscriptionTesting.ask(simulator, number, "MY"))
                .isEqualTo("You have no alerts. Send SUB VIO 12345AB to subscribe.");
        SubscriptionTesting.ask(simulator, number, "SUB VISA V2026000123");
        SubscriptionTesting.ask(simulator, number, "SUB VIO 12345AB");
        SubscriptionTesting.ask(simulator, number, "YES");
        SubscriptionTesting.ask(simulator, number, "SUB REG 777R");

        assertThat(SubscriptionTesting.ask(simulator, number, "my"))
                .isEqualTo("Your alerts: VISA V2026000123, VIO 12345AB.");
        assertThat(SubscriptionTesting.ask(simulator, number, "اشتراكاتي"))
                .isEqualTo("اشتراكاتك: تأشيرة V2026000123، مخالفات 12345AB.");
    }

    private List<String> states(String number) {
        return jdbc.sql("SELECT state FROM subscription WHERE msisdn = :m ORDER BY id").param("m", number)
                .query(String.class).list();
    }

    private List<String> history(String number) {
        return jdbc.sql("""
                        SELECT h.action FROM subscription_history h JOIN subscription s ON s.id = h.subscription_id
                        WHERE s.msisdn = :m ORDER BY h.id""").param("m", number).query(String.class).list();
    }

    private boolean optedOut(String number) {
        return jdbc.sql("SELECT COUNT(*) FROM opt_out WHERE msisdn = :m").param("m", number).query(Long.class)
                .single() == 1;
    }
}
