/**
 * The built-in SMSC: a jSMPP server on the loopback interface that accepts binds, answers submit_sm, reassembles
 * multipart messages into simulated handset inboxes, sends delivery receipts and injects MO messages. Faults
 * (throttling, submit errors, slow responses, refused binds, duplicate or early receipts, dropped connections) can be
 * switched on at runtime.
 * <p>
 * It is Risala's embedded default operator when none is configured, and the harness the SMPP tests run against.
 * {@link org.risala.simulator.SmscSimulator} is plain Java; {@link org.risala.simulator.SimulatorConfiguration}
 * starts it in the application and publishes its {@link org.risala.simulator.SimulatorEndpoint}. The virtual phone
 * page ({@code /simulator/phone}) and the JSON API ({@code /simulator/api/**}) exist only while the simulator runs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SMSC simulator", allowedDependencies = "sms")
package org.risala.simulator;
