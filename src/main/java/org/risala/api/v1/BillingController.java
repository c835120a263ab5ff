package org.risala.api.v1;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.risala.api.clients.ApiPrincipal;
import org.risala.subscriptions.ChargeLine;
import org.risala.subscriptions.ChargeReport;
import org.risala.subscriptions.Subscriptions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * Reconciliation with the operators (admin scope): the monthly export of billing records, and the operators'
 * reports of charges they could not collect.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/billing")
@Tag(name = "Billing", description = "Monthly export of charges and the operators' reports (admin scope)")
@SecurityRequirement(name = "bearer")
class BillingController {

    static final int MAX_REPORTS = 10_000;
    static final String CSV_HEADER = "id,created_at,msisdn,operator,topic,kind,period,event_id,message_id,amount,status";

    private final Subscriptions subscriptions;

    BillingController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping(path = "/export", produces = "text/csv")
    @Operation(summary = "The billing records of a month (Asia/Muscat) as CSV, for one operator or all", description = """
            Columns: id,created_at,msisdn,operator,topic,kind,period,event_id,message_id,amount,status. kind is
            MONTH (a monthly fee, with its period YYYY-MM) or ALERT (a charged alert, with its event and message).
            An operator reports back by id what it could not collect (POST charge-reports).""")
    @ApiResponse(responseCode = "200", description = "The CSV, oldest record first")
    @ApiResponse(responseCode = "400", description = "month is not YYYY-MM")
    void export(@RequestParam String month, @RequestParam(required = false) String operator,
                HttpServletResponse response) throws IOException {
        YearMonth period;
        try {
            period = YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(ApiProblems.invalidField("month", "must be a month as YYYY-MM, e.g. 2026-12"));
        }
        String only = operator == null || operator.isBlank() ? null : operator.strip();
        // written as it is read, on this request's thread: a month can hold a million records
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"risala-charges-" + period
                + (only == null ? "" : "-" + only) + ".csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write(CSV_HEADER + "\r\n");
        subscriptions.exportCharges(period, only, line -> write(out, line));
        out.flush();
    }

    private static void write(Writer out, ChargeLine l) {
        try {
            // every value is Risala's own (ids, E.164 numbers, topic names), none holds a comma or a quote
            out.write(l.recordId() + "," + l.createdAt() + "," + l.msisdn() + "," + nullable(l.operator()) + ","
                    + l.topic() + "," + l.kind() + "," + nullable(l.period()) + "," + nullable(l.eventId()) + ","
                    + nullable(l.messageId()) + "," + l.amount().toPlainString() + "," + l.status() + "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    record ReportResults(List<ChargeReport.Result> results) {
    }

    @PostMapping(path = "/charge-reports", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report charges an operator could not collect, or collected later", description = """
            {"reports":[{"id":123,"status":"FAILED","reason":"insufficient balance"},{"id":124,"status":"CHARGED"}]}:
            id is the export's. A FAILED charge puts its subscription in grace (risala.subscriptions.billing.grace,
            default 7 days; the subscriber is told); unpaid by then the subscription is SUSPENDED. CHARGED ends the
            grace. Each report answers UPDATED, UNCHANGED (it said that already) or UNKNOWN (no such record).""")
    @ApiResponse(responseCode = "200", description = "Per report, what it changed")
    @ApiResponse(responseCode = "400", description = "A field is invalid (problem+json names each)")
    ReportResults report(@RequestBody JsonNode body) {
        ApiPrincipal client = ApiSecurityConfiguration.current();
        JsonNode items = body == null ? null : body.get("reports");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new ApiException(ApiProblems.invalidField("reports", "must hold at least one report"));
        }
        if (items.size() > MAX_REPORTS) {
            throw new ApiException(ApiProblems.invalidField("reports", "holds " + items.size()
                    + " reports; at most " + MAX_REPORTS + " are allowed at once"));
        }
        List<ChargeReport> reports = new ArrayList<>(items.size());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            read(items.get(i), "reports[" + i + "].", problems).ifPresent(reports::add);
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ApiProblems.invalidFields(problems));
        }
        return new ReportResults(subscriptions.reportCharges(reports, "api:" + client.clientName()));
    }

    private static Optional<ChargeReport> read(JsonNode item, String prefix, List<String> problems) {
        int before = problems.size();
        JsonNode id = item.get("id");
        if (id == null || !id.canConvertToLong() || !id.isIntegralNumber()) {
            problems.add(prefix + "id: must be the billing record's id, a whole number");
        }
        JsonNode status = item.get("status");
        ChargeReport.ChargeStatus outcome = null;
        if (status == null || !status.isString()) {
            problems.add(prefix + "status: must be FAILED or CHARGED");
        } else {
            try {
                outcome = ChargeReport.ChargeStatus.valueOf(status.asString().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(prefix + "status: must be FAILED or CHARGED");
            }
        }
        JsonNode reason = item.get("reason");
        String why = reason == null || reason.isNull() ? null : reason.isString() ? reason.asString().strip() : null;
        if (reason != null && !reason.isNull() && !reason.isString()) {
            problems.add(prefix + "reason: must be a string");
        } else if (why != null && why.length() > 200) {
            problems.add(prefix + "reason: may be at most 200 characters");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ChargeReport(id.asLong(), outcome,
                outcome == ChargeReport.ChargeStatus.FAILED && (why == null || why.isEmpty()) ? "not given" : why));
    }
}
