package org.risala.pull.web;

import org.risala.records.Normalisations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.risala.pull.ArgumentDefinition;
import org.risala.pull.Bilingual;
import org.risala.pull.CatalogueEntry;
import org.risala.pull.ConnectorDefinition;
import org.risala.pull.ConnectorType;
import org.risala.pull.ReplyTemplates;
import org.risala.pull.SecretHeaders;
import org.risala.pull.ServiceDefinition;
import org.springframework.boot.convert.DurationStyle;

/**
 * The edit form of a service, everything as typed, so that a wrong entry comes back as a form error next to its
 * field. Lists are typed comma-separated, maps one {@code name: value} per line. Errors are keyed by the field names
 * of {@link org.risala.pull.ServiceCatalogue}'s problems ({@code connector.timeout}, {@code arguments[0].pattern}).
 *
 * Public, as the template calls its methods.
 *
 * @param original the keyword of the service being edited; empty for a new one
 * @param version  the version it was edited on; empty for a new one
 */
public record ServiceForm(String original, String version, String keyword, String aliases, String shortCodes,
                   String helpEn, String helpAr, String maxSegments, Boolean enabled, Boolean alternatives,
                   String connectorType, String method, String url, String headers, String body, String variables,
                   String notFoundStatuses, String foundWhen, String dataSource, String query, String values,
                   String timeout, String retry, String maxConcurrent, List<ArgumentRow> arguments,
                   String foundEn, String foundAr, String notFoundEn, String notFoundAr,
                   String invalidEn, String invalidAr, String unavailableEn, String unavailableAr) {

    public record ArgumentRow(String name, String normalisation, String pattern, String usageEn, String usageAr) {

        static final ArgumentRow EMPTY = new ArgumentRow("", Normalisations.NONE.name(), "", "", "");

        boolean isBlank() {
            return Arrays.asList(name, pattern, usageEn, usageAr).stream().allMatch(ServiceForm::isBlank);
        }
    }

    public ServiceForm {
        arguments = arguments == null ? List.of() : arguments;
    }

    public boolean isNew() {
        return isBlank(original);
    }

    /** the rows to show: those typed, in the order of the problems' indexes, and an empty one to add another */
    public List<ArgumentRow> rows() {
        List<ArgumentRow> rows = new ArrayList<>(typedArguments());
        rows.add(ArgumentRow.EMPTY);
        return rows;
    }

    /** a row left empty is no argument */
    private List<ArgumentRow> typedArguments() {
        return arguments.stream().filter(row -> row != null && !row.isBlank()).toList();
    }

    static ServiceForm blank() {
        return new ServiceForm("", "", "", "", "", "", "", String.valueOf(ServiceDefinition.DEFAULT_MAX_SEGMENTS),
                true, false, ConnectorType.HTTP.name(), "", "", "", "", "", "404", "", "", "", "",
                duration(ConnectorDefinition.DEFAULT_TIMEOUT), "", "", List.of(), "", "", "", "", "", "", "", "");
    }

    /** the service as stored, its secret headers masked */
    static ServiceForm of(CatalogueEntry entry) {
        ServiceDefinition d = SecretHeaders.masked(entry.definition());
        ConnectorDefinition c = d.connector();
        ReplyTemplates r = d.replies();
        return new ServiceForm(d.keyword(), String.valueOf(entry.version()), d.keyword(),
                String.join(", ", d.aliases()), String.join(", ", d.shortCodes()), d.help().en(), d.help().ar(),
                String.valueOf(d.maxSegments()), d.enabled(), d.alternatives(), c.type().name(), text(c.method()), text(c.url()), lines(c.headers()),
                text(c.body()), lines(c.variables()),
                c.notFoundStatuses().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                text(c.foundWhen()), text(c.dataSource()), text(c.query()), lines(c.values()),
                duration(c.timeout()), c.retry() == null ? "" : c.retry().toString(), String.valueOf(c.maxConcurrent()),
                d.arguments().stream().map(a -> new ArgumentRow(a.name(), a.normalisation().name(), a.pattern(),
                        a.usage().en(), a.usage().ar())).toList(),
                r.found().en(), r.found().ar(), r.notFound().en(), r.notFound().ar(), r.invalid().en(),
                r.invalid().ar(), r.unavailable().en(), r.unavailable().ar());
    }

    /** the definition typed; what does not read goes into {@code errors}, and is left out of the definition */
    ServiceDefinition definition(Map<String, String> errors) {
        List<ArgumentDefinition> definitions = new ArrayList<>();
        List<ArgumentRow> typed = typedArguments();
        for (int i = 0; i < typed.size(); i++) {
            ArgumentRow row = typed.get(i);
            definitions.add(new ArgumentDefinition(blankToNull(row.name()),
                    parse("arguments[" + i + "].normalisation", row.normalisation(), Normalisations::valueOf,
                            "choose one from the list", errors),
                    blankToNull(row.pattern()), new Bilingual(text(row.usageEn()), text(row.usageAr()))));
        }
        ConnectorDefinition connector = new ConnectorDefinition(
                parse("connector.type", connectorType, ConnectorType::valueOf, "choose HTTP, JDBC or STATIC", errors),
                blankToNull(method),
                blankToNull(url), map("connector.headers", headers, errors), blankToNull(body),
                map("connector.variables", variables, errors),
                list(notFoundStatuses).stream().map(s -> parse("connector.notFoundStatuses", s, Integer::valueOf,
                        "must be HTTP statuses, comma-separated", errors)).filter(s -> s != null).toList(),
                blankToNull(foundWhen), blankToNull(dataSource), blankToNull(query),
                map("connector.values", values, errors),
                parse("connector.timeout", timeout, DurationStyle::detectAndParse,
                        "must be a duration such as 3s or 500ms", errors),
                isBlank(retry) ? null : Boolean.valueOf(retry),
                parse("connector.maxConcurrent", maxConcurrent, Integer::valueOf, WHOLE_NUMBER, errors));
        return new ServiceDefinition(text(keyword).strip(), list(aliases), list(shortCodes),
                new Bilingual(text(helpEn).strip(), text(helpAr).strip()), definitions, connector,
                new ReplyTemplates(reply(foundEn, foundAr), reply(notFoundEn, notFoundAr), reply(invalidEn, invalidAr),
                        reply(unavailableEn, unavailableAr)),
                parse("maxSegments", maxSegments, Integer::valueOf, WHOLE_NUMBER, errors), Boolean.TRUE.equals(enabled),
                Boolean.TRUE.equals(alternatives));
    }

    private static final String WHOLE_NUMBER = "must be a whole number";

    private static <T> T parse(String field, String typed, Function<String, T> parser, String reason,
                               Map<String, String> errors) {
        if (isBlank(typed)) {
            return null;
        }
        try {
            return parser.apply(typed.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, reason);
            return null;
        }
    }

    /** one {@code name: value} per line; the value may hold colons */
    private static Map<String, String> map(String field, String typed, Map<String, String> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text(typed).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                errors.put(field, "write one name: value per line, not " + line.strip());
            } else {
                map.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return map;
    }

    private static String lines(Map<String, String> map) {
        return new TreeMap<>(map).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** comma-separated, the Arabic comma too */
    private static List<String> list(String typed) {
        return Arrays.stream(text(typed).split("[,،]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** browsers send a textarea's line breaks as CRLF; an SMS breaks lines with LF */
    private static Bilingual reply(String en, String ar) {
        return new Bilingual(text(en).replace("\r\n", "\n").strip(), text(ar).replace("\r\n", "\n").strip());
    }

    /** as the configuration writes it: 3s, 1500ms */
    private static String duration(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private static String text(String typed) {
        return typed == null ? "" : typed;
    }

    private static String blankToNull(String typed) {
        return isBlank(typed) ? null : typed.strip();
    }

    private static boolean isBlank(String typed) {
        return typed == null || typed.isBlank();
    }
}
