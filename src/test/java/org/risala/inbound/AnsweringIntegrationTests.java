package org.risala.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.simulator.HandsetMessage;
import org.risala.simulator.SmscSimulator;
import org.risala.testing.ApiCalls;
import org.risala.testing.IntegrationTest;
import org.risala.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Commands sent at the simulated handset are answered over SMPP, once each, from the short code: what no service
 * answers gets the short bilingual help; a number over its limit is told once, then ignored; an SMS a dead node
 * left unanswered is answered by another.
 */
@IntegrationTest
class AnsweringIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    SmscSimulator simulator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    UnansweredRecovery recovery;

    @LocalServerPort
    int port;

    @BeforeEach
    void risalaIsBoundToTheSimulator() {
        await().atMost(WAIT).until(simulator::hasReceiver);
    }

    private List<HandsetMessage> awaitReplies(String number, int count) {
        return await().atMost(WAIT).until(() -> simulator.inbox(number), inbox -> inbox.size() >= count);
    }

    /** the handset keeps that many messages: nothing more arrives for half a second */
    private void staysAt(String number, int count) {
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> simulator.inbox(number).size() == count);
    }

    private String stateOf(String sender) {
        return jdbc.sql("SELECT state FROM inbound_message WHERE sender = :s").param("s", sender)
                .query(String.class).single();
    }

    @Test
    void anUnknownKeywordGetsTheShortBilingualHelpFromTheShortCode() {
        simulator.injectMo("+96891240001", "90085", "HELLO there");
        HandsetMessage reply = awaitReplies("+96891240001", 1).get(0);
        assertThat(reply.text()).isEqualTo(HelpText.UNKNOWN_COMMAND);
        assertThat(reply.from()).isEqualTo("90085");
        assertThat(reply.parts()).isEqualTo(1);
        await().atMost(WAIT).until(() -> stateOf("+96891240001").equals("ANSWERED"));
        assertThat(jdbc.sql("""
                        SELECT m.keyword || ' ' || m.outcome || ' ' || o.priority || ' ' || o.origin
                        FROM inbound_message m JOIN outbound_message o ON o.id = m.reply_id WHERE m.sender = :s""")
                .param("s", "+96891240001").query(String.class).single()).isEqualTo("HELLO UNKNOWN 0 reply");
    }

    @Test
    void anEmptyMessageGetsTheHelpToo() {
        simulator.injectMo("+96891240002", "90085", "  ؟ ");
        assertThat(awaitReplies("+96891240002", 1).get(0).text()).isEqualTo(HelpText.UNKNOWN_COMMAND);
    }

    @Test
    void theSameSmsSentTwiceByTheSmscIsAnsweredOnce() {
        simulator.injectMo("+96891240003", "90085", "XYZ 1");
        simulator.injectMo("+96891240003", "90085", "XYZ 1");
        awaitReplies("+96891240003", 1);
        staysAt("+96891240003", 1);
    }

    @Test
    void aConcatenatedCommandIsAnsweredOnceWhenWhole() {
        String text = "QUESTION " + "about the opening hours of the traffic directorate in Seeb on Saturdays. ".repeat(3);
        assertThat(simulator.injectMo("+96891240004", "90085", text).parts()).isGreaterThan(1);
        awaitReplies("+96891240004", 1);
        staysAt("+96891240004", 1);
    }

    @Test
    void anSmsToANumberRisalaDoesNotAnswerAtIsStoredButNotAnswered() {
        simulator.injectMo("+96891240005", "96824000000", "hello");
        assertThat(stateOf("+96891240005")).isEqualTo("SKIPPED");
        staysAt("+96891240005", 0);
    }

    @Test
    void aNumberOverItsLimitIsToldOnceThenIgnoredUntilTheWindowPasses() {
        String number = "+96891240006";
        for (int i = 1; i <= 12; i++) {
            simulator.injectMo(number, "90085", "ZZ " + i);
        }
        List<HandsetMessage> replies = awaitReplies(number, 11);
        staysAt(number, 11);
        assertThat(replies).filteredOn(m -> m.text().equals(KeywordRouter.TOO_MANY_EN)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_message WHERE sender = :s AND outcome = 'LIMITED'")
                .param("s", number).query(Long.class).single()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(61));
        simulator.injectMo(number, "90085", "ZZ again");
        assertThat(awaitReplies(number, 12).get(11).text()).isEqualTo(HelpText.UNKNOWN_COMMAND);
    }

    @Test
    void anArabicCommandOverTheLimitIsToldInArabic() {
        String number = "+96891240007";
        for (int i = 1; i <= 11; i++) {
            simulator.injectMo(number, "90085", "مرحبا " + i);
        }
        assertThat(awaitReplies(number, 11)).extracting(HandsetMessage::text).contains(KeywordRouter.TOO_MANY_AR);
    }

    /** an SMS a dead node stored and claimed, as it left it */
    private void leftByADeadNode(long id, String sender, Duration receivedAgo, Duration claimRanOutAgo) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO inbound_message (id, operator, sender, recipient, body, parts, fingerprint, received_at,
                            state, claimed_by, claimed_until)
                        VALUES (:id, 'simulator', :s, '90085', 'FOO', 1, :f, :at, 'PENDING', 'dead-node', :until)""")
                .param("id", id).param("s", sender).param("f", Long.toString(id).repeat(64).substring(0, 64))
                .param("at", OffsetDateTime.ofInstant(now.minus(receivedAgo), ZoneOffset.UTC))
                .param("until", OffsetDateTime.ofInstant(now.minus(claimRanOutAgo), ZoneOffset.UTC)).update();
    }

    @Test
    void anSmsADeadNodeLeftUnansweredIsAnsweredHere() {
        leftByADeadNode(42, "+96891240008", Duration.ofSeconds(70), Duration.ofSeconds(10));
        recovery.recover();
        assertThat(awaitReplies("+96891240008", 1).get(0).text()).isEqualTo(HelpText.UNKNOWN_COMMAND);
        await().atMost(WAIT).until(() -> stateOf("+96891240008").equals("ANSWERED"));
    }

    @Test
    void anSmsUnansweredForTooLongIsNotAnsweredAnyMore() {
        leftByADeadNode(43, "+96891240009", Duration.ofHours(2), Duration.ofSeconds(7100));
        recovery.recover();
        assertThat(stateOf("+96891240009")).isEqualTo("SKIPPED");
        staysAt("+96891240009", 0);
    }

    @Test
    void theSimulatorsSteadyLoadSendsEachMessageFromANewNumberAndEachIsAnswered() {
        ApiCalls api = new ApiCalls(port);
        ApiCalls.Response started = api.post("/simulator/api/mo/load",
                java.util.Map.of("rate", 40, "seconds", 1, "texts", List.of("PING"), "firstNumber", 96893100000L));
        assertThat(started.status()).isEqualTo(202);
        assertThat(api.post("/simulator/api/mo/load", java.util.Map.of("rate", 1, "seconds", 1)).status())
                .isEqualTo(409);
        await().atMost(WAIT).until(() -> api.get("/simulator/api/mo/load").json().get("finishedAt").isString());
        assertThat(api.get("/simulator/api/mo/load").json().get("sent").asLong()).isEqualTo(40);
        for (int i = 0; i < 40; i++) {
            awaitReplies("+" + (96893100000L + i), 1);
        }
        assertThat(api.post("/simulator/api/mo/load", java.util.Map.of("rate", 0, "seconds", 1)).status())
                .isEqualTo(400);
    }
}
