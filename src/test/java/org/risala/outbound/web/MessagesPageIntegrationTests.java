package org.risala.outbound.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.risala.testing.Browser.driver;
import static org.risala.testing.Browser.find;
import static org.risala.testing.Browser.open;
import static org.risala.testing.Browser.signIn;
import static org.risala.testing.Browser.waitUntil;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.risala.outbound.MessageView;
import org.risala.outbound.OutboundMessaging;
import org.risala.testing.ApiCalls;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class MessagesPageIntegrationTests {

    private static final String NUMBER = "+96891234567";
    private static final String TEXT = "Your permit is ready. تصريحك جاهز";

    @LocalServerPort
    int port;

    @Value("${risala.platform.bootstrap-admin-password}")
    String adminPassword;

    @Autowired
    OutboundMessaging messaging;

    String reference;
    UUID id;

    @BeforeEach
    void sendOne() {
        reference = "web-" + UUID.randomUUID().toString().substring(0, 8);
        ApiCalls.Response accepted = new ApiCalls(port)
                .post("/api/v1/messages", Map.of("to", NUMBER, "text", TEXT, "reference", reference));
        assertThat(accepted.status()).isEqualTo(202);
        id = UUID.fromString(accepted.json().get("id").asString());
        signIn(port, "admin", adminPassword);
    }

    @Test
    void theListFindsAMessageByItsNumberInLocalFormAndShowsItMasked() {
        open(port, "/messages?to=9123%204567&reference=" + reference);

        List<WebElement> rows = driver().findElements(By.cssSelector("#results tbody tr[data-id]"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getAttribute("data-id")).isEqualTo(id.toString());
        assertThat(rows.get(0).getText()).contains("+96891****67", reference);
        assertThat(driver().getPageSource()).doesNotContain(NUMBER, "91234567", "تصريحك");
    }

    @Test
    void theDetailPageShowsTheFullMessageItsStatusAndItsTimeline() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> messaging.find(id).map(MessageView::status).filter(s -> s.isFinal()).isPresent());
        MessageView message = messaging.find(id).orElseThrow();

        open(port, "/messages?reference=" + reference);
        find(By.cssSelector("#results tbody tr[data-id] a")).click();

        waitUntil(ExpectedConditions.urlContains("/messages/" + id));
        assertThat(find(By.id("to")).getText()).isEqualTo(NUMBER);
        assertThat(find(By.id("text")).getText()).isEqualTo(TEXT);
        assertThat(find(By.id("text")).getAttribute("dir")).isEqualTo("auto");
        assertThat(find(By.id("status")).getText()).isEqualTo(message.status().name());
        assertThat(find(By.id("status-meaning")).getText()).isEqualTo(message.status().meaning());
        List<WebElement> events = driver().findElements(By.cssSelector("#timeline li"));
        assertThat(events).hasSize(message.timeline().size()).hasSizeGreaterThan(1);
        assertThat(events).extracting(WebElement::getText)
                .anySatisfy(e -> assertThat(e).contains("QUEUED"))
                .anySatisfy(e -> assertThat(e).contains(message.status().name()));
        assertThat(driver().findElements(By.cssSelector("#parts tbody tr"))).hasSize(message.parts().size());
    }

    @Test
    void anInvalidNumberIsAFormErrorNotAnErrorPage() {
        open(port, "/messages?to=12ab");

        assertThat(find(By.id("to-error")).getText()).contains("not a valid mobile number");
        assertThat(find(By.id("to")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver().findElements(By.cssSelector(".error-code"))).isEmpty();
    }

    @Test
    void aMalformedMessageIdIsTheFriendlyErrorPageNotJson() {
        open(port, "/messages/not-a-message-id");

        assertThat(find(By.cssSelector(".error-code")).getText()).isEqualTo("400");
        assertThat(driver().getPageSource()).doesNotContain("Exception", "\"detail\"");
    }

    @Test
    void anUnknownMessageIsTheFriendlyNotFoundPage() {
        open(port, "/messages/" + UUID.randomUUID());

        assertThat(find(By.cssSelector(".error-code")).getText()).isEqualTo("404");
        assertThat(driver().getPageSource()).doesNotContain("Exception");
    }
}
