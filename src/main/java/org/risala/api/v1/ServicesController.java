package org.risala.api.v1;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.risala.pull.CatalogueEntry;
import org.risala.pull.SecretHeaders;
import org.risala.pull.ServiceCatalogue;
import org.risala.pull.ServiceChange;
import org.risala.pull.ServiceDefinition;
import org.risala.pull.ServiceJson;
import org.risala.pull.UnknownService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;

/**
 * The pull services, for admins and provisioning scripts (keys with the admin scope). Header values of connectors
 * that are not {@code ${...}} references are answered masked; sending the mask back keeps the stored value.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/services", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Pull services", description = "The keyword services citizens text to the short codes (admin scope)")
@SecurityRequirement(name = "bearer")
class ServicesController {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d+)\"?");

    private final ServiceCatalogue catalogue;

    ServicesController(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Schema(name = "PullService", description = "A service with its version, the ETag an edit names in If-Match")
    record StoredService(String keyword, long version,
                         @Schema(description = "CONFIGURATION (seeded, kept in step with the configuration) or ADMIN "
                                 + "(changed by an admin; configuration no longer overwrites it)") String source,
                         String updatedAt, String updatedBy,
                         @Schema(implementation = ServiceDefinition.class) JsonNode definition) {

        static StoredService of(CatalogueEntry entry) {
            return new StoredService(entry.keyword(), entry.version(), entry.source().name(),
                    entry.updatedAt().toString(), entry.updatedBy(), masked(entry.definition()));
        }
    }

    @Schema(name = "PullServiceChange", description = "before is absent when it was created, after when deleted")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(long id, String action, String changedBy, String changedAt,
                  @Schema(implementation = ServiceDefinition.class) JsonNode before,
                  @Schema(implementation = ServiceDefinition.class) JsonNode after) {

        static Change of(ServiceChange change) {
            return new Change(change.id(), change.action().name(), change.changedBy(), change.changedAt().toString(),
                    masked(change.before()), masked(change.after()));
        }
    }

    @Schema(name = "PullServiceEnabled")
    record Enabled(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean enabled) {
    }

    @GetMapping
    @Operation(summary = "All pull services, enabled and disabled")
    List<StoredService> list() {
        return catalogue.all().stream().map(StoredService::of).toList();
    }

    @GetMapping("/{keyword}")
    @Operation(summary = "One pull service, by keyword or alias", description = "The ETag is its version.")
    @ApiResponse(responseCode = "404", description = "No service has this keyword or alias")
    ResponseEntity<StoredService> get(@PathVariable String keyword) {
        return answer(HttpStatus.OK, find(keyword));
    }

    @PutMapping(path = "/{keyword}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or replace a pull service", description = """
            The body is the definition; its keyword, when given, must be the one in the path (a service is not
            renamed: create the new one and delete the old). Takes effect at once on every node. With If-Match
            (the version, as the ETag gives it) the change is refused with 409 if someone changed the service
            since; without it the last change wins. A header sent as **** keeps its stored value.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ServiceDefinition.class))))
    @ApiResponse(responseCode = "200", description = "Replaced")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "Not a valid definition: every problem is in errors")
    @ApiResponse(responseCode = "409", description = "Changed by someone else since the version in If-Match")
    ResponseEntity<StoredService> put(@PathVariable String keyword, @RequestBody String body,
            @Parameter(description = "The version the edit was made on, e.g. \"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ServiceDefinition definition = ServiceJson.read(body);
        String path = ServiceCatalogue.canonicalKeyword(keyword);
        if (definition.keyword() != null && !ServiceCatalogue.canonicalKeyword(definition.keyword()).equals(path)) {
            throw new ApiException(ApiProblems.invalidField("keyword", "must be the keyword in the path (" + path
                    + "); a service is not renamed: create the new one and delete the old"));
        }
        boolean created = catalogue.find(path).filter(entry -> entry.keyword().equals(path)).isEmpty();
        CatalogueEntry saved = catalogue.save(definition, version(ifMatch), changedBy());
        return answer(created ? HttpStatus.CREATED : HttpStatus.OK, saved);
    }

    @PostMapping(path = "/{keyword}/enabled", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enable or disable a pull service", description = """
            A disabled service answers like an unknown keyword. Takes effect at once on every node.""")
    @ApiResponse(responseCode = "404", description = "No service has this keyword or alias")
    ResponseEntity<StoredService> setEnabled(@PathVariable String keyword, @RequestBody Enabled body) {
        if (body.enabled() == null) {
            throw new ApiException(ApiProblems.invalidField("enabled", "is required (true or false)"));
        }
        return answer(HttpStatus.OK, catalogue.setEnabled(find(keyword).keyword(), body.enabled(), changedBy()));
    }

    @DeleteMapping("/{keyword}")
    @Operation(summary = "Delete a pull service", description = """
            Its history stays; the configuration does not bring it back at the next start.""")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No service has this keyword or alias")
    ResponseEntity<Void> delete(@PathVariable String keyword) {
        catalogue.delete(find(keyword).keyword(), changedBy());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{keyword}/history")
    @Operation(summary = "Every change of a pull service, newest first", description = "Also of a deleted one.")
    @ApiResponse(responseCode = "404", description = "No service has, or had, this keyword")
    List<Change> history(@PathVariable String keyword) {
        String current = catalogue.find(keyword).map(CatalogueEntry::keyword).orElse(keyword);
        List<ServiceChange> changes = catalogue.history(current);
        if (changes.isEmpty()) {
            throw new UnknownService(keyword);
        }
        return changes.stream().map(Change::of).toList();
    }

    private CatalogueEntry find(String keyword) {
        return catalogue.find(keyword).orElseThrow(() -> new UnknownService(keyword));
    }

    private static ResponseEntity<StoredService> answer(HttpStatus status, CatalogueEntry entry) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).eTag(String.valueOf(entry.version()));
        if (status == HttpStatus.CREATED) {
            answer.location(UriComponentsBuilder.fromPath("/api/v1/admin/services/{keyword}")
                    .buildAndExpand(entry.keyword()).encode().toUri());
        }
        return answer.body(StoredService.of(entry));
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher version = VERSION.matcher(ifMatch.strip());
        if (!version.matches()) {
            throw new ApiException(ApiProblems.invalidField(HttpHeaders.IF_MATCH,
                    "must be the version of the service as its ETag gives it, e.g. \"3\""));
        }
        return Long.valueOf(version.group(1));
    }

    private static JsonNode masked(ServiceDefinition definition) {
        return definition == null ? null : ServiceJson.tree(SecretHeaders.masked(definition));
    }

    private static String changedBy() {
        return "api:" + ApiSecurityConfiguration.current().clientName();
    }
}
