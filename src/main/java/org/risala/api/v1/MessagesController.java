package org.risala.api.v1;

import java.io.IOException;
import java.io.InputStream;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.risala.api.ApiProperties;
import org.risala.api.clients.ApiPrincipal;
import org.risala.outbound.Accepted;
import org.risala.outbound.BatchItem;
import org.risala.outbound.MessageView;
import org.risala.outbound.OutboundMessaging;
import org.risala.outbound.Priority;
import org.risala.outbound.SendRejected;
import org.risala.outbound.SendRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping(path = "/api/v1/messages", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Messages", description = "Send SMS and follow their delivery")
@SecurityRequirement(name = "bearer")
class MessagesController {

    private final OutboundMessaging outbound;
    private final ClientLimits limits;
    private final JsonMapper json;
    private final ApiProperties properties;

    MessagesController(OutboundMessaging outbound, ClientLimits limits, JsonMapper json, ApiProperties properties) {
        this.outbound = outbound;
        this.limits = limits;
        this.json = json;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send one SMS", description = """
            The message is stored before the answer: 202 means it will be delivered, fail with a reason, or expire.
            With an Idempotency-Key, repeating the same request returns the same message and sends nothing again.""",
            requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = MessageBodies.SendMessage.class))))
    @ApiResponse(responseCode = "202", description = "Accepted and stored")
    @ApiResponse(responseCode = "400", description = "A field is invalid (problem+json names it)")
    @ApiResponse(responseCode = "409", description = "Idempotency-Key reused with a different body")
    @ApiResponse(responseCode = "413", description = "Body too large")
    @ApiResponse(responseCode = "429", description = "Rate limit or daily quota passed; see Retry-After")
    @ApiResponse(responseCode = "503", description = "Could not be stored, so not accepted; retry later")
    ResponseEntity<MessageBodies.AcceptedMessage> send(HttpServletRequest request,
            @Parameter(description = "Makes retries safe: the same key and body give the same message")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ApiPrincipal client = ApiSecurityConfiguration.current();
        limits.checkRate(client);
        byte[] body = read(request, properties.maxMessageBytes());
        MessageBodies.SendMessage message = parse(body, MessageBodies.SendMessage.class);
        SendRequest send = toRequest(client, message, "", idempotencyKey, idempotencyKey == null ? null : sha256(body));
        limits.reserveQuota(client, 1);
        Accepted accepted;
        try {
            accepted = outbound.send(send);
        } catch (RuntimeException e) {
            limits.release(client, 1);
            throw e;
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new MessageBodies.AcceptedMessage(accepted.id().toString(),
                accepted.status().name(), accepted.to(), accepted.encoding().name(), accepted.segments(),
                accepted.warnings()));
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send up to 10,000 SMS at once", description = """
            Each item is validated on its own; the answer gives, in order, each item's id or its field error.
            The valid items are stored together before the answer.""",
            requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = MessageBodies.SendBatch.class))))
    @ApiResponse(responseCode = "202", description = "Processed; see each item")
    ResponseEntity<MessageBodies.BatchResult> sendBatch(HttpServletRequest request) {
        ApiPrincipal client = ApiSecurityConfiguration.current();
        limits.checkRate(client);
        MessageBodies.SendBatch batch = parse(read(request, properties.maxBatchBytes()), MessageBodies.SendBatch.class);
        if (batch.messages() == null || batch.messages().isEmpty()) {
            throw new ApiException(ApiProblems.invalidField("messages", "must hold at least one message"));
        }
        if (batch.messages().size() > 10_000) {
            throw new ApiException(ApiProblems.invalidField("messages", "holds " + batch.messages().size()
                    + " messages; at most 10000 are allowed per batch"));
        }
        List<SendRequest> requests = new ArrayList<>(batch.messages().size());
        List<SendRejected> early = new ArrayList<>(batch.messages().size());
        for (int i = 0; i < batch.messages().size(); i++) {
            MessageBodies.SendMessage m = batch.messages().get(i);
            try {
                requests.add(toRequest(client, m == null ? new MessageBodies.SendMessage(null, null, null, null, null,
                        null, null, null) : m, "messages[" + i + "].", null, null));
                early.add(null);
            } catch (SendRejected e) {
                requests.add(null);
                early.add(e);
            }
        }
        List<SendRequest> valid = requests.stream().filter(r -> r != null).toList();
        limits.reserveQuota(client, valid.size());
        List<BatchItem> items;
        try {
            items = outbound.sendBatch(valid);
        } catch (RuntimeException e) {
            limits.release(client, valid.size());
            throw e;
        }
        List<MessageBodies.BatchItemResult> results = new ArrayList<>(requests.size());
        int next = 0;
        int accepted = 0;
        for (int i = 0; i < requests.size(); i++) {
            SendRejected rejected = early.get(i);
            Accepted ok = null;
            if (rejected == null) {
                BatchItem item = items.get(next++);
                ok = item.accepted();
                rejected = item.rejected() == null ? null
                        : new SendRejected("messages[" + i + "]." + item.rejected().field(), item.rejected().reason());
            }
            if (ok != null) {
                accepted++;
                results.add(new MessageBodies.BatchItemResult(i, ok.id().toString(), ok.status().name(), ok.to(),
                        ok.encoding().name(), ok.segments(), ok.warnings(), null));
            } else {
                results.add(new MessageBodies.BatchItemResult(i, null, null, null, null, null, null,
                        new MessageBodies.FieldError(rejected.field(), rejected.reason())));
            }
        }
        limits.release(client, valid.size() - accepted);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new MessageBodies.BatchResult(accepted, results.size() - accepted, results));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A message's status, timeline, operator, parts and failure reason")
    @ApiResponse(responseCode = "404", description = "No such message for this client")
    MessageBodies.Message get(@PathVariable String id) {
        ApiPrincipal client = ApiSecurityConfiguration.current();
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return outbound.find(uuid).filter(m -> m.clientId() != null && m.clientId() == client.clientId())
                .map(MessagesController::toBody).orElseThrow(MessagesController::notFound);
    }

    @GetMapping
    @Operation(summary = "This client's messages with a reference (newest first, at most 1000)")
    List<MessageBodies.Message> byReference(@RequestParam String reference) {
        ApiPrincipal client = ApiSecurityConfiguration.current();
        return outbound.findByReference(client.clientId(), reference).stream().map(MessagesController::toBody).toList();
    }

    private static ApiException notFound() {
        return new ApiException(ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", "Message not found",
                "No message with this id belongs to this client."));
    }

    private SendRequest toRequest(ApiPrincipal client, MessageBodies.SendMessage m, String fieldPrefix,
                                  String idempotencyKey, String requestHash) {
        Priority priority = null;
        if (m.priority() != null) {
            try {
                priority = Priority.parse(m.priority());
            } catch (IllegalArgumentException e) {
                throw new SendRejected(fieldPrefix + "priority", e.getMessage());
            }
        }
        Instant sendAt = null;
        if (m.sendAt() != null && !m.sendAt().isBlank()) {
            try {
                sendAt = OffsetDateTime.parse(m.sendAt().trim()).toInstant();
            } catch (DateTimeParseException e) {
                throw new SendRejected(fieldPrefix + "sendAt", "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T08:00:00Z");
            }
        }
        String callback = m.callbackUrl() != null && !m.callbackUrl().isBlank() ? m.callbackUrl() : client.callbackUrl();
        return new SendRequest(client.clientId(), "api", m.to(), m.text(), m.sender(), priority, m.reference(), sendAt,
                m.validityMinutes(), callback, client.isTest(), idempotencyKey, requestHash,
                null, null);
    }

    private <T> T parse(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new ApiException(ApiProblems.problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                    "The request body is empty."));
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new ApiException(ApiProblems.problem(HttpStatus.BAD_REQUEST, "malformed-body",
                        "Malformed request body", "The request body must be a JSON object."));
            }
            return value;
        } catch (JacksonException e) {
            throw new ApiException(ApiProblems.problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                    "The request body is not valid JSON for this endpoint: " + e.getOriginalMessage()));
        }
    }

    /** reads the body up to a limit, so an oversized request is refused with 413 however it is sent */
    static byte[] read(HttpServletRequest request, int limit) {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        } catch (IOException e) {
            throw new ApiException(ApiProblems.problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                    "The request body could not be read."));
        }
    }

    private static ApiException tooLarge(int limit) {
        return new ApiException(ApiProblems.problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                "The request body may be at most " + limit + " bytes."));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageBodies.Message toBody(MessageView v) {
        return new MessageBodies.Message(v.id().toString(), v.reference(), v.to(), v.sender(), v.text(), v.status().name(),
                v.status().meaning(), v.priority().apiName(), v.encoding(), v.segments(), v.testMode(), v.serviceType(),
                v.chargeable(), v.operator(),
                v.attempts(), v.possibleDuplicate(), str(v.acceptedAt()), str(v.sendAt()), str(v.expiresAt()),
                str(v.submittedAt()), str(v.doneAt()), v.failureCode(), v.failureReason(),
                v.parts().stream().map(p -> new MessageBodies.Part(p.number(), p.operator(), p.smscMessageId(), p.status(),
                        str(p.submittedAt()), str(p.doneAt()), p.errorCode())).toList(),
                v.timeline().stream().map(e -> new MessageBodies.Event(str(e.at()), e.status(), e.detail())).toList());
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }

}
