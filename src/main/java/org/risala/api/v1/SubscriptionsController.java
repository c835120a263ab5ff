package org.risala.api.v1;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.risala.api.clients.ApiPrincipal;
import org.risala.subscriptions.NewSubscription;
import org.risala.subscriptions.SubscriptionView;
import org.risala.subscriptions.Subscriptions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions made for citizens by a client system (the citizen portal), which confirmed them itself. */
@RestController
@RequestMapping(path = "/api/v1/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Subscriptions", description = "Citizens' alert subscriptions, made on their behalf")
@SecurityRequirement(name = "bearer")
class SubscriptionsController {

    private final Subscriptions subscriptions;
    private final ClientLimits limits;

    SubscriptionsController(Subscriptions subscriptions, ClientLimits limits) {
        this.subscriptions = subscriptions;
        this.limits = limits;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Subscribe a citizen: {\"msisdn\",\"topic\",\"key\",\"language\"?}", description = """
            Active at once (the portal confirmed it with the citizen; a MONTHLY topic is charged for this month),
            and the number comes off the opt-out list. 201 when made now, 200 when it was active already.""")
    @ApiResponse(responseCode = "201", description = "Subscribed")
    @ApiResponse(responseCode = "200", description = "Was subscribed already")
    @ApiResponse(responseCode = "400", description = "A field is invalid (problem+json names it)")
    ResponseEntity<SubscriptionView> subscribe(@RequestBody NewSubscription request) {
        ApiPrincipal client = ApiSecurityConfiguration.current();
        limits.checkRate(client);
        Subscriptions.Subscribed subscribed = subscriptions.subscribe(request, client.actor());
        return ResponseEntity.status(subscribed.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(subscribed.subscription());
    }

    @GetMapping
    @Operation(summary = "A number's pending and active subscriptions")
    List<SubscriptionView> list(@RequestParam String msisdn) {
        limits.checkRate(ApiSecurityConfiguration.current());
        return subscriptions.of(msisdn);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Stop a subscription")
    @ApiResponse(responseCode = "204", description = "Stopped")
    @ApiResponse(responseCode = "404", description = "No such subscription, or stopped already")
    ResponseEntity<Void> stop(@PathVariable long id) {
        ApiPrincipal client = ApiSecurityConfiguration.current();
        limits.checkRate(client);
        if (!subscriptions.stop(id, client.actor())) {
            throw new ApiException(ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", "Subscription not found",
                    "No live subscription has this id."));
        }
        return ResponseEntity.noContent().build();
    }
}
