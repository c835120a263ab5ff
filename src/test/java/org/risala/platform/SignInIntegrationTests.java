package org.risala.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.risala.testing.Browser.driver;
import static org.risala.testing.Browser.find;
import static org.risala.testing.Browser.open;
import static org.risala.testing.Browser.signIn;
import static org.risala.testing.Browser.waitUntil;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SignInIntegrationTests {

    @LocalServerPort
    int port;

    @Value("${risala.platform.bootstrap-admin-password}")
    String adminPassword;

    @Autowired
    StaffAccounts accounts;

    @Test
    void theFirstAdminSignsInWithTheBootstrapPasswordAndSeesTheSimulatorBanner() {
        signIn(port, "admin", adminPassword);

        assertThat(driver().getCurrentUrl()).endsWith("/messages");
        assertThat(find(By.cssSelector(".account strong")).getText()).isEqualTo("admin");
        assertThat(find(By.cssSelector(".simulator-banner")).getText()).contains("SIMULATOR");
        assertThat(navigation()).contains("Messages", "API keys", "Users", "Virtual phone");
    }

    @Test
    void aWrongPasswordIsRefused() {
        signIn(port, "admin", "not-the-admin-password");

        assertThat(driver().getCurrentUrl()).contains("/login?error");
        assertThat(find(By.cssSelector(".alert.error")).getText()).contains("not correct");
        assertThat(driver().findElements(By.cssSelector(".account"))).isEmpty();
    }

    @Test
    void aUserCreatedByAnAdminCanSignInButCannotOpenTheAdminPages() {
        String department = "Traffic " + UUID.randomUUID().toString().substring(0, 8);
        String username = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        signIn(port, "admin", adminPassword);
        open(port, "/admin/users");
        find(By.id("department-name")).sendKeys(department);
        find(By.cssSelector("#create-department button")).click();
        assertThat(find(By.cssSelector(".alert.notice")).getText()).contains(department);

        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys("a-long-enough-password");
        new Select(find(By.id("role"))).selectByValue("USER");
        new Select(find(By.id("departmentId"))).selectByVisibleText(department);
        find(By.cssSelector("#create-user button")).click();
        assertThat(find(By.cssSelector("#users tr[data-username='" + username + "']")).getText())
                .contains("USER", department, "enabled");

        signIn(port, username, "a-long-enough-password");
        assertThat(find(By.cssSelector(".account strong")).getText()).isEqualTo(username);
        assertThat(navigation()).contains("Messages").doesNotContain("API keys", "Users");

        open(port, "/admin/api-keys");
        assertThat(find(By.cssSelector(".error-code")).getText()).isEqualTo("403");
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(driver().getPageSource()).doesNotContain("Exception", "at org.");
    }

    @Test
    void aPasswordShorterThanTwelveCharactersIsAFormError() {
        signIn(port, "admin", adminPassword);
        open(port, "/admin/users");
        find(By.id("username")).sendKeys("short-" + UUID.randomUUID().toString().substring(0, 8));
        // the browser would refuse the form by itself because of minlength: test the server's own check
        ((JavascriptExecutor) driver()).executeScript("document.getElementById('password').removeAttribute('minlength')");
        find(By.id("password")).sendKeys("too-short");
        new Select(find(By.id("departmentId"))).selectByVisibleText(BootstrapAdmin.DEPARTMENT);
        find(By.cssSelector("#create-user button")).click();

        assertThat(find(By.cssSelector("section[aria-labelledby='new-user'] .alert.error")).getText())
                .contains("at least 12 characters");
    }

    @Test
    void aDisabledUserCannotSignInAnyMore() {
        String username = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUser(username, "password-of-a-leaver", Role.USER, administration());
        signIn(port, "admin", adminPassword);
        open(port, "/admin/users");
        find(By.cssSelector("#users tr[data-username='" + username + "'] button")).click();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#users tr[data-username='" + username + "']"), "disabled"));

        signIn(port, username, "password-of-a-leaver");
        assertThat(driver().getCurrentUrl()).contains("/login?error");
    }

    @Test
    void disablingAUserEndsTheSessionTheyHaveOpen() {
        String username = "suspended-" + UUID.randomUUID().toString().substring(0, 8);
        StaffUser user = accounts.createUser(username, "password-of-a-suspended", Role.USER, administration());
        signIn(port, username, "password-of-a-suspended");
        open(port, "/messages");
        assertThat(driver().getCurrentUrl()).contains("/messages");

        accounts.setEnabled(user.id(), false, "admin");
        open(port, "/messages");
        assertThat(driver().getCurrentUrl()).contains("/login?expired");
        assertThat(find(By.cssSelector(".alert.notice")).getText()).contains("Your session has ended");
    }

    @Test
    void aUserChangesTheirOwnPasswordAndSignsInWithTheNewOne() {
        String username = "changer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUser(username, "the-first-password", Role.SUPERVISOR, administration());
        signIn(port, username, "the-first-password");
        find(By.linkText("Change password")).click();
        find(By.id("currentPassword")).sendKeys("the-first-password");
        find(By.id("newPassword")).sendKeys("the-second-password");
        find(By.id("confirmPassword")).sendKeys("the-second-password");
        find(By.cssSelector("main form button")).click();
        assertThat(find(By.cssSelector(".alert.notice")).getText()).contains("changed");

        signIn(port, username, "the-first-password");
        assertThat(driver().getCurrentUrl()).contains("/login?error");
        signIn(port, username, "the-second-password");
        assertThat(find(By.cssSelector(".account strong")).getText()).isEqualTo(username);
    }

    private long administration() {
        return accounts.departments().stream().filter(d -> d.name().equals(BootstrapAdmin.DEPARTMENT))
                .findFirst().orElseThrow().id();
    }

    private static List<String> navigation() {
        return driver().findElements(By.cssSelector(".main-nav a")).stream().map(WebElement::getText).toList();
    }
}
