package org.risala.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.risala.records.Normalisations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.StandardEnvironment;

class SubscriptionsPropertiesTests {

    private static Topic topic(String name, String keyword, String alias, PricePlan plan, String fee) {
        return new Topic(name, keyword, alias, Normalisations.PLATE, new Texts("new violations", "المخالفات"),
                new Texts("On {{key}}.", "على {{key}}."), plan, fee == null ? null : new BigDecimal(fee),
                List.of(30, 7, 1), null, null, null, null);
    }

    private static SubscriptionsProperties of(Topic... topics) {
        return new SubscriptionsProperties(List.of(topics), null, null, null);
    }

    @Test
    void theDefaultsInApplicationYmlBindAndAreValid() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        SubscriptionsProperties p = new Binder(ConfigurationPropertySources.get(environment))
                .bind("risala.subscriptions", SubscriptionsProperties.class).get();

        assertThat(p.topics()).extracting(Topic::name)
                .containsExactly("violation", "registration-expiry", "document-expiry", "visa-status");
        assertThat(p.topics()).extracting(Topic::keyword).containsExactly("VIO", "REG", "DOC", "VISA");
        assertThat(p.topics()).extracting(Topic::plan)
                .containsExactly(PricePlan.PER_ALERT, PricePlan.MONTHLY, PricePlan.MONTHLY, PricePlan.FREE);
        assertThat(p.topics()).extracting(t -> t.priced() ? Topics.fee(t) : null).containsExactly("0.100", "0.500", "0.500", null);
        assertThat(p.topics().get(2).key()).isEqualTo(Normalisations.PASSPORT);
        assertThat(p.topics().get(1).reminderDays()).containsExactly(30, 7, 1);
        assertThat(p.topics()).filteredOn(Topic::remindsOfExpiry).extracting(Topic::name)
                .containsExactly("registration-expiry", "document-expiry");
        // a visa decision goes out at once, at any hour; a new fine and the reminders wait for the morning
        assertThat(p.topics()).extracting(Topic::quietHoursAllowed).containsExactly(false, false, false, true);
        assertThat(p.confirmWithin()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.sender()).isEqualTo("90085");
    }

    @Test
    void aValidTopicGetsItsDefaults() {
        Topic t = of(topic("violation", "VIO", "مخالفات", PricePlan.PER_ALERT, "0.1")).topics().get(0);
        assertThat(t.optional()).isTrue();
        assertThat(t.quietHoursAllowed()).as("held in quiet hours unless the topic says otherwise").isFalse();
        assertThat(t.missedReminders()).isEqualTo(MissedReminders.NEAREST);
        assertThat(Topics.fee(t)).isEqualTo("0.100");
    }

    @Test
    void everyProblemIsNamedWithItsProperty() {
        assertThatThrownBy(() -> of(
                topic("Violation", "V-1", "VIO", PricePlan.PER_ALERT, null),
                topic("visa", "SUB", "نعم", PricePlan.FREE, "1.000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("risala.subscriptions.topics[0].name: must be lower-case")
                .hasMessageContaining("topics[0].keyword: must be 1 to 20 English letters or digits")
                .hasMessageContaining("topics[0].alias: must be an Arabic word")
                .hasMessageContaining("topics[0].fee: a PER_ALERT topic needs a fee above zero")
                .hasMessageContaining("topics[1].keyword: SUB is a subscription command")
                .hasMessageContaining("topics[1].alias: نعم is a subscription command")
                .hasMessageContaining("topics[1].fee: a FREE topic has no fee");
    }

    @Test
    void keywordsAndAliasesAreUniqueAcrossTopicsInAnySpellingAndCase() {
        assertThatThrownBy(() -> of(topic("violation", "VIO", "مخالفات", PricePlan.FREE, null),
                topic("other", "vio", "مُخالفات", PricePlan.FREE, null)))
                .hasMessageContaining("topics[1].keyword: vio is already used by the topic violation")
                .hasMessageContaining("topics[1].alias: مُخالفات is already used by the topic violation");
    }

    @Test
    void namesAreUnique() {
        assertThatThrownBy(() -> of(topic("violation", "VIO", "مخالفات", PricePlan.FREE, null),
                topic("violation", "VIO2", "مخالفه2", PricePlan.FREE, null)))
                .hasMessageContaining("topics[1].name: violation is used by another topic");
    }

    @Test
    void feesHaveAtMostThreeDecimals() {
        assertThatThrownBy(() -> of(topic("violation", "VIO", "مخالفات", PricePlan.MONTHLY, "0.1005")))
                .hasMessageContaining("topics[0].fee: OMR has three decimals (baisa), 0.1005 has more");
    }

    @Test
    void templatesTextsKeyTypeAndPlanAreRequired() {
        Topic bad = new Topic("violation", "VIO", "مخالفات", null, new Texts("x", null),
                new Texts("On {{ key }}.", "على {{key}}."), null, null, List.of(0), null, null, "PREMIUM", null);
        assertThatThrownBy(() -> of(bad))
                .hasMessageContaining("topics[0].key: must be one of")
                .hasMessageContaining("topics[0].about: needs en and ar")
                .hasMessageContaining("topics[0].alert.en: has a placeholder that is not {{name}}")
                .hasMessageContaining("topics[0].plan: must be FREE, MONTHLY or PER_ALERT")
                .hasMessageContaining("topics[0].reminder-days: each must be a whole number of days, at least 1")
                .hasMessageContaining("topics[0].service-type: must be 1 to 5 printable ASCII characters");
    }

    @Test
    void atLeastOneTopicAConfirmationTimeOfAMinuteAndASaneBillingCycle() {
        assertThatThrownBy(() -> new SubscriptionsProperties(List.of(), Duration.ofSeconds(30), null,
                new SubscriptionsProperties.BillingCycle(Duration.ofDays(20), Duration.ofDays(-1), Duration.ZERO)))
                .hasMessageContaining("risala.subscriptions.confirm-within: must be at least one minute")
                .hasMessageContaining("risala.subscriptions.topics: at least one topic is needed")
                .hasMessageContaining("risala.subscriptions.billing.renewal-notice: must be between 0 and 14 days")
                .hasMessageContaining("risala.subscriptions.billing.grace: must not be negative")
                .hasMessageContaining("risala.subscriptions.billing.interval: must be at least 100ms");
    }
}
