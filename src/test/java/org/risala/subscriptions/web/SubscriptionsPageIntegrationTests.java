package org.risala.subscriptions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.risala.testing.Browser.driver;
import static org.risala.testing.Browser.find;
import static org.risala.testing.Browser.open;
import static org.risala.testing.Browser.signIn;
import static org.risala.testing.Browser.waitUntil;
import static org.risala.testing.Browser.waitUntilGone;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.risala.platform.Role;
import org.risala.platform.StaffAccounts;
import org.risala.sms.Msisdn;
import org.risala.testing.ApiCalls;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staff pages of the subscriptions in a browser: search, a subscription's history, the figures. */
@IntegrationTest
class SubscriptionsPageIntegrationTests {

    private static int next = 0;

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    private ApiCalls api() {
        return new ApiCalls(port);
    }

    /** numbers and plates of their own, apart from the other subscriptions tests' */
    private static synchronized String newNumber() {
        return "+9689261" + String.format("%04d", next++);
    }

    private static synchronized String newPlate() {
        return (20000 + next++) + "SW";
    }

    private long subscribe(String number, String topic, String key) {
        ApiCalls.Response r = api().post("/api/v1/subscriptions", Map.of("msisdn", number, "topic", topic,
                "key", key));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private void signInAs(Role role) {
        String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        staff.createUser(name, "password-for-" + name, role, staff.departments().get(0).id());
        signIn(port, name, "password-for-" + name);
    }

    @Test
    void aSupervisorFindsASubscriptionByItsKeyTypedLooselyAndReadsItsHistoryAndCharges() {
        String number = newNumber();
        String plate = newPlate();
        long id = subscribe(number, "registration-expiry", plate);
        assertThat(api().delete("/api/v1/subscriptions/" + id).status()).isEqualTo(204);
        signInAs(Role.SUPERVISOR);

        open(port, "/messages");
        find(By.linkText("Subscriptions")).click();
        find(By.id("key")).sendKeys(plate.substring(0, 5) + " " + plate.substring(5).toLowerCase());
        find(By.cssSelector("#subscription-search button[type=submit]")).click();

        List<WebElement> rows = driver().findElements(By.cssSelector("#results tbody tr[data-id]"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(Msisdn.masked(number), "registration-expiry", plate, "STOPPED");
        assertThat(driver().getPageSource()).doesNotContain(number, number.substring(4));

        rows.get(0).findElement(By.cssSelector("a")).click();
        waitUntil(ExpectedConditions.urlContains("/subscriptions/" + id));
        assertThat(find(By.id("number")).getText()).isEqualTo(number);
        assertThat(find(By.id("state")).getText()).isEqualTo("STOPPED");
        assertThat(driver().findElements(By.cssSelector("#history tbody tr")).stream().map(WebElement::getText))
                .hasSize(2).anyMatch(h -> h.contains("CONFIRMED") && h.contains("api:bootstrap"))
                .anyMatch(h -> h.contains("STOPPED"));
        assertThat(find(By.cssSelector("#charges tbody tr")).getText()).contains("0.500", "month ");
    }

    @Test
    void aNumberIsFoundInAnyFormAndAWrongOneIsAFormError() {
        String number = newNumber();
        subscribe(number, "visa-status", "V2026000123");
        signInAs(Role.ADMIN);

        open(port, "/subscriptions?number=" + number.substring(4, 8) + "%20" + number.substring(8));
        assertThat(driver().findElements(By.cssSelector("#results tbody tr[data-id]"))).hasSize(1);

        open(port, "/subscriptions?number=12");
        assertThat(find(By.id("number-error")).getText()).contains("not a valid mobile number");
    }

    @Test
    void theFiguresOfThisMonthCountWhatBecameActiveAndStoppedAndSumTheCharges() {
        signInAs(Role.SUPERVISOR);
        open(port, "/subscriptions/figures");
        // this month so far: from its first day to today
        java.time.LocalDate from = java.time.LocalDate.parse(find(By.id("from")).getAttribute("value"));
        java.time.LocalDate until = java.time.LocalDate.parse(find(By.id("until")).getAttribute("value"));
        assertThat(from.getDayOfMonth()).isOne();
        assertThat(java.time.YearMonth.from(until)).isEqualTo(java.time.YearMonth.from(from));
        Map<String, String> before = figures("registration-expiry");

        subscribe(newNumber(), "registration-expiry", newPlate());
        long stopped = subscribe(newNumber(), "registration-expiry", newPlate());
        api().delete("/api/v1/subscriptions/" + stopped);
        WebElement table = find(By.id("figures"));
        find(By.cssSelector("#period button[type=submit]")).click();
        waitUntilGone(table);

        Map<String, String> after = figures("registration-expiry");
        assertThat(Long.parseLong(after.get("active")) - Long.parseLong(before.get("active"))).isEqualTo(1);
        assertThat(Long.parseLong(after.get("started")) - Long.parseLong(before.get("started"))).isEqualTo(2);
        assertThat(Long.parseLong(after.get("stopped")) - Long.parseLong(before.get("stopped"))).isEqualTo(1);
        assertThat(new BigDecimal(after.get("revenue")).subtract(new BigDecimal(before.get("revenue"))))
                .isEqualByComparingTo("1.000");
    }

    @Test
    void staffWithoutTheSupervisorRoleSeeNeitherTheLinkNorThePage() {
        signInAs(Role.USER);
        open(port, "/messages");
        assertThat(driver().findElements(By.linkText("Subscriptions"))).isEmpty();
        open(port, "/subscriptions");
        assertThat(driver().getPageSource()).doesNotContain("subscription-search");
    }

    private static Map<String, String> figures(String topic) {
        WebElement row = find(By.cssSelector("#figures tr[data-topic='" + topic + "']"));
        return Map.of("active", cell(row, "active"), "started", cell(row, "started"),
                "stopped", cell(row, "stopped"), "revenue", cell(row, "revenue"));
    }

    private static String cell(WebElement row, String name) {
        return row.findElement(By.className(name)).getText();
    }
}
