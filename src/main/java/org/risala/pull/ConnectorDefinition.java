package org.risala.pull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a service asks its back office, as configured. Which fields apply depends on the {@link ConnectorType}; the
 * others are left null. Argument values are referred to by argument name: {@code {plate}} in a URL (URL-encoded) or
 * body (JSON-escaped), {@code :plate} in a query (bound as a parameter, never concatenated).
 *
 * @param type             HTTP, JDBC or STATIC
 * @param method           HTTP: {@code GET} (the default) or {@code POST}
 * @param url              HTTP: the URL template, e.g. {@code http://traffic/violations?plate={plate}}
 * @param headers          HTTP: request headers; a value may hold {@code ${property}} placeholders, resolved from
 *                         the environment at call time, so that a back office's secret stays out of the database
 * @param body             HTTP POST: the JSON body template
 * @param variables        HTTP: template variable name → JSON Pointer into the response ({@code /unpaidCount});
 *                         a pointer to an array gives a list, its objects' fields becoming names inside the section
 * @param notFoundStatuses HTTP: response statuses meaning "no such record"; default {@code [404]}
 * @param foundWhen        HTTP: optional JSON Pointer that must point at a non-empty value, non-false, for "found"
 * @param dataSource       JDBC: the name of a data source under {@code risala.data-sources}
 * @param query            JDBC: the SQL query with {@code :name} parameters; no row means "not found"; the first
 *                         row's columns (lower-cased) are variables, and all rows are the list {@code rows}
 * @param values           STATIC: the variables of the fixed answer
 * @param timeout          the longest wait for the back office; default 3 s
 * @param retry            one more attempt after a failure; default: yes for GET and JDBC, no for POST
 * @param maxConcurrent    at most this many lookups at once on this service; default 32
 */
public record ConnectorDefinition(
        ConnectorType type,
        String method,
        String url,
        Map<String, String> headers,
        String body,
        Map<String, String> variables,
        List<Integer> notFoundStatuses,
        String foundWhen,
        String dataSource,
        String query,
        Map<String, String> values,
        Duration timeout,
        Boolean retry,
        Integer maxConcurrent) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_MAX_CONCURRENT = 32;

    public ConnectorDefinition {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        values = values == null ? Map.of() : Map.copyOf(values);
        notFoundStatuses = notFoundStatuses == null || notFoundStatuses.isEmpty() ? List.of(404)
                : List.copyOf(notFoundStatuses);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        maxConcurrent = maxConcurrent == null ? DEFAULT_MAX_CONCURRENT : maxConcurrent;
    }

    public String httpMethod() {
        return method == null || method.isBlank() ? "GET" : method.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** whether a failed lookup is tried once more: only calls that change nothing are, unless configured */
    public boolean retries() {
        return retry != null ? retry : type != ConnectorType.HTTP || httpMethod().equals("GET");
    }
}
