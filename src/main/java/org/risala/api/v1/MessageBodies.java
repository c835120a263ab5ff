package org.risala.api.v1;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON bodies of the messages API. */
final class MessageBodies {

    private MessageBodies() {
    }

    @Schema(name = "SendMessage", description = "One SMS to send")
    record SendMessage(
            @Schema(description = "Mobile number: +96891234567, 0096891234567, 96891234567 or 91234567",
                    example = "+96891234567", requiredMode = Schema.RequiredMode.REQUIRED) String to,
            @Schema(description = "The text; GSM-7 or UCS-2 is chosen automatically", example = "Your visa V2026000123 is approved",
                    requiredMode = Schema.RequiredMode.REQUIRED) String text,
            @Schema(description = "Short code, alphanumeric sender (e.g. ROP) or international number", example = "ROP")
            String sender,
            @Schema(description = "high (alerts, one-time codes), normal (default) or bulk", example = "normal")
            String priority,
            @Schema(description = "Your own reference, searchable with GET /api/v1/messages?reference=", example = "visa-123")
            String reference,
            @Schema(description = "When to send it (ISO-8601 instant); omitted or past means now",
                    example = "2026-12-01T08:00:00Z") String sendAt,
            @Schema(description = "Minutes it may wait and be retried before it EXPIRES (default 1440)", example = "60")
            Integer validityMinutes,
            @Schema(description = "Where to POST its final status; defaults to the client's callback URL")
            String callbackUrl) {
    }

    @Schema(name = "SendBatch")
    record SendBatch(@Schema(description = "Up to 10,000 messages") List<SendMessage> messages) {
    }

    @Schema(name = "AcceptedMessage")
    record AcceptedMessage(String id, String status, String to, String encoding, int segments, List<String> warnings) {
    }

    @Schema(name = "BatchResult", description = "Per item, in order: the accepted message, or the field error")
    record BatchResult(int accepted, int rejected, List<BatchItemResult> results) {
    }

    @Schema(name = "BatchItemResult")
    record BatchItemResult(int index, String id, String status, String to, String encoding, Integer segments,
                           List<String> warnings, FieldError error) {
    }

    @Schema(name = "FieldError")
    record FieldError(String field, String reason) {
    }

    @Schema(name = "Message", description = "A message with its status, timeline, operator and parts")
    record Message(String id, String reference, String to, String sender, String text, String status,
                   String statusMeaning, String priority, String encoding, int segments, boolean test,
                   @Schema(description = "the submit_sm service_type, null for the operator's default")
                   String serviceType,
                   @Schema(description = "whether the recipient is charged for it (a premium alert)")
                   boolean chargeable, String operator,
                   int attempts, boolean possibleDuplicate, String acceptedAt, String sendAt, String expiresAt,
                   String submittedAt, String doneAt, String failureCode, String failureReason, List<Part> parts,
                   List<Event> timeline) {
    }

    @Schema(name = "MessagePart")
    record Part(int number, String operator, String smscMessageId, String status, String submittedAt, String doneAt,
                String errorCode) {
    }

    @Schema(name = "MessageEvent")
    record Event(String at, String status, String detail) {
    }
}
