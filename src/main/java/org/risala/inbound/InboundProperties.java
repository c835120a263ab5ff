package org.risala.inbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Inbound settings ({@code risala.inbound.*}).
 *
 * @param duplicateWindow the same text from the same number to the same short code within this time is taken for
 *                        the SMSC resending it (its deliver_sm_resp was lost), and stored once
 * @param concatTimeout   a concatenated message still missing parts this long after its first part is stored with
 *                        the parts that came, so that a lost part does not lose the rest
 */
@ConfigurationProperties("risala.inbound")
public record InboundProperties(Duration duplicateWindow, Duration concatTimeout) {

    public InboundProperties {
        duplicateWindow = duplicateWindow == null ? Duration.ofMinutes(2) : duplicateWindow;
        concatTimeout = concatTimeout == null ? Duration.ofMinutes(30) : concatTimeout;
    }
}
