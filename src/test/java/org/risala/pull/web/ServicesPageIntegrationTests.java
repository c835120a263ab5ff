package org.risala.pull.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.risala.pull.ServiceBuilder.connector;
import static org.risala.pull.ServiceBuilder.service;
import static org.risala.pull.ServiceBuilder.uniqueKeyword;
import static org.risala.testing.Browser.driver;
import static org.risala.testing.Browser.find;
import static org.risala.testing.Browser.open;
import static org.risala.testing.Browser.signIn;
import static org.risala.testing.Browser.waitUntilGone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.risala.pull.CatalogueEntry;
import org.risala.pull.ConnectorType;
import org.risala.pull.ServiceCatalogue;
import org.risala.pull.ServiceDefinition;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ServicesPageIntegrationTests {

    @LocalServerPort
    int port;

    @Value("${risala.platform.bootstrap-admin-password}")
    String adminPassword;

    @Autowired
    ServiceCatalogue catalogue;

    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void signInAsAdmin() {
        signIn(port, "admin", adminPassword);
    }

    @AfterEach
    void deleteTheServicesOfTheTest() {
        created.forEach(keyword -> catalogue.find(keyword).ifPresent(entry -> catalogue.delete(keyword, "test")));
    }

    private static void type(String id, String text) {
        find(By.id(id)).clear();
        find(By.id(id)).sendKeys(text);
    }

    @Test
    void anAdminCreatesAServiceThroughTheFormSeesItListedAndDisablesIt() {
        String keyword = uniqueKeyword("WEB");
        created.add(keyword);
        open(port, "/admin/services");
        find(By.id("new-service")).click();

        type("keyword", keyword);
        type("aliases", "تجربة" + keyword.substring(3).toLowerCase());
        type("shortCodes", "99999");
        type("helpEn", "1234 - a test service");
        type("helpAr", "1234 - خدمة تجريبية");
        find(By.name("arguments[0].name")).sendKeys("number");
        new Select(find(By.name("arguments[0].normalisation"))).selectByValue("DIGITS");
        find(By.name("arguments[0].pattern")).sendKeys("[0-9]{4}");
        find(By.name("arguments[0].usageEn")).sendKeys("a number, e.g. 1234");
        find(By.name("arguments[0].usageAr")).sendKeys("رقم، مثل: 1234");
        new Select(find(By.id("connectorType"))).selectByValue("STATIC");
        type("values", "answer: 42");
        type("foundEn", "Number {{number}}: {{answer}}.");
        type("foundAr", "الرقم {{number}}: {{answer}}.");
        type("notFoundEn", "Nothing for {{number}}.");
        type("notFoundAr", "لا شيء للرقم {{number}}.");
        type("invalidEn", "Send " + keyword + " followed by {{usage}}");
        type("invalidAr", "أرسل " + keyword + " ثم {{usage}}");
        type("unavailableEn", "Try again later.");
        type("unavailableAr", "حاول لاحقا.");
        find(By.cssSelector("#service-form button[type=submit]")).click();

        assertThat(find(By.cssSelector(".alert.notice")).getText()).contains(keyword + " saved");
        By row = By.cssSelector("#services tr[data-keyword='" + keyword + "']");
        assertThat(find(row).getText()).contains("STATIC", "99999", "enabled", "admin");
        ServiceDefinition definition = catalogue.find(keyword).orElseThrow().definition();
        assertThat(definition.arguments().get(0).pattern()).isEqualTo("[0-9]{4}");
        assertThat(definition.connector().values()).isEqualTo(Map.of("answer", "42"));

        WebElement saved = find(By.cssSelector(".alert.notice"));
        find(By.cssSelector("#services tr[data-keyword='" + keyword + "'] form button")).click();
        waitUntilGone(saved);

        assertThat(find(By.cssSelector(".alert.notice")).getText()).contains(keyword + " disabled");
        assertThat(find(row).findElement(By.cssSelector(".status")).getText()).isEqualTo("disabled");
        assertThat(catalogue.find(keyword).orElseThrow().enabled()).isFalse();
    }

    @Test
    void theEditFormMasksSecretHeadersAndShowsEachProblemNextToItsField() {
        String keyword = uniqueKeyword("EDT");
        created.add(keyword);
        catalogue.save(service(keyword).connector(connector(ConnectorType.HTTP, "http://traffic/{number}",
                Map.of("X-Api-Key", "k-secret-123"))).build(), "admin");
        open(port, "/admin/services/" + keyword + "/edit");

        assertThat(find(By.id("headers")).getAttribute("value")).isEqualTo("X-Api-Key: ****");
        assertThat(driver().getPageSource()).doesNotContain("k-secret-123");
        type("maxSegments", "12");
        type("foundAr", "{{#answer}}");
        find(By.cssSelector("#service-form button[type=submit]")).click();

        assertThat(find(By.id("problems")).getText()).contains("maxSegments: must be between 1 and 10");
        assertThat(find(By.id("maxSegments")).findElement(By.xpath("following-sibling::p")).getText())
                .isEqualTo("must be between 1 and 10");
        assertThat(find(By.id("foundAr")).findElement(By.xpath("following-sibling::p")).getText())
                .contains("is not closed");
        assertThat(find(By.id("foundAr")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(find(By.id("maxSegments")).getAttribute("value")).isEqualTo("12");

        type("maxSegments", "2");
        type("foundAr", "الرقم {{number}}: {{answer}}.");
        find(By.cssSelector("#service-form button[type=submit]")).click();

        assertThat(find(By.cssSelector(".alert.notice")).getText()).contains(keyword + " saved");
        CatalogueEntry saved = catalogue.find(keyword).orElseThrow();
        assertThat(saved.definition().maxSegments()).isEqualTo(2);
        assertThat(saved.definition().connector().headers()).containsEntry("X-Api-Key", "k-secret-123");
        assertThat(saved.version()).isEqualTo(2);
    }
}
