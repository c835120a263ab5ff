package org.risala.subscriptions;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.risala.inbound.spi.CommandParser;
import org.risala.outbound.SendRequest;
import org.risala.records.ArabicText;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The subscriptions as configured ({@code risala.subscriptions.*}), checked as a whole at start-up: every problem
 * is named with its property, so a wrong configuration stops Risala with one clear message.
 *
 * @param topics        what citizens can subscribe to; a list in your own configuration replaces the defaults
 * @param confirmWithin how long a priced subscription waits for YES
 * @param sender        the short code alerts come from
 * @param billing       renewal, notices and grace of priced subscriptions
 */
@ConfigurationProperties("risala.subscriptions")
record SubscriptionsProperties(List<Topic> topics, Duration confirmWithin, String sender, BillingCycle billing) {

    /**
     * @param renewalNotice how long before the first of a month a MONTHLY subscriber is told it renews
     * @param grace         how long a subscription whose charge failed keeps its alerts before it is suspended
     * @param interval      how often the billing cycle runs (renewals, notices, suspensions)
     */
    record BillingCycle(Duration renewalNotice, Duration grace, Duration interval) {
        BillingCycle {
            renewalNotice = renewalNotice == null ? Duration.ofDays(3) : renewalNotice;
            grace = grace == null ? Duration.ofDays(7) : grace;
            interval = interval == null ? Duration.ofMinutes(1) : interval;
        }
    }


    private static final String PREFIX = "risala.subscriptions.";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9]{1,20}");
    /** the commands themselves, and ALL, which follows STOP */
    static final Set<String> RESERVED = Stream.of("HELP", "مساعدة", "SUB", "STOP", "MY", "YES", "ALL", "اشتراك",
            "الغاء", "اشتراكاتي", "نعم", "الكل").map(CommandParser::canonicalKeyword).collect(Collectors.toSet());

    SubscriptionsProperties {
        topics = topics == null ? List.of() : List.copyOf(topics);
        confirmWithin = confirmWithin == null ? Duration.ofMinutes(10) : confirmWithin;
        sender = sender == null || sender.isBlank() ? "90085" : sender.strip();
        billing = billing == null ? new BillingCycle(null, null, null) : billing;
        List<String> problems = new ArrayList<>();
        if (billing.renewalNotice().isNegative() || billing.renewalNotice().compareTo(Duration.ofDays(14)) > 0) {
            problems.add(PREFIX + "billing.renewal-notice: must be between 0 and 14 days");
        }
        if (billing.grace().isNegative()) {
            problems.add(PREFIX + "billing.grace: must not be negative");
        }
        if (billing.interval().compareTo(Duration.ofMillis(100)) < 0) {
            problems.add(PREFIX + "billing.interval: must be at least 100ms");
        }
        if (confirmWithin.compareTo(Duration.ofMinutes(1)) < 0) {
            problems.add(PREFIX + "confirm-within: must be at least one minute");
        }
        if (topics.isEmpty()) {
            problems.add(PREFIX + "topics: at least one topic is needed");
        }
        Set<String> names = new HashSet<>();
        Map<String, String> words = new HashMap<>();
        for (int i = 0; i < topics.size(); i++) {
            check(PREFIX + "topics[" + i + "].", topics.get(i), names, words, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid subscriptions configuration: " + String.join("; ", problems));
        }
    }

    private static void check(String field, Topic t, Set<String> names, Map<String, String> words,
                              List<String> problems) {
        if (t == null) {
            problems.add(field + ": is empty");
            return;
        }
        if (t.name() == null || !NAME.matcher(t.name()).matches()) {
            problems.add(field + "name: must be lower-case letters, digits and hyphens, e.g. visa-status");
        } else if (!names.add(t.name())) {
            problems.add(field + "name: " + t.name() + " is used by another topic");
        }
        if (t.keyword() == null || !KEYWORD.matcher(t.keyword()).matches()) {
            problems.add(field + "keyword: must be 1 to 20 English letters or digits, e.g. VIO");
        } else {
            word(field + "keyword", t.keyword(), t.name(), words, problems);
        }
        if (t.alias() == null || !ArabicText.hasArabicLetter(t.alias())) {
            problems.add(field + "alias: must be an Arabic word, e.g. مخالفات");
        } else {
            word(field + "alias", t.alias(), t.name(), words, problems);
        }
        if (t.key() == null) {
            problems.add(field + "key: must be one of PLATE, CIVIL_ID, PASSPORT, VISA_APPLICATION, DIGITS, UPPER");
        }
        texts(field + "about", t.about(), problems);
        texts(field + "alert", t.alert(), problems);
        if (t.alert() != null) {
            template(field + "alert.en", t.alert().en(), problems);
            template(field + "alert.ar", t.alert().ar(), problems);
        }
        price(field, t, problems);
        if (t.serviceType() != null) {
            try {
                new SendRequest.Service(t.serviceType(), false);
            } catch (IllegalArgumentException e) {
                problems.add(field + "service-type: " + e.getMessage().replace("an SMPP service_type is", "must be"));
            }
        }
        for (Integer days : t.reminderDays()) {
            if (days == null || days < 1) {
                problems.add(field + "reminder-days: each must be a whole number of days, at least 1");
            }
        }
    }

    private static void word(String field, String written, String topic, Map<String, String> words,
                             List<String> problems) {
        String canonical = CommandParser.canonicalKeyword(written);
        if (RESERVED.contains(canonical)) {
            problems.add(field + ": " + written + " is a subscription command");
        } else if (words.putIfAbsent(canonical, String.valueOf(topic)) != null) {
            problems.add(field + ": " + written + " is already used by the topic " + words.get(canonical));
        }
    }

    private static void texts(String field, Texts texts, List<String> problems) {
        if (texts == null || texts.en() == null || texts.en().isBlank() || texts.ar() == null
                || texts.ar().isBlank()) {
            problems.add(field + ": needs en and ar");
        }
    }

    private static void template(String field, String template, List<String> problems) {
        if (template == null || template.isBlank()) {
            return;
        }
        try {
            AlertTemplate.parse(template);
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
        }
    }

    private static void price(String field, Topic t, List<String> problems) {
        if (t.plan() == null) {
            problems.add(field + "plan: must be FREE, MONTHLY or PER_ALERT");
            return;
        }
        BigDecimal fee = t.fee();
        if (!t.priced()) {
            if (fee != null && fee.signum() != 0) {
                problems.add(field + "fee: a FREE topic has no fee");
            }
        } else if (fee == null || fee.signum() <= 0) {
            problems.add(field + "fee: a " + t.plan() + " topic needs a fee above zero, in OMR, e.g. 0.100");
        } else if (fee.stripTrailingZeros().scale() > 3) {
            problems.add(field + "fee: OMR has three decimals (baisa), " + fee.toPlainString() + " has more");
        }
    }
}
