package org.risala.backoffice;

import java.time.Clock;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@ConditionalOnDemoBackOffice
class DemoBackOfficeConfiguration {

    @Bean
    DemoBackOffice demoBackOffice(Clock clock) {
        return new DemoBackOffice(clock);
    }

    @Bean
    DemoBackOfficeFaults demoBackOfficeFaults() {
        return new DemoBackOfficeFaults();
    }

    @Bean
    ServletRegistrationBean<DemoBackOfficeServlet> demoBackOfficeServlet(DemoBackOffice backOffice,
                                                                         DemoBackOfficeFaults faults, JsonMapper json) {
        ServletRegistrationBean<DemoBackOfficeServlet> servlet = new ServletRegistrationBean<>(
                new DemoBackOfficeServlet(backOffice, faults, json), "/demo-backoffice/*");
        servlet.setName("demoBackOffice");
        servlet.setAsyncSupported(true);
        return servlet;
    }

    /**
     * The back office is someone else's system, called by machines without a session: no login, no CSRF token for
     * the faults switch, none of the staff pages' filters. Only while it is enabled.
     */
    @Bean
    WebSecurityCustomizer demoBackOfficeOutsideSecurity() {
        return web -> web.ignoring().requestMatchers("/demo-backoffice/**");
    }
}
