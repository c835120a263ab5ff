package org.risala.outbound;

import static org.risala.storage.SqlTimes.instant;
import static org.risala.storage.SqlTimes.ts;

import org.risala.storage.GroupCommit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Semaphore;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts queued status callbacks to client systems, signed with HMAC-SHA256 of the body
 * ({@code X-Risala-Signature: sha256=<hex>}). Runs on its own threads and HTTP client, so a slow or failing client
 * never slows sending; failures are retried with backoff for up to 24 hours.
 */
@Component
class CallbackSender {

    static final String SIGNATURE_HEADER = "X-Risala-Signature";
    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);
    private static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    private static final Duration MAX_RETRY = Duration.ofHours(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_IN_FLIGHT = 64;

    private record Due(long id, Long clientId, String url, String payload, int attempts, Instant createdAt) {
    }

    private record Result(Due callback, boolean delivered, String error, Instant at) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final TransactionTemplate tx;
    private final CallbackSigner signer;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final GroupCommit<Result> results;

    CallbackSender(JdbcClient jdbc, NamedParameterJdbcTemplate batch, TransactionTemplate tx, CallbackSigner signer,
                   Clock clock, OutboundProperties properties) {
        this.retryPolicy = new RetryPolicy(properties.callbackRetryInitialDelay(), MAX_RETRY);
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.signer = signer;
        this.clock = clock;
        this.results = new GroupCommit<>("callback-results", 1, 500, tx, this::record);
    }

    @Scheduled(fixedDelayString = "${risala.outbound.callback-poll-interval:200ms}")
    void sendDue() {
        int free = inFlight.availablePermits();
        if (free == 0) {
            return;
        }
        List<Due> due = tx.execute(s -> claim(free));
        for (Due d : due) {
            inFlight.acquireUninterruptibly();
            post(d);
        }
    }

    private List<Due> claim(int limit) {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                        SELECT id, client_id, url, payload, attempts, created_at FROM status_callback
                        WHERE state = 'PENDING' AND next_attempt_at <= :now
                          AND (claimed_until IS NULL OR claimed_until < :now)
                        ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("now", ts(now)).param("limit", limit)
                .query((rs, n) -> {
                    long client = rs.getLong("client_id");
                    return new Due(rs.getLong("id"), rs.wasNull() ? null : client, rs.getString("url"),
                            rs.getString("payload"), rs.getInt("attempts"), instant(rs, "created_at"));
                })
                .list();
        if (!due.isEmpty()) {
            jdbc.sql("UPDATE status_callback SET claimed_until = :until WHERE id IN (:ids)")
                    .param("until", ts(now.plus(REQUEST_TIMEOUT.multipliedBy(3))))
                    .param("ids", due.stream().map(Due::id).toList()).update();
        }
        return due;
    }

    private void post(Due d) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.url())).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8));
            if (d.clientId() != null) {
                signer.secretOf(d.clientId()).ifPresent(secret ->
                        request.header(SIGNATURE_HEADER, "sha256=" + sign(secret, d.payload())));
            }
        } catch (RuntimeException e) {
            finish(new Result(d, false, "invalid callback: " + e.getMessage(), clock.instant()));
            return;
        }
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, e) -> {
                    if (e != null) {
                        finish(new Result(d, false, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant()));
                    } else if (response.statusCode() / 100 == 2) {
                        finish(new Result(d, true, null, clock.instant()));
                    } else {
                        finish(new Result(d, false, "HTTP " + response.statusCode(), clock.instant()));
                    }
                });
    }

    private void finish(Result result) {
        inFlight.release();
        results.submit(result);
    }

    static String sign(byte[] secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private void record(List<Result> done) {
        SqlParameterSource[] rows = done.stream().map(r -> {
            int attempts = r.callback().attempts() + 1;
            Instant next = r.delivered() ? null
                    : retryPolicy.nextAttempt(attempts, r.at(), r.callback().createdAt().plus(GIVE_UP_AFTER));
            String state = r.delivered() ? "DELIVERED" : next == null ? "FAILED" : "PENDING";
            if ("FAILED".equals(state)) {
                log.warn("status callback {} abandoned after {} attempts: {}", r.callback().id(), attempts, r.error());
            }
            return new MapSqlParameterSource().addValue("id", r.callback().id()).addValue("attempts", attempts)
                    .addValue("state", state).addValue("next", ts(next == null ? r.at() : next))
                    .addValue("error", MessageRepository.truncate(r.error(), 300))
                    .addValue("delivered", r.delivered() ? ts(r.at()) : null);
        }).toArray(SqlParameterSource[]::new);
        batch.batchUpdate("""
                UPDATE status_callback SET attempts = :attempts, state = :state, next_attempt_at = :next,
                    claimed_until = NULL, last_error = :error, delivered_at = :delivered
                WHERE id = :id""", rows);
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        results.shutdown();
    }
}
