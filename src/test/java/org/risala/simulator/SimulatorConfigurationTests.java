package org.risala.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsmpp.bean.BindType;
import org.jsmpp.extra.SessionState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;

class SimulatorConfigurationTests {

    @Import(SimulatorConfiguration.class)
    static class App {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(App.class);

    @Test
    void publishesTheRealEphemeralPortAndAcceptsBindsOnceStarted() {
        runner.withPropertyValues("risala.simulator.port=0", "risala.simulator.message-ids=DECIMAL")
                .run(context -> {
                    SimulatorEndpoint endpoint = context.getBean(SimulatorEndpoint.class);
                    SmscSimulator simulator = context.getBean(SmscSimulator.class);
                    assertThat(endpoint.host()).isEqualTo("127.0.0.1");
                    assertThat(endpoint.port()).isPositive().isEqualTo(simulator.port());
                    assertThat(simulator.settings().messageIdStyle()).isEqualTo(MessageIdStyle.DECIMAL);
                    try (TestEsme esme = TestEsme.bind(simulator, BindType.BIND_TRX, "risala")) {
                        assertThat(esme.session.getSessionState()).isEqualTo(SessionState.BOUND_TRX);
                    }
                });
    }

    @Test
    void isAbsentWhenDisabled() {
        runner.withPropertyValues("risala.simulator.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SmscSimulator.class)
                        .doesNotHaveBean(SimulatorEndpoint.class));
    }

    @Test
    void startsBeforeTheSmppClients() {
        assertThat(SimulatorConfiguration.PHASE).isLessThan(0);
        runner.withPropertyValues("risala.simulator.port=0").run(context ->
                assertThat(context.getBean("simulatorLifecycle", org.springframework.context.SmartLifecycle.class)
                        .getPhase()).isEqualTo(Integer.MIN_VALUE + 1000));
    }

    @Test
    void rejectsOutcomeSharesThatAddUpToNothing() {
        runner.withPropertyValues("risala.simulator.port=0", "risala.simulator.delivered-fraction=0")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("at least one outcome share must be positive"));
    }
}
