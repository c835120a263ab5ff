package org.risala.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.web.SecurityFilterChain;

/** Switched off, the back office leaves nothing behind: no endpoints, no faults, no open security chain. */
class DemoBackOfficeSwitchTests {

    @Test
    void switchedOffThereAreNoEndpointsNoFaultsAndNoSecurityChain() {
        new WebApplicationContextRunner()
                .withUserConfiguration(DemoBackOfficeConfiguration.class, DemoBackOfficeApi.class)
                .withPropertyValues("risala.backoffice.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(DemoBackOfficeApi.class);
                    assertThat(context).doesNotHaveBean(DemoBackOfficeFaults.class);
                    assertThat(context).doesNotHaveBean(SecurityFilterChain.class);
                });
    }
}
