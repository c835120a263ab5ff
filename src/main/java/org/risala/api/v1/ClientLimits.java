package org.risala.api.v1;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.risala.api.ApiProperties;
import org.risala.api.clients.ApiPrincipal;
import org.risala.outbound.OutboundMessaging;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Per-client limits: requests per second (a token bucket) and messages per day (reset at midnight in the quota
 * zone). Counted on each node; the daily count starts from the database, so a restart does not reset it.
 */
@Component
class ClientLimits {

    private final OutboundMessaging outbound;
    private final Clock clock;
    private final ApiProperties properties;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<Long, DailyCount> daily = new ConcurrentHashMap<>();

    ClientLimits(OutboundMessaging outbound, Clock clock, ApiProperties properties) {
        this.outbound = outbound;
        this.clock = clock;
        this.properties = properties;
    }

    /** @throws ApiException 429 with Retry-After when the client is over its rate */
    void checkRate(ApiPrincipal client) {
        Integer rate = client.ratePerSecond();
        if (rate == null) {
            return;
        }
        Bucket bucket = buckets.compute(client.clientId(), (id, b) -> b == null || b.rate != rate ? new Bucket(rate) : b);
        if (!bucket.tryTake(System.nanoTime())) {
            throw new ApiException(ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "This client may make " + rate + " requests per second."), 1L);
        }
    }

    /** reserves {@code messages} of today's quota; @throws ApiException 429 when the quota would be passed */
    void reserveQuota(ApiPrincipal client, int messages) {
        Integer quota = client.dailyQuota();
        if (quota == null || messages == 0) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), properties.quotaZone());
        LocalDate today = now.toLocalDate();
        DailyCount count = daily.compute(client.clientId(), (id, c) -> c != null && c.day.equals(today) ? c
                : new DailyCount(today, outbound.countAccepted(client.clientId(),
                        today.atStartOfDay(properties.quotaZone()).toInstant())));
        synchronized (count) {
            if (count.used + messages > quota) {
                long untilMidnight = Duration.between(now, today.plusDays(1).atStartOfDay(properties.quotaZone()))
                        .toSeconds() + 1;
                throw new ApiException(ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS, "quota-exceeded",
                        "Daily quota exceeded", "This client may send " + quota + " messages per day; "
                                + count.used + " were sent today."), untilMidnight);
            }
            count.used += messages;
        }
    }

    /** gives back quota reserved for messages that were then not accepted */
    void release(ApiPrincipal client, int messages) {
        DailyCount count = daily.get(client.clientId());
        if (count != null && messages > 0) {
            synchronized (count) {
                count.used = Math.max(0, count.used - messages);
            }
        }
    }

    private static final class DailyCount {
        final LocalDate day;
        long used;

        DailyCount(LocalDate day, long used) {
            this.day = day;
            this.used = used;
        }
    }

    /** a token bucket holding one second's worth of requests */
    private static final class Bucket {
        final int rate;
        private double tokens;
        private long last;

        Bucket(int rate) {
            this.rate = rate;
            this.tokens = rate;
            this.last = System.nanoTime();
        }

        synchronized boolean tryTake(long now) {
            tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
