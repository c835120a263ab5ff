package org.risala.api.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.risala.api.ApiProperties;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class BootstrapKeyIntegrationTests {

    @Autowired
    ApiClients clients;

    @Test
    void aBootstrapKeyRegisteredBeforeAScopeWasAddedGetsItAtTheNextStart() {
        String key = "rsl_live_bootstrap_from_an_earlier_version_" + System.nanoTime();
        long client = clients.createClient("earlier-" + System.nanoTime(), null, null, null).client().id();
        clients.registerKey(client, key, KeyMode.LIVE, EnumSet.of(Scope.MESSAGES, Scope.EVENTS), "test");

        new BootstrapKey(clients, new ApiProperties(key, null, null, null)).run(null);

        assertThat(clients.authenticate(key).orElseThrow().scopes()).isEqualTo(ApiClients.allScopes());
    }

    @Test
    void scopesAreWrittenWithHyphens() {
        assertThat(Scope.NUMBER_CHANGES.apiName()).isEqualTo("number-changes");
        assertThat(Scope.parse(" Number-Changes ")).isEqualTo(Scope.NUMBER_CHANGES);
    }
}
