package org.risala.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.risala.testing.ApiCalls;
import org.risala.testing.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** What operations staff see: bind states in health, the message figures in Prometheus. */
@IntegrationTest
class ObservabilityIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void healthShowsEachOperatorBindWithItsStateAndSince() {
        JsonNode health = new ApiCalls(port, null).get("/actuator/health").json();
        JsonNode operators = health.get("components").get("operators");
        assertThat(operators.get("status").asString()).isEqualTo("UP");
        assertThat(operators.toString()).contains("simulator").contains("BOUND").contains("since");
    }

    @Test
    void prometheusHasTheMessageFiguresAfterAMessageWasDelivered() {
        ApiCalls api = new ApiCalls(port);
        String id = api.post("/api/v1/messages", Map.of("to", "+96899887766", "text", "metrics")).json()
                .get("id").asString();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/v1/messages/" + id).json().get("status").asString().equals("DELIVERED"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = new ApiCalls(port, null).get("/actuator/prometheus").body();
            assertThat(metrics)
                    .contains("risala_messages_accepted_total{")
                    .contains("risala_messages_submitted_total{")
                    .contains("risala_messages_delivered_total")
                    .contains("risala_messages_delivery_latency_seconds_bucket")
                    .contains("risala_queue_depth{priority=\"high\"}")
                    .contains("risala_queue_depth{priority=\"bulk\"}")
                    .contains("risala_smpp_submit_latency_seconds_bucket")
                    .contains("risala_smpp_window_used")
                    .contains("risala_smpp_tps_limit");
        });
    }
}
