package org.risala.api.v1;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.risala.api.clients.ApiPrincipal;
import org.risala.subscriptions.NumberChange;
import org.risala.subscriptions.NumberChanged;
import org.risala.subscriptions.NumberChanges;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The civil registry reports a citizen's new mobile number; the subscriptions follow it. */
@RestController
@RequestMapping(path = "/api/v1/number-changes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Number changes", description = "A citizen's subscriptions moved to a new number")
@SecurityRequirement(name = "bearer")
class NumberChangesController {

    private final NumberChanges changes;
    private final ClientLimits limits;

    NumberChangesController(NumberChanges changes, ClientLimits limits) {
        this.changes = changes;
        this.limits = limits;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report a number change: {\"civilId\",\"oldNumber\",\"newNumber\",\"reference\"?}",
            description = """
                    Every live subscription of the old number moves to the new one (one the new number has already
                    is merged), and both numbers are told by SMS when anything moved. The same report again moves
                    and sends nothing and answers duplicate:true.""")
    @ApiResponse(responseCode = "201", description = "Recorded; what was moved")
    @ApiResponse(responseCode = "200", description = "Reported before: nothing was done now")
    @ApiResponse(responseCode = "400", description = "A field is invalid (problem+json names it)")
    ResponseEntity<NumberChanged> report(@RequestBody NumberChange request) {
        ApiPrincipal client = ApiSecurityConfiguration.current();
        limits.checkRate(client);
        NumberChanged changed = changes.change(request, client.actor(), client.isTest());
        return ResponseEntity.status(changed.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(changed);
    }
}
