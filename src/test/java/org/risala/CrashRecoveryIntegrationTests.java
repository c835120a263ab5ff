package org.risala;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.risala.simulator.SimulatorSettings;
import org.risala.simulator.SmscSimulator;
import org.risala.testing.ApiCalls;

import tools.jackson.databind.JsonNode;

/**
 * Risala as its own process on PostgreSQL, killed with SIGKILL while it sends: after a restart every accepted
 * message reaches a final state, none is lost, and the messages the handsets got twice stay within the window and
 * are all flagged as possible duplicates. The operator is an SMSC simulator in this JVM, so what the handsets
 * received survives the crash.
 */
@EnabledIfSystemProperty(named = "risala.test.db", matches = "postgres")
class CrashRecoveryIntegrationTests {

    private static final String DATABASE = "risala_crash";
    private static final String KEY = "rsl_live_crash_recovery_test_key";
    private static final int WINDOW = 20;
    private static final int MESSAGES = 2000;

    private final SmscSimulator operator = new SmscSimulator(new SimulatorSettings().receiptDelay(Duration.ofMillis(50)));
    private Process node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.destroyForcibly();
        }
        operator.stop();
    }

    @Test
    void afterKillNineAndARestartNoAcceptedMessageIsLostAndDuplicatesStayWithinTheWindow() throws Exception {
        recreateDatabase();
        operator.start(0);
        int port = freePort();
        node = start(port, "first");
        awaitReady(port);

        ApiCalls api = new ApiCalls(port, KEY);
        Map<String, String> accepted = new ConcurrentHashMap<>();   // message id -> handset number
        List<String> acknowledgedCommands = new java.util.concurrent.CopyOnWriteArrayList<>();   // citizens' numbers
        Thread sender = new Thread(() -> sendUntilKilled(api, accepted));
        Thread citizens = new Thread(() -> sendCommandsUntilKilled(acknowledgedCommands));
        sender.start();
        citizens.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> operator.stats().partsAccepted() >= 300);
        node.destroyForcibly().waitFor();   // SIGKILL on Linux: no shutdown hook, no graceful unbind
        sender.join(30_000);
        citizens.join(30_000);
        assertThat(accepted).as("messages accepted before the crash").isNotEmpty();
        assertThat(acknowledgedCommands).as("commands acknowledged before the crash").isNotEmpty();
        long receivedBeforeRestart = operator.stats().partsAccepted();
        assertThat(receivedBeforeRestart).isLessThan(accepted.size());

        node = start(port, "second");
        awaitReady(port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> unfinished(accepted.keySet()) == 0);

        Map<String, String> statuses = statuses(accepted.keySet());
        assertThat(statuses).hasSize(accepted.size());
        assertThat(statuses.values()).containsOnly("DELIVERED");
        List<String> twice = new ArrayList<>();
        accepted.forEach((id, number) -> {
            int copies = operator.inbox(number).size();
            assertThat(copies).as("copies at " + number).isPositive();
            if (copies > 1) {
                twice.add(id);
            }
        });
        assertThat(twice.size()).as("duplicates are bounded by the window").isLessThanOrEqualTo(WINDOW);
        assertThat(possibleDuplicates()).as("every duplicate was flagged").containsAll(twice);

        // every command the SMSC heard was received is answered, also those in hand when the node died
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> acknowledgedCommands.stream().allMatch(number -> !operator.inbox(number).isEmpty()));
    }

    /** citizens' commands over SMPP, each from its own number, acknowledged only once Risala stored them */
    private void sendCommandsUntilKilled(List<String> acknowledged) {
        for (int n = 0; n < MESSAGES; n++) {
            String number = "+9689" + (4_000_000 + n);
            try {
                operator.injectMo(number, "90085", n % 2 == 0 ? "HELP" : "VISA V2026000123");
            } catch (IllegalStateException e) {
                return;   // the node died, or is not bound yet at the start
            }
            acknowledged.add(number);
        }
    }

    private void sendUntilKilled(ApiCalls api, Map<String, String> accepted) {
        for (int batch = 0; batch * 100 < MESSAGES; batch++) {
            List<Map<String, Object>> messages = new ArrayList<>();
            Map<Integer, String> numbers = new HashMap<>();
            for (int i = 0; i < 100; i++) {
                int n = batch * 100 + i;
                String number = "+9689" + (3_000_000 + n);
                numbers.put(i, number);
                messages.add(Map.of("to", number, "text", "crash test " + n, "priority", "bulk"));
            }
            ApiCalls.Response r;
            try {
                r = api.post("/api/v1/messages/batch", Map.of("messages", messages));
            } catch (IllegalStateException e) {
                return;   // the node died: this batch was not accepted, as far as we know
            }
            if (r.status() != 202) {
                return;
            }
            for (JsonNode item : r.json().get("results")) {
                accepted.put(item.get("id").asString(), numbers.get(item.get("index").asInt()));
            }
        }
    }

    private Process start(int port, String run) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                RisalaApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE + "?reWriteBatchedInserts=true",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--risala.node-id=crash-node",
                "--risala.data-dir=target/crash-node-data",
                "--risala.simulator.enabled=false",
                "--risala.api.bootstrap-key=" + KEY,
                "--risala.platform.bootstrap-admin-password=crash-test-admin-password",
                "--risala.smpp.operators[0].name=omantel",
                "--risala.smpp.operators[0].host=127.0.0.1",
                "--risala.smpp.operators[0].port=" + operator.port(),
                "--risala.smpp.operators[0].system-id=rop",
                "--risala.smpp.operators[0].tps=1000",
                "--risala.smpp.operators[0].window=" + WINDOW,
                "--risala.smpp.operators[0].message-id-format=RESP_HEX_RCPT_DEC",
                "--risala.smpp.operators[0].reconnect-max-delay=1s"));
        File log = new File("target/crash-node-" + run + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitReady(int port) {
        ApiCalls anonymous = new ApiCalls(port, null);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            ApiCalls.Response health = anonymous.get("/actuator/health");
            return health.status() == 200 && health.body().contains("BOUND");
        });
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
    }

    private static void recreateDatabase() throws SQLException {
        try (Connection c = connect("test"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    private static long unfinished(java.util.Set<String> ids) throws SQLException {
        return statuses(ids).values().stream().filter(s -> s.equals("QUEUED") || s.equals("SUBMITTED")).count()
                + (ids.size() - statuses(ids).size());
    }

    private static Map<String, String> statuses(java.util.Set<String> ids) throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        try (Connection c = connect(DATABASE); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, status FROM outbound_message")) {
            while (rs.next()) {
                if (ids.contains(rs.getString("id"))) {
                    statuses.put(rs.getString("id"), rs.getString("status"));
                }
            }
        }
        return statuses;
    }

    private static List<String> possibleDuplicates() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = connect(DATABASE); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM outbound_message WHERE possible_duplicate")) {
            while (rs.next()) {
                ids.add(rs.getString("id"));
            }
        }
        return ids;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
