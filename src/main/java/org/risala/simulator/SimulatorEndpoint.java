package org.risala.simulator;

/** Where the running simulator listens; with {@code risala.simulator.port=0} the port is the one actually bound. */
public record SimulatorEndpoint(String host, int port) {
}
