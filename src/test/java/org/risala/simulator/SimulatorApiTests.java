package org.risala.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.jsmpp.bean.BindType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.risala.sms.Encoding;
import org.risala.sms.SmsCodec;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class SimulatorApiTests {

    private final SimulatorSettings settings = new SimulatorSettings().receiptDelay(Duration.ofMillis(10));
    private final SmscSimulator simulator = new SmscSimulator(settings);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SimulatorApi(simulator)).build();

    SimulatorApiTests() {
        simulator.start(0);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void injectsAnMoAndAnswersWithItsParts() throws Exception {
        try (TestEsme esme = TestEsme.bind(simulator, BindType.BIND_TRX, "risala")) {
            mvc.perform(post("/simulator/api/mo").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"from\":\"+96891234567\",\"to\":\"90085\",\"text\":\"مخالفات\"}"))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.parts").value(1));
            await().until(() -> esme.mos.size() == 1);
            assertThat(SmsCodec.decode(esme.mos.get(0).getDataCoding(), esme.mos.get(0).getShortMessage()))
                    .isEqualTo("مخالفات");
        }
    }

    @Test
    void aMissingFieldIsABadRequestNamingIt() throws Exception {
        mvc.perform(post("/simulator/api/mo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"+96891234567\",\"to\":\"90085\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("text"))
                .andExpect(jsonPath("$.detail").value("'text' is required"));
    }

    @Test
    void moWithoutAReceiverIsServiceUnavailable() throws Exception {
        mvc.perform(post("/simulator/api/mo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"96891234567\",\"to\":\"90085\",\"text\":\"HELP\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("no receiver (RX or TRX) is bound to the simulator"));
    }

    @Test
    void listsAHandsetsMessagesWithOrWithoutPlus() throws Exception {
        try (TestEsme esme = TestEsme.bind(simulator, BindType.BIND_TX, "risala")) {
            esme.submit("96891234567", SmsCodec.encode(Encoding.GSM7, "first"), (byte) 0, TestEsme.PLAIN);
            esme.submit("96891234567", SmsCodec.encode(Encoding.GSM7, "second"), (byte) 0, TestEsme.PLAIN);
        }

        mvc.perform(get("/simulator/api/messages").param("to", "96891234567"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[1].text").value("second"))
                .andExpect(jsonPath("$[1].to").value("+96891234567"))
                .andExpect(jsonPath("$[1].from").value("90085"))
                .andExpect(jsonPath("$[1].encoding").value("GSM7"))
                .andExpect(jsonPath("$[1].parts").value(1))
                .andExpect(jsonPath("$[1].receivedAt").isString());
        mvc.perform(get("/simulator/api/messages").param("to", "+96891234567"))
                .andExpect(jsonPath("$", hasSize(2)));

        mvc.perform(delete("/simulator/api/messages")).andExpect(status().isNoContent());
        mvc.perform(get("/simulator/api/messages").param("to", "+96891234567"))
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void changesOnlyTheFaultsNamedInAPut() throws Exception {
        settings.duplicateReceipts(true);

        mvc.perform(put("/simulator/api/faults").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"throttleFraction": 0.25, "responseDelayMillis": 300,
                                 "outcomes": {"delivered": 3, "undelivered": 1, "expired": 0, "rejected": 0},
                                 "forcedOutcomes": {"96899999999": "REJECTD"}}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.throttleFraction").value(0.25))
                .andExpect(jsonPath("$.duplicateReceipts").value(true));

        assertThat(settings.throttleFraction()).isEqualTo(0.25);
        assertThat(settings.responseDelay()).isEqualTo(Duration.ofMillis(300));
        assertThat(settings.duplicateReceipts()).isTrue();
        assertThat(settings.outcomes()).isEqualTo(new OutcomeMix(3, 1, 0, 0));
        assertThat(settings.forcedOutcomes()).containsEntry("+96899999999", ReceiptStat.REJECTD);
        mvc.perform(get("/simulator/api/faults"))
                .andExpect(jsonPath("$.responseDelayMillis").value(300))
                .andExpect(jsonPath("$.outcomes.undelivered").value(1.0));
    }

    @Test
    void rejectsAnImpossibleFraction() throws Exception {
        mvc.perform(put("/simulator/api/faults").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"throttleFraction\": 1.5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("throttleFraction must be between 0 and 1, was 1.5"));
        assertThat(settings.throttleFraction()).isZero();
    }

    @Test
    void dropsConnectionsAndReportsStats() throws Exception {
        try (TestEsme esme = TestEsme.bind(simulator, BindType.BIND_TRX, "risala")) {
            esme.submit("96891234567", SmsCodec.encode(Encoding.GSM7, "hi"), (byte) 0, TestEsme.PLAIN);
            mvc.perform(get("/simulator/api/stats"))
                    .andExpect(jsonPath("$.submitsReceived").value(1))
                    .andExpect(jsonPath("$.boundSessions").value(1));

            mvc.perform(post("/simulator/api/faults/drop-connections")).andExpect(status().isAccepted());

            await().until(() -> !esme.session.getSessionState().isBound());
        }
    }
}
