package org.risala.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.simulator.SmscSimulator;
import org.risala.smpp.SmsReceived;
import org.risala.testing.IntegrationTest;
import org.risala.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Citizens' messages injected at the simulated handset, received over SMPP, stored once and whole. */
@IntegrationTest
class InboundIntegrationTests {

    record Stored(String sender, String recipient, String body, int parts) {
    }

    @Autowired
    SmscSimulator simulator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    InboundStore store;

    @Autowired
    TestClock clock;

    @BeforeEach
    void risalaIsBoundToTheSimulator() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(simulator::hasReceiver);
    }

    private List<Stored> storedFrom(String sender) {
        return jdbc.sql("SELECT sender, recipient, body, parts FROM inbound_message WHERE sender = :s ORDER BY id")
                .param("s", sender)
                .query((rs, n) -> new Stored(rs.getString("sender"), rs.getString("recipient"), rs.getString("body"),
                        rs.getInt("parts")))
                .list();
    }

    @Test
    void aMessageIsStoredBeforeTheSmscHearsItWasReceivedWithTheCitizenInE164() {
        // injectMo returns once Risala answered the deliver_sm, which it does only after the commit
        simulator.injectMo("96891230001", "90085", "VIO 12345AB");
        assertThat(storedFrom("+96891230001")).containsExactly(new Stored("+96891230001", "90085", "VIO 12345AB", 1));
    }

    @Test
    void aVisitorsForeignNumberIsStoredAsTheirsNotTakenForAnOmaniOne() {
        // the SMSC sends it as 447911123456, TON international; read as a number dialled in Oman it is invalid
        simulator.injectMo("+447911123456", "90085", "VISA V2026000123");
        assertThat(storedFrom("+447911123456")).extracting(Stored::sender).containsExactly("+447911123456");
    }

    @Test
    void aConcatenatedMessageIsReassembledFromItsParts() {
        String text = "Complaint: the traffic light at the Qurum roundabout has been out of order since Sunday. "
                .repeat(4);
        assertThat(simulator.injectMo("+96891230002", "90085", text).parts()).isEqualTo(3);
        assertThat(storedFrom("+96891230002")).containsExactly(new Stored("+96891230002", "90085", text, 3));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_part WHERE sender = '+96891230002'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void aLongArabicMessageIsReassembledToo() {
        String text = "أرجو إفادتي عن حالة طلب التأشيرة رقم V2026000999 المقدم قبل أسبوعين، وشكراً. ".repeat(2);
        assertThat(simulator.injectMo("+96891230003", "90085", text).parts()).isGreaterThan(1);
        assertThat(storedFrom("+96891230003")).extracting(Stored::body).containsExactly(text);
    }

    @Test
    void theSameMessageSentAgainWithinTheDuplicateWindowIsStoredOnce() {
        simulator.injectMo("+96891230004", "90085", "REG 777R");
        simulator.injectMo("+96891230004", "90085", "REG 777R");
        simulator.injectMo("+96891230004", "90085", "VISA V2026000123");
        assertThat(storedFrom("+96891230004")).extracting(Stored::body).containsExactly("REG 777R", "VISA V2026000123");
    }

    @Test
    void theSameCommandAfterAnotherOneIsANewCommand() {
        simulator.injectMo("+96891230007", "90085", "YES");
        simulator.injectMo("+96891230007", "90085", "SUB REG 777R");
        simulator.injectMo("+96891230007", "90085", "YES");
        simulator.injectMo("+96891230007", "90085", "YES");
        assertThat(storedFrom("+96891230007")).extracting(Stored::body).containsExactly("YES", "SUB REG 777R", "YES");
    }

    @Test
    void aPartTheSmscSendsAgainIsUsedOnce() {
        Instant now = Instant.now();
        events.publishEvent(new SmsReceived("simulator", "96891230005", "90085", "VIO 123", 77, 1, 2, now));
        events.publishEvent(new SmsReceived("simulator", "96891230005", "90085", "VIO 123", 77, 1, 2, now));
        assertThat(storedFrom("+96891230005")).isEmpty();
        events.publishEvent(new SmsReceived("simulator", "96891230005", "90085", "45AB", 77, 2, 2, now));
        assertThat(storedFrom("+96891230005")).containsExactly(new Stored("+96891230005", "90085", "VIO 12345AB", 2));
    }

    @Test
    void aConcatenatedMessageWhosePartsDoNotAllComeIsStoredWithWhatCame() {
        events.publishEvent(new SmsReceived("simulator", "96891230006", "90085", "Please call me about ", 78, 1, 3,
                Instant.now()));
        events.publishEvent(new SmsReceived("simulator", "96891230006", "90085", "my visa.", 78, 3, 3, Instant.now()));
        store.completeOverdue();
        assertThat(storedFrom("+96891230006")).isEmpty();

        clock.advance(java.time.Duration.ofMinutes(31));
        store.completeOverdue();
        assertThat(storedFrom("+96891230006"))
                .containsExactly(new Stored("+96891230006", "90085", "Please call me about my visa.", 2));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_concat WHERE sender = '+96891230006'").query(Long.class)
                .single()).isZero();
    }
}
