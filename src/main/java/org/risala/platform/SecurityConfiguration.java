package org.risala.platform;

import java.time.ZoneId;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Security of the staff web pages. The API has its own stateless bearer-key chain, ordered before this one for
 * {@code /api/**}; this chain takes every other request, so it must stay the last one.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Inline styles are allowed because the simulator's virtual phone page carries its own; scripts only from
     * Risala itself, and no page may be framed (clickjacking).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * No Micrometer observation around each security filter: for an API request that is a dozen observations, more
     * work than the request itself. Requests are still measured as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, SessionRegistry sessions) throws Exception {
        http
                .authorizeHttpRequests(requests -> requests
                        // error pages render whatever status the original request ended with
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        .requestMatchers("/login", "/error").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        // the simulator's harness and virtual phone exist only while the simulator runs
                        .requestMatchers("/simulator/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/subscriptions", "/subscriptions/**").hasRole(Role.SUPERVISOR.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/messages")
                        .permitAll())
                // every session is known, so that disabling a user ends theirs (on this node: sessions are per node)
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredUrl("/login?expired"))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .permitAll())
                // the simulator's JSON API is called by test tools and its own page's script, without a session
                .csrf(csrf -> csrf.ignoringRequestMatchers("/simulator/api/**"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentTypeOptions(options -> {
                        }));
        return http.build();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** tells the registry when a session ends, so that it does not keep them all */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** bcrypt for new hashes; the {id} prefix lets a later algorithm change keep old hashes readable */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** an admin may do what a supervisor may, a supervisor what a user may */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.SUPERVISOR.name())
                .role(Role.SUPERVISOR.name()).implies(Role.USER.name())
                .build();
    }

    /** the zone pages show times in and read typed dates in; a bean so that web layers need no platform type */
    @Bean
    ZoneId displayZone(PlatformProperties properties) {
        return properties.timeZone();
    }
}
