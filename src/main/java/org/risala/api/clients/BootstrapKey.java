package org.risala.api.clients;

import java.util.Optional;

import org.risala.api.ApiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the key given in RISALA_BOOTSTRAP_API_KEY, so an installation can be scripted before any admin signs in. */
@Component
class BootstrapKey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapKey.class);
    static final String CLIENT = "bootstrap";

    private final ApiClients clients;
    private final ApiProperties properties;

    BootstrapKey(ApiClients clients, ApiProperties properties) {
        this.clients = clients;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String key = properties.bootstrapKey();
        if (key == null || key.isBlank()) {
            return;
        }
        Optional<ApiPrincipal> registered = clients.authenticate(key.trim());
        if (registered.isPresent()) {
            if (!registered.get().scopes().containsAll(ApiClients.allScopes())) {
                // registered by an earlier version: it gets the scopes added since, as it has every scope
                clients.grantAllScopes(registered.get().keyId());
                log.info("bootstrap API key given every scope");
            }
            return;
        }
        ClientAccount client = clients.clientNamed(CLIENT)
                .orElseGet(() -> clients.createClient(CLIENT, null, null, null).client());
        clients.registerKey(client.id(), key.trim(), KeyMode.LIVE, ApiClients.allScopes(), "RISALA_BOOTSTRAP_API_KEY");
        log.info("bootstrap API key registered for client '{}'", CLIENT);
    }
}
