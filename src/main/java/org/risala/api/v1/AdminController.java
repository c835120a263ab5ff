package org.risala.api.v1;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.risala.api.clients.ApiClients;
import org.risala.api.clients.ApiKeyInfo;
import org.risala.api.clients.ClientAccount;
import org.risala.api.clients.IssuedKey;
import org.risala.api.clients.KeyMode;
import org.risala.api.clients.NewClient;
import org.risala.api.clients.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Client systems and API keys, for admins and provisioning scripts (keys with the admin scope). */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin", description = "Client systems and their API keys (admin scope)")
@SecurityRequirement(name = "bearer")
class AdminController {

    private final ApiClients clients;

    AdminController(ApiClients clients) {
        this.clients = clients;
    }

    record ClientBody(String name, String callbackUrl, Integer ratePerSecond, Integer dailyQuota) {
    }

    record ClientCreated(ClientAccount client, String callbackSecret) {
    }

    record KeyBody(String mode, List<String> scopes) {
    }

    record KeyIssued(ApiKeyInfo info, String key) {
    }

    @GetMapping("/clients")
    @Operation(summary = "All client systems")
    List<ClientAccount> listClients() {
        return clients.clients();
    }

    @PostMapping(path = "/clients", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a client system", description = "The callback signing secret is shown this once.")
    ResponseEntity<ClientCreated> createClient(@RequestBody ClientBody body) {
        NewClient created = clients.createClient(body.name(), body.callbackUrl(), body.ratePerSecond(), body.dailyQuota());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ClientCreated(created.client(), created.callbackSecret()));
    }

    @PostMapping(path = "/clients/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a client's callback URL, rate limit and daily quota")
    ClientAccount updateClient(@PathVariable long id, @RequestBody ClientBody body) {
        return clients.updateClient(id, body.callbackUrl(), body.ratePerSecond(), body.dailyQuota());
    }

    @GetMapping("/keys")
    @Operation(summary = "All API keys (prefixes only)")
    List<ApiKeyInfo> listKeys() {
        return clients.keys();
    }

    @PostMapping(path = "/clients/{id}/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a key", description = "mode live or test; scopes from messages, events, "
            + "subscriptions, admin. The key is shown this once; only its hash is kept.")
    ResponseEntity<KeyIssued> issueKey(@PathVariable long id, @RequestBody KeyBody body) {
        KeyMode mode = parseMode(body.mode());
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (body.scopes() == null || body.scopes().isEmpty()) {
            scopes.add(Scope.MESSAGES);
        } else {
            body.scopes().forEach(s -> scopes.add(Scope.parse(s)));
        }
        IssuedKey issued = clients.issueKey(id, mode, scopes, "api:" + ApiSecurityConfiguration.current().clientName());
        return ResponseEntity.status(HttpStatus.CREATED).body(new KeyIssued(issued.info(), issued.key()));
    }

    @DeleteMapping("/keys/{id}")
    @Operation(summary = "Revoke a key")
    ResponseEntity<Void> revokeKey(@PathVariable long id) {
        clients.revokeKey(id, "api:" + ApiSecurityConfiguration.current().clientName());
        return ResponseEntity.noContent().build();
    }

    private static KeyMode parseMode(String mode) {
        if (mode == null || mode.isBlank()) {
            return KeyMode.LIVE;
        }
        try {
            return KeyMode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be live or test");
        }
    }
}
