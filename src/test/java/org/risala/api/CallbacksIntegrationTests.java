package org.risala.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.api.clients.ApiClients;
import org.risala.api.clients.IssuedKey;
import org.risala.api.clients.KeyMode;
import org.risala.api.clients.NewClient;
import org.risala.api.clients.Scope;
import org.risala.testing.ApiCalls;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Final statuses posted to a real HTTP server of the client system, signed with the client's secret. */
@IntegrationTest
class CallbacksIntegrationTests {

    record Received(String body, String signature) {
    }

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    ApiClients clients;

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void startClientSystem() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/status", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            if (status == 204) {
                received.add(new Received(new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("X-Risala-Signature")));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/status";
    }

    @Test
    void theFinalStatusIsPostedToTheClientsUrlSignedWithItsSecret() throws Exception {
        NewClient client = clients.createClient("eVisa-" + System.nanoTime(), url(), null, null);
        IssuedKey key = clients.issueKey(client.client().id(), KeyMode.LIVE, EnumSet.of(Scope.MESSAGES), "test");
        ApiCalls api = new ApiCalls(port, key.key());

        ApiCalls.Response r = api.post("/api/v1/messages", Map.of("to", "+96899112233", "text", "Visa approved",
                "reference", "V2026000123"));
        assertThat(r.status()).isEqualTo(202);
        String id = r.json().get("id").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        Received callback = received.get(0);
        JsonNode body = ApiCalls.json().readTree(callback.body());
        assertThat(body.get("id").asString()).isEqualTo(id);
        assertThat(body.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(body.get("reference").asString()).isEqualTo("V2026000123");
        assertThat(callback.signature()).isEqualTo("sha256=" + hmac(client.callbackSecret(), callback.body()));
        // the secret signs, so it cannot be hashed: it is stored encrypted, under a key outside the database
        String stored = jdbc.sql("SELECT callback_secret FROM api_client WHERE id = :id")
                .param("id", client.client().id()).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(client.callbackSecret());
        assertThat(callback.signature()).isNotEqualTo("sha256=" + hmac("another secret", callback.body()));
    }

    @Test
    void aFailedCallbackIsRetriedUntilTheClientTakesIt() {
        NewClient client = clients.createClient("eCustoms-" + System.nanoTime(), null, null, null);
        IssuedKey key = clients.issueKey(client.client().id(), KeyMode.TEST, EnumSet.of(Scope.MESSAGES), "test");
        failuresLeft.set(2);

        ApiCalls.Response r = new ApiCalls(port, key.key()).post("/api/v1/messages",
                Map.of("to", "+96899112234", "text", "Shipment released", "callbackUrl", url()));
        assertThat(r.status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        assertThat(failuresLeft.get()).isNegative();
        assertThat(ApiCalls.json().readTree(received.get(0).body()).get("id").asString())
                .isEqualTo(r.json().get("id").asString());
    }

    private static String hmac(String secret, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
