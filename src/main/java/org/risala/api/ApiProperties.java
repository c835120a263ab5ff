package org.risala.api;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Integration API settings ({@code risala.api.*}).
 *
 * @param bootstrapKey     env RISALA_BOOTSTRAP_API_KEY: at start, a live key with this value and every scope is
 *                         created for a client called "bootstrap", if it does not exist yet
 * @param quotaZone        the time zone whose midnight resets daily quotas
 * @param maxMessageBytes  largest body accepted by POST /api/v1/messages
 * @param maxBatchBytes    largest body accepted by POST /api/v1/messages/batch
 */
@ConfigurationProperties("risala.api")
public record ApiProperties(String bootstrapKey, ZoneId quotaZone, Integer maxMessageBytes, Integer maxBatchBytes) {

    public ApiProperties {
        quotaZone = quotaZone == null ? ZoneId.of("Asia/Muscat") : quotaZone;
        maxMessageBytes = maxMessageBytes == null ? 64 * 1024 : maxMessageBytes;
        maxBatchBytes = maxBatchBytes == null ? 16 * 1024 * 1024 : maxBatchBytes;
    }
}
