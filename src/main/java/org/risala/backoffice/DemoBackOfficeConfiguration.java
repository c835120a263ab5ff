package org.risala.backoffice;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

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

    /**
     * The back office is someone else's system, called by machines without a session: no login, and no CSRF token
     * for the faults switch. Its own chain, so that none of this outlives {@code risala.backoffice.enabled=false};
     * ordered before the staff pages' chain, which takes every other request.
     */
    @Bean
    @Order(1)
    SecurityFilterChain demoBackOfficeSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/demo-backoffice/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
