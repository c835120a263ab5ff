package org.risala.subscriptions;

import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.risala.inbound.spi.CommandParser;
import org.risala.inbound.spi.Language;
import org.springframework.stereotype.Component;

/** The configured topics, found by name (events) or by keyword and Arabic alias (SMS), with their alert templates. */
@Component
class Topics {

    private final List<Topic> all;
    private final Map<String, Topic> byName = new LinkedHashMap<>();
    private final Map<String, Topic> byWord = new LinkedHashMap<>();
    private final Map<String, AlertTemplate[]> alerts = new LinkedHashMap<>();

    Topics(SubscriptionsProperties properties) {
        this.all = properties.topics();
        for (Topic t : all) {
            byName.put(t.name(), t);
            byWord.put(CommandParser.canonicalKeyword(t.keyword()), t);
            byWord.put(CommandParser.canonicalKeyword(t.alias()), t);
            alerts.put(t.name(), new AlertTemplate[] {AlertTemplate.parse(t.alert().en()),
                    AlertTemplate.parse(t.alert().ar())});
        }
    }

    List<Topic> all() {
        return all;
    }

    Optional<Topic> named(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /** what an event is about: the topic of its type, or for a document.expiry event the one in its data */
    Optional<Topic> of(AlertEvent event) {
        if (event.givesExpiryDate()) {
            return named(event.data().get("topic")).filter(Topic::remindsOfExpiry);
        }
        return event.type() == null ? Optional.empty() : named(event.type());
    }

    /** by its keyword or alias as typed in a command */
    Optional<Topic> typed(String word) {
        return Optional.ofNullable(byWord.get(CommandParser.canonicalKeyword(word)));
    }

    String alert(Topic topic, Language language, Map<String, String> values) {
        return alerts.get(topic.name())[language == Language.AR ? 1 : 0].fill(values);
    }

    /** the fee as shown to citizens, always with its three decimals: 0.100 */
    static String fee(Topic topic) {
        return topic.fee().setScale(3, RoundingMode.UNNECESSARY).toPlainString();
    }
}
