package org.risala.simulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in SMSC ({@code risala.simulator.*}). The outcome fractions are weights read relative to their sum;
 * with none given every receipt says DELIVRD. Faults are not configured here: they are switched at runtime through
 * {@code /simulator/api/faults}.
 *
 * @param enabled        run the simulator (default true)
 * @param port           loopback port to listen on (default 2775); 0 picks a free one, see {@link SimulatorEndpoint}
 * @param receiptDelay   time between a submit_sm_resp and its receipt (default 100 ms)
 * @param messageIds     id style of responses and receipts (default hex response, decimal receipt)
 * @param receiptSenders threads sending receipts (default 32)
 */
@ConfigurationProperties("risala.simulator")
public record SimulatorProperties(Boolean enabled, Integer port, Duration receiptDelay, MessageIdStyle messageIds,
                                  Double deliveredFraction, Double undeliveredFraction, Double expiredFraction,
                                  Double rejectedFraction, Integer receiptSenders) {

    public SimulatorProperties {
        enabled = enabled == null || enabled;
        port = port == null ? 2775 : port;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("risala.simulator.port must be 0-65535, was " + port);
        }
        receiptDelay = receiptDelay == null ? Duration.ofMillis(100) : receiptDelay;
        messageIds = messageIds == null ? MessageIdStyle.HEX_RESP_DECIMAL_RECEIPT : messageIds;
        boolean anyShare = deliveredFraction != null || undeliveredFraction != null || expiredFraction != null
                || rejectedFraction != null;
        deliveredFraction = deliveredFraction == null ? (anyShare ? 0.0 : 1.0) : deliveredFraction;
        undeliveredFraction = undeliveredFraction == null ? 0.0 : undeliveredFraction;
        expiredFraction = expiredFraction == null ? 0.0 : expiredFraction;
        rejectedFraction = rejectedFraction == null ? 0.0 : rejectedFraction;
        receiptSenders = receiptSenders == null ? 32 : receiptSenders;
    }

    /** fails with a message naming the wrong property */
    SimulatorSettings toSettings() {
        try {
            return new SimulatorSettings()
                    .messageIdStyle(messageIds)
                    .receiptDelay(receiptDelay)
                    .receiptSenders(receiptSenders)
                    .outcomes(new OutcomeMix(deliveredFraction, undeliveredFraction, expiredFraction,
                            rejectedFraction));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid risala.simulator settings: " + e.getMessage(), e);
        }
    }
}
