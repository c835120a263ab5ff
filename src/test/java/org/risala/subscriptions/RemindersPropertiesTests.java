package org.risala.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.risala.storage.NamedDataSources;
import org.risala.storage.NamedDataSourcesProperties;
import org.risala.storage.NamedDataSourcesProperties.DataSourceSettings;
import org.risala.subscriptions.RemindersProperties.ExpiryFeed;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

class RemindersPropertiesTests {

    private static Binder binder(StandardEnvironment environment) {
        return new Binder(ConfigurationPropertySources.get(environment));
    }

    @Test
    void theDefaultsInApplicationYmlBind() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);

        RemindersProperties reminders = binder(environment).bind("risala.subscriptions", RemindersProperties.class)
                .get();
        assertThat(reminders.reminderInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(reminders.expiryFeeds()).isEmpty();
        assertThat(binder(environment).bind("risala.subscriptions.quiet-hours", QuietHours.class).get())
                .isEqualTo(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Asia/Muscat")));
    }

    @Test
    void aFeedBindsWithItsDefaultInterval() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("risala.subscriptions.expiry-feeds[0].topic", "registration-expiry")
                .withProperty("risala.subscriptions.expiry-feeds[0].data-source", "registry")
                .withProperty("risala.subscriptions.expiry-feeds[0].query", "SELECT plate, expiry FROM vehicle");
        ExpiryFeed feed = new Binder(ConfigurationPropertySources.get(environment))
                .bind("risala.subscriptions", RemindersProperties.class).get().expiryFeeds().get(0);
        assertThat(feed).isEqualTo(new ExpiryFeed("registration-expiry", "registry",
                "SELECT plate, expiry FROM vehicle", Duration.ofHours(1)));
    }

    @Test
    void everyProblemOfAFeedIsNamedWithItsProperty() {
        assertThatThrownBy(() -> new RemindersProperties(Duration.ZERO,
                List.of(new ExpiryFeed(" ", null, "", Duration.ofSeconds(10)))))
                .hasMessageContaining("risala.subscriptions.reminder-interval: must be at least one second")
                .hasMessageContaining("risala.subscriptions.expiry-feeds[0].topic: is required")
                .hasMessageContaining("risala.subscriptions.expiry-feeds[0].data-source: is required")
                .hasMessageContaining("risala.subscriptions.expiry-feeds[0].query: is required")
                .hasMessageContaining("risala.subscriptions.expiry-feeds[0].interval: must be at least one minute");
    }

    @Test
    void aFeedNeedsAnExpiryTopicAndAConfiguredDataSource() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        Topics topics = new Topics(binder(environment).bind("risala.subscriptions", SubscriptionsProperties.class)
                .get());
        NamedDataSources registry = new NamedDataSources(new NamedDataSourcesProperties(Map.of("registry",
                new DataSourceSettings("jdbc:h2:mem:never-opened", "sa", "", null, null, null))));
        RemindersProperties feeds = new RemindersProperties(null, List.of(
                new ExpiryFeed("registration-expiry", "registry", "SELECT 1, 2", null),
                new ExpiryFeed("violation", "licences", "SELECT 1, 2", null)));

        assertThatThrownBy(() -> new ExpiryFeeds(feeds, topics, registry, null, null, null, null))
                .hasMessage("invalid expiry feeds: risala.subscriptions.expiry-feeds[1].topic: violation is not a "
                        + "topic with reminder-days; risala.subscriptions.expiry-feeds[1].data-source: no data "
                        + "source 'licences' under risala.data-sources");
    }
}
