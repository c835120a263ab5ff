package org.risala.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.risala.testing.Browser.driver;
import static org.risala.testing.Browser.find;
import static org.risala.testing.Browser.open;
import static org.risala.testing.Browser.signIn;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.risala.api.clients.ApiClients;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ApiKeysPageIntegrationTests {

    @LocalServerPort
    int port;

    @Value("${risala.platform.bootstrap-admin-password}")
    String adminPassword;

    @Autowired
    ApiClients clients;

    @BeforeEach
    void signInAsAdmin() {
        signIn(port, "admin", adminPassword);
        open(port, "/admin/api-keys");
    }

    @Test
    void anAdminCreatesAClientIssuesAKeySeenOnceAndRevokesIt() {
        String name = "eVisa " + UUID.randomUUID().toString().substring(0, 8);
        find(By.id("client-name")).sendKeys(name);
        find(By.id("callbackUrl")).sendKeys("https://evisa.example.om/sms-status");
        find(By.id("ratePerSecond")).sendKeys("20");
        find(By.cssSelector("#create-client button")).click();

        String secret = find(By.id("new-client-secret")).getText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(find(By.cssSelector("#clients tr[data-client='" + name + "']")).getText())
                .contains("https://evisa.example.om/sms-status", "20", "no limit");

        new Select(find(By.id("key-client"))).selectByVisibleText(name);
        find(By.id("mode-TEST")).click();
        find(By.id("scope-EVENTS")).click();
        find(By.cssSelector("#issue-key button[type=submit]")).click();

        String key = find(By.id("new-key-value")).getText();
        assertThat(key).startsWith("rsl_test_");
        assertThat(clients.authenticate(key)).isPresent();
        String prefix = key.substring(0, 12);
        WebElement row = find(By.cssSelector("#keys tr[data-key-prefix='" + prefix + "']"));
        assertThat(row.getText()).contains(name, "test", "messages, events", "admin");

        open(port, "/admin/api-keys");
        assertThat(driver().findElements(By.id("new-key"))).as("the key is shown only once").isEmpty();
        assertThat(driver().getPageSource()).doesNotContain(key, secret);

        find(By.cssSelector("#keys tr[data-key-prefix='" + prefix + "'] button.danger")).click();
        driver().switchTo().alert().accept();
        assertThat(find(By.cssSelector(".alert.notice")).getText()).contains("revoked");
        assertThat(find(By.cssSelector("#keys tr[data-key-prefix='" + prefix + "'] .revoked")).getText())
                .isNotEqualTo("—");
        assertThat(clients.authenticate(key)).isEmpty();
    }

    @Test
    void aKeyWithoutScopeIsAFormError() {
        String name = "NoScope " + UUID.randomUUID().toString().substring(0, 8);
        clients.createClient(name, null, null, null);
        open(port, "/admin/api-keys");
        new Select(find(By.id("key-client"))).selectByVisibleText(name);
        find(By.id("scope-MESSAGES")).click();
        find(By.cssSelector("#issue-key button[type=submit]")).click();

        assertThat(find(By.cssSelector("section[aria-labelledby='issue-key-title'] .alert.error")).getText())
                .contains("at least one scope");
        assertThat(driver().findElements(By.id("new-key"))).isEmpty();
    }

    @Test
    void aTakenClientNameIsAFormError() {
        String name = "Taken " + UUID.randomUUID().toString().substring(0, 8);
        clients.createClient(name, null, null, null);
        open(port, "/admin/api-keys");
        find(By.id("client-name")).sendKeys(name);
        find(By.cssSelector("#create-client button")).click();

        assertThat(find(By.cssSelector("section[aria-labelledby='create-client-title'] .alert.error")).getText())
                .contains("already exists");
        assertThat(find(By.id("client-name")).getAttribute("value")).isEqualTo(name);
    }
}
