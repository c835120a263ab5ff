package org.risala.backoffice;

import java.time.Clock;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
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

    /**
     * Nor is it timed in Risala's {@code http.server.requests}: those figures are for Risala's own endpoints, and
     * each observation cost an eighth of answering a lookup here (the pull services time their lookups themselves).
     */
    @Bean
    ObservationPredicate demoBackOfficeNotObserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith("/demo-backoffice/"));
    }
}
