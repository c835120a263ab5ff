package org.risala.api.v1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.risala.api.ApiProperties;
import org.risala.api.clients.ApiPrincipal;
import org.risala.subscriptions.BusinessAccount;
import org.risala.subscriptions.BusinessAccounts;
import org.risala.subscriptions.BusinessSubscribed;
import org.risala.subscriptions.LineResult;
import org.risala.subscriptions.NewBusinessAccount;
import org.risala.subscriptions.SubscriptionLine;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * G2B: business accounts (a fleet company) that a client system creates and manages, with their contact numbers,
 * subscribing many keys at once from a JSON list or a CSV file. Only the client that created an account sees it.
 */
@RestController
@RequestMapping(path = "/api/v1/business-accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Business accounts", description = "G2B: a business subscribing many keys for its contact numbers")
@SecurityRequirement(name = "bearer")
class BusinessAccountsController {

    /** the most keys one request may subscribe */
    static final int MAX_LINES = 10_000;
    static final String CSV = "text/csv";

    private final BusinessAccounts accounts;
    private final ClientLimits limits;
    private final ApiProperties properties;

    BusinessAccountsController(BusinessAccounts accounts, ClientLimits limits, ApiProperties properties) {
        this.accounts = accounts;
        this.limits = limits;
        this.properties = properties;
    }

    record Contacts(List<String> contacts) {
    }

    record Item(String topic, String key, String language) {
    }

    record Items(List<Item> subscriptions) {
    }

    /** one line's outcome: created, active (every contact had it already) or error */
    record Row(int row, String topic, String key, String result, List<Map<String, String>> errors) {
    }

    record Rows(int created, int active, int errors, List<String> optedOutContacts, List<Row> rows) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a business account: {\"name\",\"commercialRegistration\",\"contacts\":[…]}",
            description = "One account per commercial registration; 1 to 10 contact numbers.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "A field is invalid (problem+json names it)")
    @ApiResponse(responseCode = "409", description = "The registration has an account already (its id is given)")
    ResponseEntity<BusinessAccount> create(@RequestBody NewBusinessAccount request) {
        ApiPrincipal client = current();
        return ResponseEntity.status(HttpStatus.CREATED).body(accounts.create(request, client.clientId()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A business account with its contact numbers")
    BusinessAccount get(@PathVariable long id) {
        return accounts.find(id, current().clientId()).orElseThrow(BusinessAccountsController::notFound);
    }

    @PutMapping(path = "/{id}/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the contact numbers: {\"contacts\":[…]}", description = """
            A number no longer named has the business's subscriptions stopped; a new one is subscribed to every
            key the business holds, unless it sent STOP ALL.""")
    BusinessAccount replaceContacts(@PathVariable long id, @RequestBody Contacts body) {
        ApiPrincipal client = current();
        return accounts.replaceContacts(id, body.contacts(), client.clientId(), client.actor())
                .orElseThrow(BusinessAccountsController::notFound);
    }

    @PostMapping(path = "/{id}/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Subscribe up to 10,000 keys: {\"subscriptions\":[{\"topic\",\"key\",\"language\"?}…]}",
            description = """
                    Each key for every contact number, active at once; each item is answered on its own (row: its
                    index), and an invalid one never keeps the others from being subscribed.""")
    @ApiResponse(responseCode = "200", description = "Processed; see each row")
    Rows subscribe(@PathVariable long id, @RequestBody Items body) {
        List<Item> items = body.subscriptions();
        if (items == null || items.isEmpty() || items.size() > MAX_LINES) {
            throw new ApiException(ApiProblems.invalidField("subscriptions", "must hold 1 to " + MAX_LINES
                    + " keys" + (items == null ? "" : "; it holds " + items.size())));
        }
        List<SubscriptionLine> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i) == null ? new Item(null, null, null) : items.get(i);
            lines.add(new SubscriptionLine(i, item.topic(), item.key(), item.language()));
        }
        return subscribe(id, new SubscriptionsCsv.Read(lines, List.of()));
    }

    @PostMapping(path = "/{id}/subscriptions", consumes = CSV)
    @Operation(summary = "Subscribe up to 10,000 keys from a CSV file: a header topic,key[,language], a key a line",
            description = "Each line is answered on its own (row: its line in the file; the header is line 1).")
    @ApiResponse(responseCode = "200", description = "Processed; see each row")
    @ApiResponse(responseCode = "400", description = "The file as a whole is malformed (problem+json says why)")
    Rows subscribeCsv(@PathVariable long id, HttpServletRequest request) {
        return subscribe(id, SubscriptionsCsv.read(MessagesController.read(request, properties.maxBatchBytes()),
                MAX_LINES));
    }

    @PostMapping(path = "/{id}/subscriptions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The same CSV file uploaded as the form field 'file'")
    Rows subscribeUpload(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        try {
            return subscribe(id, SubscriptionsCsv.read(file.getBytes(), MAX_LINES));
        } catch (IOException e) {
            throw new ApiException(ApiProblems.problem(HttpStatus.BAD_REQUEST, "malformed-body",
                    "Malformed request body", "The uploaded file could not be read."));
        }
    }

    private Rows subscribe(long id, SubscriptionsCsv.Read read) {
        ApiPrincipal client = current();
        if (read.lines().isEmpty()) {
            // no line could be read: nothing to subscribe, but the account must still be this client's
            accounts.find(id, client.clientId()).orElseThrow(BusinessAccountsController::notFound);
        }
        BusinessSubscribed done = read.lines().isEmpty() ? new BusinessSubscribed(List.of(), List.of())
                : accounts.subscribe(id, read.lines(), client.clientId(), client.actor())
                        .orElseThrow(BusinessAccountsController::notFound);
        List<Row> rows = new ArrayList<>(read.lines().size() + read.unreadable().size());
        done.results().forEach(r -> rows.add(new Row(r.row(), r.topic(), r.key(),
                r.outcome().name().toLowerCase(Locale.ROOT), errors(r.errors()))));
        read.unreadable().forEach(u -> rows.add(new Row(u.row(), null, null, "error", errors(List.of(u.problem())))));
        rows.sort(Comparator.comparingInt(Row::row));
        return new Rows(count(done, LineResult.Outcome.CREATED), count(done, LineResult.Outcome.ACTIVE),
                count(done, LineResult.Outcome.ERROR) + read.unreadable().size(), done.optedOut(), rows);
    }

    private static int count(BusinessSubscribed done, LineResult.Outcome outcome) {
        return (int) done.results().stream().filter(r -> r.outcome() == outcome).count();
    }

    private static List<Map<String, String>> errors(List<String> problems) {
        return problems.stream().map(ApiProblems::fieldError).toList();
    }

    private ApiPrincipal current() {
        ApiPrincipal client = ApiSecurityConfiguration.current();
        limits.checkRate(client);
        return client;
    }

    private static ApiException notFound() {
        return new ApiException(ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", "Business account not found",
                "No business account with this id is managed by this client."));
    }
}
