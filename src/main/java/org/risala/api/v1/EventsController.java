package org.risala.api.v1;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.risala.api.clients.ApiPrincipal;
import org.risala.subscriptions.AlertEvent;
import org.risala.subscriptions.EventReceived;
import org.risala.subscriptions.Subscriptions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * Back offices report what happened to a record (a violation, an expiry, a visa decision); each event is alerted
 * by SMS to the citizens subscribed to it, once per event id. A {@code document.expiry} event gives a document's
 * expiry date, which the reminders are sent for.
 */
@RestController
@RequestMapping(path = "/api/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Events", description = "Events from back offices, alerted to the subscribed citizens")
@SecurityRequirement(name = "bearer")
class EventsController {

    static final int MAX_EVENTS = 1000;

    private final Subscriptions subscriptions;
    private final ClientLimits limits;

    EventsController(Subscriptions subscriptions, ClientLimits limits) {
        this.subscriptions = subscriptions;
        this.limits = limits;
    }

    record EventResult(String id, int matched, boolean duplicate) {
    }

    record EventResults(List<EventResult> events) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report one event, or up to 1,000 as {\"events\":[…]}", description = """
            {"id","type","key","occurredAt","data":{…}}: type is a topic (violation, registration-expiry,
            document-expiry, visa-status), key the record (plate, passport, visa application), data the fields of
            the alert. The same id is alerted once: posted again it answers duplicate:true and sends nothing.
            type document.expiry gives a document's expiry date instead, for the reminders of an expiry topic:
            "data":{"topic":"registration-expiry","expiresOn":"2027-01-15"}; matched is then how many
            subscriptions its reminders go to.""")
    @ApiResponse(responseCode = "202", description = "Received; per event how many subscriptions it was alerted to")
    @ApiResponse(responseCode = "400", description = "A field is invalid (problem+json names each)")
    ResponseEntity<Object> post(@RequestBody JsonNode body) {
        ApiPrincipal client = ApiSecurityConfiguration.current();
        limits.checkRate(client);
        if (body == null || !body.isObject()) {
            throw new ApiException(ApiProblems.problem(HttpStatus.BAD_REQUEST, "malformed-body",
                    "Malformed request body", "The request body must be a JSON object."));
        }
        boolean batch = body.has("events");
        List<JsonNode> nodes = batch ? items(body.get("events")) : List.of(body);
        List<AlertEvent> events = new ArrayList<>(nodes.size());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String prefix = batch ? "events[" + i + "]." : "";
            if (!nodes.get(i).isObject()) {
                problems.add((batch ? "events[" + i + "]" : "body") + ": must be an object");
                continue;
            }
            List<String> own = new ArrayList<>();
            AlertEvent event = read(nodes.get(i), own);
            // a field JSON got wrong is named once, not again for being missing
            List<String> unreadable = own.stream().map(EventsController::field).toList();
            subscriptions.problems(event).stream().filter(p -> !unreadable.contains(field(p))).forEach(own::add);
            own.stream().map(p -> prefix + p).forEach(problems::add);
            events.add(event);
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ApiProblems.invalidFields(problems));
        }
        List<EventResult> results = subscriptions.receive(events, client.isTest()).stream()
                .map(EventsController::result).toList();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(batch ? new EventResults(results) : results.get(0));
    }

    private static List<JsonNode> items(JsonNode events) {
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new ApiException(ApiProblems.invalidField("events", "must hold at least one event"));
        }
        if (events.size() > MAX_EVENTS) {
            throw new ApiException(ApiProblems.invalidField("events", "holds " + events.size()
                    + " events; at most " + MAX_EVENTS + " are allowed at once"));
        }
        List<JsonNode> items = new ArrayList<>(events.size());
        events.forEach(items::add);
        return items;
    }

    private static String field(String problem) {
        return problem.substring(0, Math.max(0, problem.indexOf(": ")));
    }

    /** reads what JSON can get wrong; what the values mean is checked by the subscriptions */
    private static AlertEvent read(JsonNode node, List<String> problems) {
        String occurred = text(node, "occurredAt", problems);
        Instant occurredAt = null;
        if (occurred != null) {
            try {
                occurredAt = OffsetDateTime.parse(occurred.trim()).toInstant();
            } catch (DateTimeParseException e) {
                problems.add("occurredAt: must be an ISO-8601 date-time with offset, e.g. 2026-12-01T08:00:00Z");
            }
        }
        return new AlertEvent(text(node, "id", problems), text(node, "type", problems), text(node, "key", problems),
                occurredAt, data(node.get("data"), problems));
    }

    private static String text(JsonNode node, String name, List<String> problems) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(name + ": must be a string");
            return null;
        }
        return value.asString();
    }

    private static Map<String, String> data(JsonNode data, List<String> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        if (data == null || data.isNull()) {
            return values;
        }
        if (!data.isObject()) {
            problems.add("data: must be an object of texts and numbers");
            return values;
        }
        data.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isContainer()) {
                problems.add("data." + field.getKey() + ": must be a text or a number");
            } else if (!value.isNull()) {
                values.put(field.getKey(), value.isBigDecimal() ? value.decimalValue().toPlainString()
                        : value.asString());
            }
        });
        return values;
    }

    private static EventResult result(EventReceived r) {
        return new EventResult(r.id(), r.matched(), r.duplicate());
    }
}
