package org.risala.pull.connector;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.function.Predicate;

import org.risala.pull.ConnectorDefinition;
import org.risala.pull.ConnectorValidation;
import org.risala.pull.ConnectorType;
import org.risala.storage.NamedDataSources;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonPointer;

/**
 * Checks connector definitions and builds their connectors. A problem is reported as {@code "<field>: <reason>"},
 * the field named as in the service's JSON ({@code connector.url}, {@code connector.variables.total}), so an
 * editor can show it next to the field.
 */
@Component
public class Connectors implements ConnectorValidation {

    private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{[^}]*}");

    /** a citizen is waiting for the SMS, and the caller's threads for the back office */
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);

    /** a back office that does not take a connection in this time is down, however long its answers may take */
    private static final Duration CONNECT_TIMEOUT = ConnectorDefinition.DEFAULT_TIMEOUT;

    private record TypedField(String name, ConnectorType type, Predicate<ConnectorDefinition> given) {
    }

    /** the fields that only one type reads: given for another, they are a mistake the editor should show */
    private static final List<TypedField> TYPED_FIELDS = List.of(
            new TypedField("method", ConnectorType.HTTP, d -> d.method() != null),
            new TypedField("url", ConnectorType.HTTP, d -> d.url() != null),
            new TypedField("headers", ConnectorType.HTTP, d -> !d.headers().isEmpty()),
            new TypedField("body", ConnectorType.HTTP, d -> d.body() != null),
            new TypedField("variables", ConnectorType.HTTP, d -> !d.variables().isEmpty()),
            new TypedField("foundWhen", ConnectorType.HTTP, d -> d.foundWhen() != null),
            new TypedField("dataSource", ConnectorType.JDBC, d -> d.dataSource() != null),
            new TypedField("query", ConnectorType.JDBC, d -> d.query() != null),
            new TypedField("values", ConnectorType.STATIC, d -> !d.values().isEmpty()));

    private final Environment environment;
    private final NamedDataSources dataSources;
    /**
     * Few threads of its own for the client's asynchronous work: its default, an unbounded cached pool, starts a new
     * thread for nearly every response under load, and starting threads then costs more than the lookups.
     */
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "pull-http-" + HTTP_THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(httpThreads)
            .build();

    private static final AtomicInteger HTTP_THREADS = new AtomicInteger();

    Connectors(Environment environment, NamedDataSources dataSources) {
        this.environment = environment;
        this.dataSources = dataSources;
    }

    /**
     * @return the connector, thread-safe; a JDBC connector opens its data source's pool at its first lookup
     * @throws IllegalArgumentException with every {@link #problems} of the definition, separated by "; "
     */
    public Connector build(ConnectorDefinition connector) {
        List<String> problems = problems(connector);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return switch (connector.type()) {
            case HTTP -> new HttpConnector(http, environment, connector);
            case JDBC -> new JdbcConnector(dataSources.dataSource(connector.dataSource()), connector);
            case STATIC -> arguments -> Variables.foundWithArguments(connector.values(), arguments);
        };
    }

    /** @return what is wrong with the definition, each as {@code "<field>: <reason>"}; empty when it can be built */
    @Override
    public List<String> problems(ConnectorDefinition connector) {
        if (connector == null) {
            return List.of("connector: required");
        }
        if (connector.type() == null) {
            return List.of("connector.type: required: HTTP, JDBC or STATIC");
        }
        List<String> problems = new ArrayList<>();
        for (TypedField field : TYPED_FIELDS) {
            if (field.type() != connector.type() && field.given().test(connector)) {
                problems.add("connector." + field.name() + ": only read by " + field.type() + " connectors");
            }
        }
        if (connector.timeout().isNegative() || connector.timeout().isZero()) {
            problems.add("connector.timeout: must be more than zero");
        } else if (connector.timeout().compareTo(MAX_TIMEOUT) > 0) {
            problems.add("connector.timeout: at most " + MAX_TIMEOUT.toSeconds() + " s");
        }
        if (connector.maxConcurrent() < 1) {
            problems.add("connector.maxConcurrent: at least 1");
        }
        switch (connector.type()) {
            case HTTP -> httpProblems(connector, problems);
            case JDBC -> jdbcProblems(connector, problems);
            case STATIC -> namesProblems("values", connector.values(), problems);
        }
        return List.copyOf(problems);
    }

    private void httpProblems(ConnectorDefinition connector, List<String> problems) {
        String method = connector.httpMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            problems.add("connector.method: GET or POST, not " + method);
        }
        urlProblems(connector.url() == null ? null : withConfiguration(connector.url()), problems);
        if (connector.body() != null) {
            bodyProblems(method, connector.body(), problems);
        }
        connector.headers().forEach((name, value) -> {
            try {
                // the client's own rules: a restricted name (Host, Content-Length…) or a malformed one or value
                HttpRequest.newBuilder().setHeader(name, value);
            } catch (IllegalArgumentException e) {
                problems.add("connector.headers." + name + ": " + e.getMessage());
            }
        });
        namesProblems("variables", connector.variables(), problems);
        connector.variables().forEach((name, pointer) -> pointerProblems("connector.variables." + name, pointer,
                problems));
        if (connector.foundWhen() != null) {
            pointerProblems("connector.foundWhen", connector.foundWhen(), problems);
        }
        for (int status : connector.notFoundStatuses()) {
            if (status < 100 || status > 599) {
                problems.add("connector.notFoundStatuses: " + status + " is not an HTTP status");
            }
        }
    }

    /**
     * The URL with the configuration placeholders it will be called with; one that has no value yet (the port the
     * server listens on, before it started) stands for a plain number here.
     */
    private String withConfiguration(String url) {
        return UNRESOLVED.matcher(environment.resolvePlaceholders(url)).replaceAll("0");
    }

    /** checked with every placeholder filled in, as it will be called */
    private static void urlProblems(String url, List<String> problems) {
        if (url == null || url.isBlank()) {
            problems.add("connector.url: required for an HTTP connector");
            return;
        }
        URI uri;
        try {
            uri = new URI(ArgumentPlaceholders.sample(url, "x"));
        } catch (URISyntaxException e) {
            problems.add("connector.url: not a URL: " + e.getReason());
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            problems.add("connector.url: must start with http:// or https://");
        } else if (uri.getHost() == null) {
            problems.add("connector.url: has no host");
        }
    }

    private static void bodyProblems(String method, String body, List<String> problems) {
        if (!method.equals("POST")) {
            problems.add("connector.body: only sent with POST");
            return;
        }
        try {
            JsonValues.parse(ArgumentPlaceholders.sample(body, "x"));
        } catch (IllegalArgumentException e) {
            problems.add("connector.body: not JSON once its placeholders are filled in (" + e.getMessage()
                    + "); a placeholder goes inside quotes: \"{name}\"");
        }
    }

    private static void pointerProblems(String field, String pointer, List<String> problems) {
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            problems.add(field + ": '" + pointer + "' is not a JSON Pointer, which starts with / (/unpaidCount)");
        }
    }

    private static void namesProblems(String field, Map<String, String> named, List<String> problems) {
        if (named.keySet().stream().anyMatch(String::isBlank)) {
            problems.add("connector." + field + ": a blank name");
        }
    }

    private void jdbcProblems(ConnectorDefinition connector, List<String> problems) {
        String name = connector.dataSource();
        if (name == null || name.isBlank()) {
            problems.add("connector.dataSource: required for a JDBC connector");
        } else if (!dataSources.names().contains(name)) {
            problems.add("connector.dataSource: no data source '" + name + "' under risala.data-sources ("
                    + (dataSources.names().isEmpty() ? "none is configured"
                    : "configured: " + String.join(", ", dataSources.names().stream().sorted().toList())) + ")");
        }
        if (connector.query() == null || connector.query().isBlank()) {
            problems.add("connector.query: required for a JDBC connector");
        }
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        httpThreads.shutdownNow();
    }
}
