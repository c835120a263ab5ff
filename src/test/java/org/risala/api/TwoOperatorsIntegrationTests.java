package org.risala.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.risala.api.clients.ApiClients;
import org.risala.api.clients.KeyMode;
import org.risala.api.clients.NewClient;
import org.risala.api.clients.Scope;
import org.risala.simulator.SimulatorSettings;
import org.risala.simulator.SmscSimulator;
import org.risala.smpp.OperatorLinks;
import org.risala.testing.ApiCalls;
import org.risala.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Two "real" operators (each an SMSC simulator on its own socket) next to the built-in one: prefix routing,
 * failover when an operator refuses or goes down, and test keys that never reach a real operator. This class needs
 * its own application context and database, which it closes when it is done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
@Import(TestDatabase.CleanDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TwoOperatorsIntegrationTests {

    static final SmscSimulator OMANTEL = new SmscSimulator(new SimulatorSettings().receiptDelay(Duration.ofMillis(20)));
    static final SmscSimulator OOREDOO = new SmscSimulator(new SimulatorSettings().receiptDelay(Duration.ofMillis(20)));

    static {
        OMANTEL.start(0);
        OOREDOO.start(0);
    }

    @DynamicPropertySource
    static void operators(DynamicPropertyRegistry registry) {
        if (TestDatabase.isPostgres()) {
            registry.add("spring.datasource.url",
                    () -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=two_operators&reWriteBatchedInserts=true");
            registry.add("spring.flyway.schemas", () -> "two_operators");
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:risala-two-operators;DB_CLOSE_DELAY=-1;"
                    + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        register(registry, 0, "omantel", OMANTEL, "+96891");
        register(registry, 1, "ooredoo", OOREDOO, "+96895");
        registry.add("risala.outbound.failover-after", () -> "1s");
        registry.add("risala.smpp.operators[0].reconnect-max-delay", () -> "1s");
    }

    private static void register(DynamicPropertyRegistry r, int i, String name, SmscSimulator smsc, String prefix) {
        String p = "risala.smpp.operators[" + i + "].";
        r.add(p + "name", () -> name);
        r.add(p + "host", () -> "127.0.0.1");
        r.add(p + "port", smsc::port);
        r.add(p + "system-id", () -> "rop-" + name);
        r.add(p + "password", () -> "secret");
        r.add(p + "tps", () -> 200);
        r.add(p + "prefixes[0]", () -> prefix);
        r.add(p + "message-id-format", () -> "RESP_HEX_RCPT_DEC");
    }

    @AfterAll
    static void stopOperators() {
        OMANTEL.stop();
        OOREDOO.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    SmscSimulator builtIn;

    @Autowired
    OperatorLinks links;

    @Autowired
    ApiClients clients;

    @AfterEach
    void restore() {
        OMANTEL.settings().clearFaults();
        OOREDOO.settings().clearFaults();
        await().atMost(Duration.ofSeconds(15)).until(() -> links.canTransmit("omantel") && links.canTransmit("ooredoo"));
    }

    private JsonNode send(ApiCalls api, String to, String text) {
        ApiCalls.Response r = api.post("/api/v1/messages", Map.of("to", to, "text", text));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json();
    }

    private JsonNode awaitDelivered(ApiCalls api, String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            last[0] = api.get("/api/v1/messages/" + id).json();
            assertThat(last[0].get("status").asString()).isEqualTo("DELIVERED");
        });
        return last[0];
    }

    @Test
    void eachNumberGoesToTheOperatorItsPrefixBelongsTo() {
        await().atMost(Duration.ofSeconds(15)).until(() -> links.canTransmit("omantel") && links.canTransmit("ooredoo"));
        ApiCalls api = new ApiCalls(port);
        JsonNode a = awaitDelivered(api, send(api, "+96891000001", "to Omantel").get("id").asString());
        JsonNode b = awaitDelivered(api, send(api, "+96895000001", "to Ooredoo").get("id").asString());
        assertThat(a.get("operator").asString()).isEqualTo("omantel");
        assertThat(b.get("operator").asString()).isEqualTo("ooredoo");
        assertThat(OMANTEL.inbox("+96891000001")).hasSize(1);
        assertThat(OOREDOO.inbox("+96895000001")).hasSize(1);
        assertThat(builtIn.inbox("+96891000001")).isEmpty();
    }

    @Test
    void aReplyGoesBackThroughTheOperatorTheCitizensSmsCameIn() {
        await().atMost(Duration.ofSeconds(15)).until(() -> links.canTransmit("omantel") && links.canTransmit("ooredoo"));
        // a number with Ooredoo's prefix that moved to Omantel: its SMS comes through Omantel, so the reply does too
        OMANTEL.injectMo("+96895000009", "90085", "HELLO");
        await().atMost(Duration.ofSeconds(10)).until(() -> OMANTEL.inbox("+96895000009").size() == 1);
        assertThat(OMANTEL.inbox("+96895000009").get(0).from()).isEqualTo("90085");
        assertThat(OOREDOO.inbox("+96895000009")).isEmpty();
    }

    @Test
    void messagesRefusedByTheirOperatorFailOverToAnotherOne() {
        await().atMost(Duration.ofSeconds(15)).until(() -> links.canTransmit("omantel") && links.canTransmit("ooredoo"));
        OMANTEL.settings().throttleFraction(1.0);
        ApiCalls api = new ApiCalls(port);
        JsonNode m = awaitDelivered(api, send(api, "+96891000002", "Omantel refuses").get("id").asString());
        assertThat(m.get("operator").asString()).isEqualTo("ooredoo");
        assertThat(OOREDOO.inbox("+96891000002")).hasSize(1);
        assertThat(m.get("timeline").toString()).contains("via ooredoo");
    }

    @Test
    void whenAnOperatorIsDownItsMessagesGoThroughAnother() {
        OMANTEL.settings().refuseBinds(true);
        OMANTEL.dropConnections();
        await().atMost(Duration.ofSeconds(10)).until(() -> !links.canTransmit("omantel"));
        ApiCalls api = new ApiCalls(port);
        JsonNode m = awaitDelivered(api, send(api, "+96891000003", "Omantel is down").get("id").asString());
        assertThat(m.get("operator").asString()).isEqualTo("ooredoo");
        assertThat(OMANTEL.inbox("+96891000003")).isEmpty();
        assertThat(OOREDOO.inbox("+96891000003")).hasSize(1);
    }

    @Test
    void aTestKeyNeverReachesARealOperator() {
        NewClient client = clients.createClient("trial-" + System.nanoTime(), null, null, null);
        String key = clients.issueKey(client.client().id(), KeyMode.TEST, EnumSet.of(Scope.MESSAGES), "test").key();
        ApiCalls api = new ApiCalls(port, key);
        JsonNode a = awaitDelivered(api, send(api, "+96891000004", "test traffic").get("id").asString());
        JsonNode b = awaitDelivered(api, send(api, "+96895000004", "test traffic").get("id").asString());
        assertThat(a.get("operator").asString()).isEqualTo(OperatorLinks.SIMULATOR);
        assertThat(b.get("operator").asString()).isEqualTo(OperatorLinks.SIMULATOR);
        assertThat(a.get("test").asBoolean()).isTrue();
        assertThat(builtIn.inbox("+96891000004")).hasSize(1);
        assertThat(OMANTEL.inbox("+96891000004")).isEmpty();
        assertThat(OOREDOO.inbox("+96895000004")).isEmpty();
    }
}
