package org.risala.simulator;

import java.net.InetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the simulator in the application. Its socket is bound when the beans are created, so {@link SimulatorEndpoint}
 * carries the real port even for {@code risala.simulator.port=0}; it starts accepting binds in an early lifecycle
 * phase, before the SMPP clients connect, and stops after them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulator
@EnableConfigurationProperties(SimulatorProperties.class)
public class SimulatorConfiguration {

    /** earlier than the SMPP clients' phase, so it starts first and stops last */
    public static final int PHASE = Integer.MIN_VALUE + 1000;

    @Bean
    SimulatorSettings simulatorSettings(SimulatorProperties properties) {
        return properties.toSettings();
    }

    @Bean(destroyMethod = "stop")
    SmscSimulator smscSimulator(SimulatorSettings settings, SimulatorProperties properties) {
        SmscSimulator simulator = new SmscSimulator(settings);
        simulator.open(properties.port());
        return simulator;
    }

    @Bean
    SimulatorEndpoint simulatorEndpoint(SmscSimulator simulator) {
        return new SimulatorEndpoint(InetAddress.getLoopbackAddress().getHostAddress(), simulator.port());
    }

    @Bean
    SmartLifecycle simulatorLifecycle(SmscSimulator simulator, SimulatorEndpoint endpoint) {
        return new SimulatorLifecycle(simulator, endpoint);
    }

    static final class SimulatorLifecycle implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(SimulatorLifecycle.class);

        private final SmscSimulator simulator;
        private final SimulatorEndpoint endpoint;
        private volatile boolean running;

        SimulatorLifecycle(SmscSimulator simulator, SimulatorEndpoint endpoint) {
            this.simulator = simulator;
            this.endpoint = endpoint;
        }

        @Override
        public void start() {
            simulator.serve();
            running = true;
            log.info("SMSC simulator listening on {}:{} (SMPP, loopback only)", endpoint.host(), endpoint.port());
        }

        @Override
        public void stop() {
            simulator.stop();
            running = false;
        }

        /** the listening socket was opened when the bean was created and others know its port: a pause must not close it */
        @Override
        public boolean isPauseable() {
            return false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return PHASE;
        }
    }
}
