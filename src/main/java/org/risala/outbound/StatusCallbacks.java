package org.risala.outbound;

import static org.risala.storage.SqlTimes.ts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a status callback in the same transaction as the final status, so a callback is never lost and never sent
 * for a status that was rolled back. {@link CallbackSender} delivers them.
 */
@Component
class StatusCallbacks {

    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;

    StatusCallbacks(NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.batch = batch;
        this.json = json;
    }

    void enqueue(List<MessageRepository.FinalisedMessage> messages, Instant now) {
        List<MessageRepository.FinalisedMessage> wanted = messages.stream()
                .filter(m -> m.callbackUrl() != null && !m.callbackUrl().isBlank()).toList();
        if (wanted.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO status_callback (message_id, client_id, url, payload, attempts, created_at, next_attempt_at, state)
                VALUES (:m, :c, :url, :payload, 0, :now, :now, 'PENDING')""", wanted.stream()
                .map(m -> new MapSqlParameterSource().addValue("m", m.id()).addValue("c", m.clientId())
                        .addValue("url", m.callbackUrl()).addValue("payload", payload(m)).addValue("now", ts(now)))
                .toArray(SqlParameterSource[]::new));
    }

    private String payload(MessageRepository.FinalisedMessage m) {
        Finalisation f = m.finalisation();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", m.id().toString());
        body.put("reference", m.reference());
        body.put("to", m.recipient());
        body.put("status", f.status().name());
        body.put("operator", m.operator());
        body.put("segments", m.segments());
        body.put("acceptedAt", String.valueOf(m.acceptedAt()));
        body.put("submittedAt", m.submittedAt() == null ? null : m.submittedAt().toString());
        body.put("doneAt", f.at().toString());
        body.put("failureCode", f.failureCode());
        body.put("failureReason", f.status() == MessageStatus.DELIVERED ? null : f.reason());
        return json.writeValueAsString(body);
    }
}
