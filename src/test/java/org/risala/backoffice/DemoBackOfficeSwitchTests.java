package org.risala.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/** Switched off, the back office leaves nothing behind: no endpoints, no faults, no path outside security. */
class DemoBackOfficeSwitchTests {

    @Test
    void switchedOffThereAreNoEndpointsNoFaultsAndNoPathOutsideSecurity() {
        new WebApplicationContextRunner()
                .withUserConfiguration(DemoBackOfficeConfiguration.class)
                .withPropertyValues("risala.backoffice.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ServletRegistrationBean.class);
                    assertThat(context).doesNotHaveBean(DemoBackOfficeFaults.class);
                    assertThat(context).doesNotHaveBean(WebSecurityCustomizer.class);
                });
    }
}
