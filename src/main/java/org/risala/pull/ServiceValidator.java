package org.risala.pull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.risala.inbound.spi.CommandParser;
import org.risala.records.ArabicText;

/**
 * What a service definition must be before it is saved, the same for the admin page, the admin API and the
 * configuration. Each problem reads {@code field: reason}, the field named as in the JSON form
 * ({@code arguments[0].pattern}, {@code replies.found.ar}), so a form can show it next to its field.
 */
final class ServiceValidator {

    /**
     * Keywords answered by other modules, which no service may take: HELP belongs to inbound, the others to the
     * subscriptions module, which owns this list. Canonical forms.
     */
    static final Set<String> RESERVED = Stream.of("HELP", "مساعدة", "SUB", "STOP", "MY", "YES", "اشتراك", "الغاء",
            "اشتراكاتي", "نعم").map(CommandParser::canonicalKeyword).collect(Collectors.toUnmodifiableSet());

    static final int MAX_KEYWORD_LENGTH = 20;
    static final int MAX_SEGMENTS = 10;

    /** used as {name} in URLs and :name in SQL, so a plain identifier */
    private static final Pattern ARGUMENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final ConnectorValidation connectors;

    ServiceValidator(ConnectorValidation connectors) {
        this.connectors = connectors;
    }

    /**
     * @param taken every keyword and alias (canonical) of the other services → the keyword of the service that has
     *              it
     */
    List<String> problems(ServiceDefinition d, Map<String, String> taken) {
        List<String> problems = new ArrayList<>();
        Set<String> own = new HashSet<>();
        keyword("keyword", d.keyword(), own, taken, problems);
        for (int i = 0; i < d.aliases().size(); i++) {
            keyword("aliases[" + i + "]", d.aliases().get(i), own, taken, problems);
        }
        for (int i = 0; i < d.shortCodes().size(); i++) {
            String code = d.shortCodes().get(i);
            if (code == null || !DIGITS.matcher(code).matches()) {
                problems.add("shortCodes[" + i + "]: may hold only digits");
            }
        }
        bilingual("help", d.help(), problems);
        arguments(d, problems);
        replies(d.replies(), problems);
        if (d.maxSegments() < 1 || d.maxSegments() > MAX_SEGMENTS) {
            problems.add("maxSegments: must be between 1 and " + MAX_SEGMENTS);
        }
        connector(d.connector(), problems);
        return problems;
    }

    /** the names each of these services answers to, for {@link #problems} */
    static Map<String, String> names(Iterable<ServiceDefinition> services) {
        Map<String, String> names = new HashMap<>();
        for (ServiceDefinition service : services) {
            if (service.keyword() == null) {
                continue;
            }
            String keyword = CommandParser.canonicalKeyword(service.keyword());
            names.put(keyword, keyword);
            service.aliases().forEach(alias -> names.put(CommandParser.canonicalKeyword(alias), keyword));
        }
        return names;
    }

    private static void keyword(String field, String written, Set<String> own, Map<String, String> taken,
                                List<String> problems) {
        if (written == null || written.isBlank()) {
            problems.add(field + ": is required");
            return;
        }
        // what ArabicText drops (diacritics, tatweel, bidi marks) is no punctuation: مُخالفات is a word
        String cleaned = ArabicText.clean(written.strip());
        if (!cleaned.codePoints().allMatch(Character::isLetterOrDigit)) {
            problems.add(field + ": may hold only letters and digits");
            return;
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_KEYWORD_LENGTH) {
            problems.add(field + ": may be at most " + MAX_KEYWORD_LENGTH + " characters long");
            return;
        }
        String canonical = CommandParser.canonicalKeyword(written);
        if (RESERVED.contains(canonical)) {
            problems.add(field + ": " + written.strip() + " is reserved for HELP and the subscriptions");
        } else if (taken.containsKey(canonical)) {
            problems.add(field + ": " + written.strip() + " is already used by the service " + taken.get(canonical));
        } else if (!own.add(canonical)) {
            problems.add(field + ": " + written.strip() + " repeats the keyword or another alias of this service");
        }
    }

    private static void arguments(ServiceDefinition d, List<String> problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < d.arguments().size(); i++) {
            String field = "arguments[" + i + "]";
            ArgumentDefinition argument = d.arguments().get(i);
            if (argument == null) {
                problems.add(field + ": is required");
                continue;
            }
            if (argument.name() == null || argument.name().isBlank()) {
                problems.add(field + ".name: is required");
            } else if (!ARGUMENT_NAME.matcher(argument.name()).matches()) {
                problems.add(field + ".name: may hold only letters, digits and _, and starts with a letter");
            } else if (!names.add(argument.name())) {
                problems.add(field + ".name: " + argument.name() + " is the name of another argument");
            }
            bilingual(field + ".usage", argument.usage(), problems);
            try {
                // with a stand-in name and usage, so that the pattern is checked even while those are wrong
                new ArgumentDefinition("argument", argument.normalisation(), argument.pattern(),
                        new Bilingual("", "")).toSpec();
            } catch (IllegalArgumentException e) {
                problems.add(field + ".pattern: is not a valid regular expression ("
                        + (e.getCause() instanceof PatternSyntaxException syntax ? syntax.getDescription()
                        : e.getMessage()) + ")");
            }
        }
        if (d.alternatives() && d.arguments().size() < 2) {
            problems.add("alternatives: needs at least two arguments to choose from");
        }
    }

    private static void replies(ReplyTemplates replies, List<String> problems) {
        template("replies.found", replies == null ? null : replies.found(), problems);
        template("replies.notFound", replies == null ? null : replies.notFound(), problems);
        template("replies.invalid", replies == null ? null : replies.invalid(), problems);
        template("replies.unavailable", replies == null ? null : replies.unavailable(), problems);
    }

    private static void template(String field, Bilingual text, List<String> problems) {
        text(field + ".en", text == null ? null : text.en(), true, problems);
        text(field + ".ar", text == null ? null : text.ar(), true, problems);
    }

    private static void bilingual(String field, Bilingual text, List<String> problems) {
        text(field + ".en", text == null ? null : text.en(), false, problems);
        text(field + ".ar", text == null ? null : text.ar(), false, problems);
    }

    private static void text(String field, String text, boolean template, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(field + ": is required");
        } else if (template) {
            try {
                new ReplyTemplate(text);
            } catch (IllegalArgumentException e) {
                problems.add(field + ": " + e.getMessage());
            }
        }
    }

    private void connector(ConnectorDefinition c, List<String> problems) {
        if (c == null) {
            problems.add("connector: is required");
            return;
        }
        List<String> own = new ArrayList<>();
        if (c.type() == null) {
            own.add("connector.type: is required (HTTP, JDBC or STATIC)");
        } else if (c.type() == ConnectorType.HTTP) {
            required("connector.url", c.url(), "an HTTP", own);
            if (!c.httpMethod().equals("GET") && !c.httpMethod().equals("POST")) {
                own.add("connector.method: must be GET or POST");
            }
        } else if (c.type() == ConnectorType.JDBC) {
            required("connector.dataSource", c.dataSource(), "a JDBC", own);
            required("connector.query", c.query(), "a JDBC", own);
        }
        c.headers().forEach((name, value) -> {
            if (SecretHeaders.MASK.equals(value)) {
                own.add("connector.headers." + name + ": is masked and has no stored value; type the value again");
            }
        });
        if (c.timeout().isNegative() || c.timeout().isZero()) {
            own.add("connector.timeout: must be longer than zero");
        }
        if (c.maxConcurrent() < 1) {
            own.add("connector.maxConcurrent: must be at least 1");
        }
        problems.addAll(own);
        if (own.isEmpty()) {
            problems.addAll(connectors.problems(c));
        }
    }

    private static void required(String field, String value, String kind, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": is required for " + kind + " connector");
        }
    }
}
