package org.risala.subscriptions.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.risala.sms.Msisdn;
import org.risala.subscriptions.SubscriptionRecords;
import org.risala.subscriptions.SubscriptionRecords.Found;
import org.risala.subscriptions.SubscriptionRejected;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff pages of the subscriptions (SUPERVISOR and ADMIN): search by number or key, each topic's figures over a
 * period, and one subscription with its history and charges. As on the message pages, a list shows numbers
 * masked and the page of one subscription shows its number in full.
 */
@Controller
@RequestMapping("/subscriptions")
class SubscriptionsPage {

    /** the search form as typed; text, so that a wrong entry becomes a form error */
    record Search(String number, String topic, String key) {
    }

    /** the period form as typed: dates, the end included */
    record Period(String from, String until) {
    }

    /** one line of a result list: the number masked */
    record Row(Found subscription, String maskedNumber) {
    }

    private final SubscriptionRecords records;
    private final ZoneId zone;
    private final Clock clock;

    SubscriptionsPage(SubscriptionRecords records, ZoneId displayZone, Clock clock) {
        this.records = records;
        this.zone = displayZone;
        this.clock = clock;
    }

    @GetMapping
    String search(@ModelAttribute("search") Search search, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Found> found = null;
        boolean byNumber = !blank(search.number());
        boolean byKey = !blank(search.key());
        if (byNumber && byKey) {
            errors.put("number", "Search by number or by key, not both.");
        } else {
            try {
                if (byNumber) {
                    found = records.byNumber(search.number());
                } else if (byKey) {
                    found = records.byKey(search.topic(), search.key());
                }
            } catch (SubscriptionRejected e) {
                errors.put(e.field(), switch (e.field()) {
                    case "number" -> "This is not a valid mobile number. Type it as +96891234567, 96891234567 or "
                            + "91234567.";
                    case "topic" -> "Choose a topic from the list.";
                    default -> "This is not a key of " + (blank(search.topic()) ? "any topic" : search.topic())
                            + ": type a plate (12345 AB), a passport or a visa application number.";
                });
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("rows", found == null ? null
                : found.stream().map(f -> new Row(f, Msisdn.masked(f.msisdn()))).toList());
        model.addAttribute("limit", SubscriptionRecords.LIMIT);
        model.addAttribute("topics", records.topicNames());
        return "subscriptions/search";
    }

    @GetMapping("/figures")
    String figures(@ModelAttribute("period") Period period, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate from = date("from", period.from(), today.withDayOfMonth(1), errors);
        LocalDate until = date("until", period.until(), today, errors);
        if (errors.isEmpty() && until.isBefore(from)) {
            errors.put("until", "The end date is before the start date.");
        }
        model.addAttribute("errors", errors);
        model.addAttribute("from", from);
        model.addAttribute("until", until);
        model.addAttribute("figures", errors.isEmpty() ? records.figures(from.atStartOfDay(zone).toInstant(),
                until.plusDays(1).atStartOfDay(zone).toInstant()) : List.of());
        return "subscriptions/figures";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("detail", records.detail(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "subscriptions/detail";
    }

    private static LocalDate date(String field, String raw, LocalDate otherwise, Map<String, String> errors) {
        if (blank(raw)) {
            return otherwise;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Type the date as YYYY-MM-DD.");
            return otherwise;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
