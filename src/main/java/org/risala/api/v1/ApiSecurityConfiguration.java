package org.risala.api.v1;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.risala.api.clients.ApiClients;
import org.risala.api.clients.ApiPrincipal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API's own security: stateless, {@code Authorization: Bearer <key>}, scopes as authorities. Answers 401 and
 * 403 as problem+json. The staff web pages have their own chain (platform).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiClients clients, JsonMapper json) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                // a stateless key-per-request API needs no logout, anonymous user or servlet-API wrapping
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .servletApi(a -> a.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .addFilterBefore(new BearerKeyFilter(clients, json), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/admin/**").hasAuthority("SCOPE_admin")
                        .requestMatchers("/api/v1/messages/**", "/api/v1/messages").hasAuthority("SCOPE_messages")
                        .requestMatchers("/api/v1/events").hasAuthority("SCOPE_events")
                        .requestMatchers("/api/v1/subscriptions/**", "/api/v1/subscriptions",
                                "/api/v1/business-accounts/**", "/api/v1/business-accounts")
                        .hasAuthority("SCOPE_subscriptions")
                        .requestMatchers("/api/v1/number-changes").hasAuthority("SCOPE_number-changes")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .accessDeniedHandler((request, response, ex) -> write(json, response,
                                ApiProblems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                        "This API key does not have the scope this endpoint needs."))));
        return http.build();
    }

    private static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(ApiProblems.PROBLEM_JSON.toString());
        if (problem.getStatus() == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * Every API endpoint needs a key: a request without a valid bearer key is answered 401 here, before anything
     * else runs; a valid key becomes an authenticated {@link ApiPrincipal} with its scopes as authorities.
     */
    static final class BearerKeyFilter extends OncePerRequestFilter {

        private final ApiClients clients;
        private final JsonMapper json;

        BearerKeyFilter(ApiClients clients, JsonMapper json) {
            this.clients = clients;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            Optional<ApiPrincipal> principal = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? clients.authenticate(header.substring(7).trim()) : Optional.empty();
            if (principal.isEmpty()) {
                write(json, response, ApiProblems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                        header == null ? "Send an API key as 'Authorization: Bearer <key>'."
                                : "The API key is unknown or revoked."));
                return;
            }
            List<SimpleGrantedAuthority> authorities = principal.get().scopes().stream()
                    .map(s -> new SimpleGrantedAuthority("SCOPE_" + s.apiName())).toList();
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null, authorities));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    static ApiPrincipal current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ApiPrincipal p) {
            return p;
        }
        throw new IllegalStateException("no API principal");
    }
}
