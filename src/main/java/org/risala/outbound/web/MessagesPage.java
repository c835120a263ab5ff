package org.risala.outbound.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.risala.outbound.MessageSearch;
import org.risala.outbound.MessageStatus;
import org.risala.outbound.MessageView;
import org.risala.outbound.OutboundMessaging;
import org.risala.outbound.SendRejected;
import org.risala.sms.Msisdn;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The message search page and the message detail page. The list shows masked numbers and no text, so a search
 * over many citizens' messages reveals little; the full number and text are on the detail page of one message.
 * Clients are filtered by id: their names belong to the api module, which depends on outbound, not the other way.
 */
@Controller
class MessagesPage {

    static final int LIMIT = 100;

    /** the search form as typed; everything is text so that a wrong entry becomes a form error, not a 400 */
    record Filter(String to, String clientId, String reference, String status, String from, String until) {
    }

    /** one line of the result list: nothing in it identifies the citizen */
    record Row(UUID id, String maskedTo, MessageStatus status, Long clientId, String reference, String origin,
               Instant acceptedAt, int segments, String operator, boolean testMode, boolean possibleDuplicate) {
    }

    private final OutboundMessaging messaging;
    private final ZoneId zone;

    MessagesPage(OutboundMessaging messaging, ZoneId displayZone) {
        this.messaging = messaging;
        this.zone = displayZone;
    }

    @GetMapping("/messages")
    String search(@ModelAttribute("filter") Filter filter, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long clientId = clientId(filter.clientId(), errors);
        MessageStatus status = status(filter.status(), errors);
        LocalDate from = date("from", filter.from(), errors);
        LocalDate until = date("until", filter.until(), errors);
        if (from != null && until != null && until.isBefore(from)) {
            errors.put("until", "The end date is before the start date.");
        }
        List<Row> rows = List.of();
        if (errors.isEmpty()) {
            try {
                rows = messaging.search(new MessageSearch(blankToNull(filter.to()), clientId,
                                blankToNull(filter.reference()), status,
                                from == null ? null : from.atStartOfDay(zone).toInstant(),
                                until == null ? null : until.plusDays(1).atStartOfDay(zone).toInstant(), LIMIT))
                        .stream().map(MessagesPage::row).toList();
            } catch (SendRejected e) {
                errors.put("to", "This is not a valid mobile number. Type it as +96891234567, 96891234567 or 91234567.");
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("rows", rows);
        model.addAttribute("limit", LIMIT);
        model.addAttribute("statuses", MessageStatus.values());
        return "messages/search";
    }

    @GetMapping("/messages/{id}")
    String detail(@PathVariable UUID id, Model model) {
        MessageView message = messaging.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("message", message);
        return "messages/detail";
    }

    private static Row row(MessageView m) {
        return new Row(m.id(), Msisdn.masked(m.to()), m.status(), m.clientId(), m.reference(), m.origin(), m.acceptedAt(),
                m.segments(), m.operator(), m.testMode(), m.possibleDuplicate());
    }

    private static Long clientId(String raw, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(raw.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put("clientId", "A client id is a whole number, as listed on the API keys page.");
        return null;
    }

    private static MessageStatus status(String raw, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return MessageStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("status", "Choose a status from the list.");
            return null;
        }
    }

    private static LocalDate date(String field, String raw, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Type the date as YYYY-MM-DD.");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
