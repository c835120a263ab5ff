package org.risala.outbound;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound queue settings ({@code risala.outbound.*}).
 *
 * @param maxSegments       longest message accepted, in segments
 * @param defaultValidity   how long a message may wait and be retried when the caller gives no validity
 * @param maxValidity       the longest validity a caller may ask for
 * @param receiptTimeout    a SUBMITTED message with no receipt after this long becomes UNKNOWN
 * @param claimTimeout      how long a node may hold claimed work before other nodes take it back (crash recovery)
 * @param retryInitialDelay first retry delay; it doubles per attempt, with full jitter
 * @param retryMaxDelay     cap of the retry delay
 * @param defaultRegion     region for numbers written without a country code
 * @param allowInternational whether numbers outside the default region are accepted
 * @param maxBatch          most messages in one batch request
 * @param writerThreads     threads that group-commit accepted messages (submit results and receipts have one
 *                          writer each: it makes the largest batches, and more only add lock contention)
 * @param failoverAfter     messages waiting for an operator that has had no bound bind this long go to another one
 * @param storeTimeout      how long an API call waits for its message to be stored before answering 503
 * @param callbackRetryInitialDelay first retry of a failed status callback; doubling, up to an hour, for 24 hours
 */
@Validated
@ConfigurationProperties("risala.outbound")
public record OutboundProperties(
        @Min(1) @Max(255) Integer maxSegments,
        Duration defaultValidity,
        Duration maxValidity,
        Duration receiptTimeout,
        Duration claimTimeout,
        Duration retryInitialDelay,
        Duration retryMaxDelay,
        String defaultRegion,
        Boolean allowInternational,
        @Min(1) Integer maxBatch,
        @Min(1) Integer writerThreads,
        Duration callbackRetryInitialDelay,
        Duration failoverAfter,
        Duration storeTimeout) {

    public OutboundProperties {
        maxSegments = maxSegments == null ? 8 : maxSegments;
        defaultValidity = defaultValidity == null ? Duration.ofHours(24) : defaultValidity;
        maxValidity = maxValidity == null ? Duration.ofDays(7) : maxValidity;
        receiptTimeout = receiptTimeout == null ? Duration.ofHours(48) : receiptTimeout;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(60) : claimTimeout;
        retryInitialDelay = retryInitialDelay == null ? Duration.ofSeconds(2) : retryInitialDelay;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofMinutes(5) : retryMaxDelay;
        defaultRegion = defaultRegion == null ? "OM" : defaultRegion;
        allowInternational = allowInternational != null && allowInternational;
        maxBatch = maxBatch == null ? 10_000 : maxBatch;
        writerThreads = writerThreads == null ? 2 : writerThreads;
        storeTimeout = storeTimeout == null ? Duration.ofSeconds(10) : storeTimeout;
        failoverAfter = failoverAfter == null ? Duration.ofSeconds(10) : failoverAfter;
        callbackRetryInitialDelay = callbackRetryInitialDelay == null ? Duration.ofSeconds(10) : callbackRetryInitialDelay;
    }
}
