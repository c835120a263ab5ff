package org.risala.pull;

import org.risala.records.Normalisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.backoffice.DemoBackOfficeFaults;
import org.risala.simulator.HandsetMessage;
import org.risala.simulator.SmscSimulator;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Citizens' commands injected at the simulated handset over SMPP, answered from the demo back office (and from a
 * test back office over HTTP, and the test database over JDBC) through the configured pull services; the reply is
 * read at the simulated handset.
 */
@IntegrationTest
class PullServicesIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    SmscSimulator simulator;

    @Autowired
    DemoBackOfficeFaults faults;

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    private static int nextNumber = 0;

    /** a fresh number for each command, so that the per-number limits never interfere between tests */
    private static synchronized String newNumber() {
        return "+9689250" + String.format("%04d", nextNumber++);
    }

    private String ask(String text) {
        return ask(newNumber(), text);
    }

    private String ask(String number, String text) {
        int before = simulator.inbox(number).size();
        simulator.injectMo(number, "90085", text);
        List<HandsetMessage> inbox = await().atMost(WAIT).until(() -> simulator.inbox(number),
                messages -> messages.size() > before);
        HandsetMessage reply = inbox.get(before);
        assertThat(reply.from()).isEqualTo("90085");
        return reply.text();
    }

    @BeforeEach
    void risalaIsBoundToTheSimulator() {
        await().atMost(WAIT).until(simulator::hasReceiver);
    }

    @AfterEach
    void backOfficeWorksAgain() {
        faults.clear();
    }

    @Test
    void violationsByPlateInEnglish() {
        String reply = ask("VIO 12345AB");
        assertThat(reply).startsWith("Unpaid traffic violations for 12345 AB: 2, total 35.000 OMR.")
                .contains("Muscat Expressway: 15.000 OMR").contains("20.000 OMR");
    }

    @Test
    void violationsByPlateInArabicWithArabicDigitsAndLetters() {
        String reply = ask("مخالفات ١٢٣٤٥ أ ب");
        assertThat(reply).startsWith("المخالفات المرورية غير المدفوعة للمركبة").contains("35.000")
                .contains("تجاوز السرعة");
    }

    @Test
    void violationsByCivilId() {
        assertThat(ask("vio 10234567")).contains("2, total 35.000 OMR");
    }

    @Test
    void aPlateWithoutViolations() {
        assertThat(ask("VIO 777 R")).startsWith("Unpaid traffic violations for 777 R: 0, total");
    }

    @Test
    void violationsOfAnUnknownPlateInBothLanguages() {
        assertThat(ask("VIO 999ZZ")).isEqualTo("No vehicle found with plate 999ZZ.");
        assertThat(ask("مخالفات ٩٩٩ ر")).isEqualTo("لا توجد مركبة مسجلة برقم اللوحة 999R.");
    }

    @Test
    void registrationExpiryInBothLanguages() {
        assertThat(ask("REG 12345-ab")).startsWith("Vehicle 12345 AB (Toyota Land Cruiser): registration");
        assertThat(ask("تسجيل ٧٧٧ ر")).startsWith("المركبة 777 R");
        assertThat(ask("REG 55555ZZ")).isEqualTo("No vehicle found with plate 55555ZZ.");
    }

    @Test
    void visaStatusInBothLanguages() {
        assertThat(ask("VISA V2026000123")).startsWith("Visa application V2026000123: APPROVED");
        assertThat(ask("تأشيرة v 2026 000999")).startsWith("تأشيرة V2026000999: قيد المراجعة");
        assertThat(ask("visa V2026000001")).isEqualTo("No visa application found with number V2026000001.");
        assertThat(ask("تأشيرة V2026000001")).isEqualTo("لا يوجد طلب تأشيرة بالرقم V2026000001.");
    }

    @Test
    void helpListsTheServicesInTheLanguageOfTheCommand() {
        assertThat(ask("help")).startsWith("Services:\n").contains("\nVIO 12345AB or civil ID - unpaid traffic violations")
                .contains("\nREG ").contains("\nVISA ");
        assertThat(ask("مساعدة")).startsWith("الخدمات:\n").contains("\nمخالفات ").contains("\nتسجيل ")
                .contains("\nتأشيرة ");
    }

    @Test
    void missingOrInvalidArgumentsGetTheServicesUsage() {
        assertThat(ask("VIO")).isEqualTo("Send VIO followed by the plate, e.g. VIO 12345AB / your civil ID, e.g. VIO 10234567");
        assertThat(ask("VISA 12345")).isEqualTo("Send VISA followed by the application number, e.g. VISA V2026000123");
        assertThat(ask("تأشيرة")).isEqualTo("أرسل تأشيرة ثم رقم الطلب، مثل: تأشيرة V2026000123");
    }

    @Test
    void whenTheBackOfficeIsDownTheCitizenIsToldItIsTemporarilyUnavailable() {
        faults.down(true);
        assertThat(ask("VIO 12345AB")).isEqualTo("The service is temporarily unavailable. Please try again later.");
        assertThat(ask("مخالفات 12345AB")).isEqualTo("الخدمة غير متاحة مؤقتا. يرجى المحاولة لاحقا.");
        faults.clear();
        assertThat(ask("VIO 12345AB")).contains("35.000 OMR");
    }

    @Test
    void theSameCommandSentTwiceByTheSmscIsAnsweredOnce() {
        String number = newNumber();
        simulator.injectMo(number, "90085", "VISA V2026000123");
        simulator.injectMo(number, "90085", "VISA V2026000123");
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> simulator.inbox(number).size() == 1);
    }

    @Test
    void aCommandThatCameInSeveralPartsIsAnsweredWhole() {
        String number = newNumber();
        String text = "VIO" + " ".repeat(200) + "12345AB";
        assertThat(simulator.injectMo(number, "90085", text).parts()).isEqualTo(2);
        String reply = await().atMost(WAIT).until(() -> simulator.inbox(number), inbox -> inbox.size() == 1)
                .get(0).text();
        assertThat(reply).contains("35.000 OMR");
    }

    @Test
    void everyLookupIsAuditedWithoutTheNumberInTheClear() {
        String number = newNumber();
        ask(number, "VIO 4821 SM");
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM pull_lookup WHERE sender = :s")
                .param("s", number).query(Long.class).single() == 1);
        Map<String, Object> row = jdbc.sql("SELECT service, query, outcome, reply, latency_ms FROM pull_lookup "
                + "WHERE sender = :s").param("s", number).query().singleRow();
        assertThat(row).containsEntry("service", "VIO").containsEntry("query", "plate=4821SM")
                .containsEntry("outcome", "FOUND");
        assertThat((String) row.get("reply")).contains("95.000 OMR");
    }

    @Test
    void eachServiceCountsItsAnswersByKindAndMeasuresItsLatency() {
        ask("VISA V2026000456");
        ask("VISA V2026000002");
        await().atMost(WAIT).until(() -> registry.find("risala.pull.lookups").tags("service", "VISA", "outcome",
                "NOT_FOUND").timer() != null);
        assertThat(registry.get("risala.pull.lookups").tags("service", "VISA", "outcome", "FOUND").timer().count())
                .isPositive();
        assertThat(registry.get("risala.pull.latency").tag("service", "VISA").timer().count()).isGreaterThanOrEqualTo(2);
        assertThat(registry.get("risala.pull.latency").tag("service", "VISA").timer().takeSnapshot().percentileValues())
                .extracting(v -> v.percentile()).containsExactly(0.5, 0.99);
    }

    @Test
    void oneNumberWalkingThroughManyPlatesIsLimitedAndFlagged() {
        String number = newNumber();
        for (int i = 1; i <= 5; i++) {
            assertThat(ask(number, "REG " + i + "00ZZ")).startsWith("No vehicle found");
        }
        double flaggedBefore = registry.get("risala.pull.enumeration.flagged").counter().count();
        assertThat(ask(number, "REG 600ZZ")).isEqualTo(PullKeywordService.TOO_MANY_RECORDS_EN);
        assertThat(registry.get("risala.pull.enumeration.flagged").counter().count()).isEqualTo(flaggedBefore + 1);
        // a record already asked about is still answered (written differently: the same text again within the
        // duplicate window would be taken for the SMSC resending it)
        assertThat(ask(number, "reg 100 zz")).startsWith("No vehicle found");
    }

    @Test
    void aServiceAddedAtRuntimeOverJdbcAnswersAtOnce() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS demo_licence (civil_id VARCHAR(10), holder VARCHAR(60), expires_on DATE)")
                .update();
        jdbc.sql("DELETE FROM demo_licence").update();
        jdbc.sql("INSERT INTO demo_licence VALUES ('10765432', 'Aisha Al Balushi', DATE '2027-03-01')").update();
        catalogue.save(service("LIC", "رخصة", new ConnectorDefinition(ConnectorType.JDBC, null, null, null, null, null,
                null, null, "testdb", "SELECT holder, expires_on FROM demo_licence WHERE civil_id = :civilId", null,
                null, null, null), "Driving licence of {{holder}} expires on {{expires_on}}."), "test");
        assertThat(ask("LIC 10765432")).isEqualTo("Driving licence of Aisha Al Balushi expires on 2027-03-01.");
        assertThat(ask("رخصة 10000001")).isEqualTo("غير موجود 10000001");
        catalogue.setEnabled("LIC", false, "test");
        assertThat(ask("LIC 10765432")).isEqualTo("Unknown command. Send HELP. / أمر غير معروف. أرسل مساعدة");
    }

    @Test
    void aSlowBackOfficeHoldsUpOnlyItsOwnService() throws IOException, InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.setExecutor(Executors.newCachedThreadPool());
        slow.createContext("/licence", exchange -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"holder\":\"late\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slow.start();
        try {
            catalogue.save(service("SLOW", null, new ConnectorDefinition(ConnectorType.HTTP, "GET",
                    "http://127.0.0.1:" + slow.getAddress().getPort() + "/licence?id={civilId}", null, null,
                    Map.of("holder", "/holder"), null, null, null, null, null, Duration.ofMillis(700), false, 2),
                    "Licence of {{holder}}."), "test");
            // more commands than the service's threads: they wait for it, not for the others
            List<String> waiting = List.of(newNumber(), newNumber(), newNumber(), newNumber());
            waiting.forEach(n -> simulator.injectMo(n, "90085", "SLOW 10765432"));
            Instant asked = Instant.now();
            assertThat(ask("VISA V2026000123")).startsWith("Visa application V2026000123: APPROVED");
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofMillis(600));
            for (String n : waiting) {
                assertThat(await().atMost(WAIT).until(() -> simulator.inbox(n), inbox -> inbox.size() == 1).get(0)
                        .text()).isEqualTo("The service is temporarily unavailable. Please try again later.");
            }
        } finally {
            release.countDown();
            slow.stop(0);
            catalogue.delete("SLOW", "test");
        }
    }

    private static ServiceDefinition service(String keyword, String alias, ConnectorDefinition connector,
                                             String found) {
        return new ServiceDefinition(keyword, alias == null ? List.of() : List.of(alias), List.of(),
                new Bilingual("civil ID - test", "الرقم المدني - تجربة"),
                List.of(new ArgumentDefinition("civilId", Normalisations.CIVIL_ID, null,
                        new Bilingual("your civil ID", "الرقم المدني"))),
                connector,
                new ReplyTemplates(new Bilingual(found, found), new Bilingual("not found {{civilId}}",
                        "غير موجود {{civilId}}"), new Bilingual("Send " + keyword + " {{usage}}", "أرسل {{usage}}"),
                        new Bilingual("The service is temporarily unavailable. Please try again later.",
                                "الخدمة غير متاحة مؤقتا. يرجى المحاولة لاحقا.")),
                1, true, false);
    }
}
