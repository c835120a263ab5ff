package org.risala.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Checks of the web chain that need no browser. MockMvc is built by hand to keep the one shared context. */
@IntegrationTest
class WebSecurityIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Value("${risala.platform.bootstrap-admin-password}")
    String adminPassword;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/messages")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection());
    }

    @Test
    void healthAndStaticAssetsArePublic() throws Exception {
        int health = mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus();
        assertThat(health).as("health is answered, UP or not, without signing in").isIn(200, 503);
        mvc.perform(get("/css/risala.css")).andExpect(status().isOk());
        mvc.perform(get("/js/risala.js")).andExpect(status().isOk());
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedEvenForAnAdmin() throws Exception {
        mvc.perform(post("/admin/users/departments").param("name", "No token").with(user("admin").roles("ADMIN")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/departments").param("name", "With token " + System.nanoTime())
                        .with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theSimulatorApiNeedsNoCsrfToken() throws Exception {
        int status = mvc.perform(post("/simulator/api/faults/drop-connections")).andReturn().getResponse().getStatus();
        assertThat(status).as("neither refused for CSRF nor sent to the login page").isNotIn(401, 403, 302);
    }

    @Test
    void adminPagesNeedTheAdminRoleButSupervisorsInheritTheUserRole() throws Exception {
        mvc.perform(get("/admin/api-keys").with(user("sue").roles("SUPERVISOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/api-keys").with(user("root").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(get("/admin/services").with(user("sue").roles("SUPERVISOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/services/VIO/enabled").param("enabled", "false").with(csrf())
                .with(user("sue").roles("SUPERVISOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/services").with(user("root").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(get("/messages").with(user("sue").roles("SUPERVISOR"))).andExpect(status().isOk());
    }

    @Test
    void theBootstrapAdminExistsWithTheConfiguredPassword() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password(adminPassword)).andExpect(authenticated()
                .withUsername("admin").withRoles("ADMIN"));
        mvc.perform(formLogin("/login").user("ADMIN ").password(adminPassword)).andExpect(authenticated());
        mvc.perform(formLogin("/login").user("admin").password(adminPassword + "x")).andExpect(unauthenticated());
    }
}
