package org.risala.pull.connector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.risala.pull.ConnectorDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.PropertyResolver;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Asks a JSON web service. Arguments and answers are citizens' data: the log shows the URL template, never the URL
 * that was called, and never a body.
 */
final class HttpConnector implements Connector {

    private static final Logger log = LoggerFactory.getLogger(HttpConnector.class);

    private final HttpClient client;
    private final PropertyResolver properties;
    private final ConnectorDefinition definition;
    private final Map<String, JsonPointer> variables;
    private final JsonPointer foundWhen;
    private final Set<Integer> notFoundStatuses;

    /** the definition is valid: {@link Connectors} checked it */
    HttpConnector(HttpClient client, PropertyResolver properties, ConnectorDefinition definition) {
        this.client = client;
        this.properties = properties;
        this.definition = definition;
        Map<String, JsonPointer> pointers = new HashMap<>();
        definition.variables().forEach((name, pointer) -> pointers.put(name, JsonPointer.compile(pointer)));
        this.variables = Map.copyOf(pointers);
        this.foundWhen = definition.foundWhen() == null ? null : JsonPointer.compile(definition.foundWhen());
        this.notFoundStatuses = Set.copyOf(definition.notFoundStatuses());
    }

    @Override
    public LookupResult lookup(Map<String, String> arguments) throws BackOfficeUnavailable {
        HttpRequest request = request(arguments);
        return Retry.once(definition.retries(), () -> answer(send(request), arguments));
    }

    private HttpRequest request(Map<String, String> arguments) throws BackOfficeUnavailable {
        HttpRequest.Builder request;
        String url = configured("the URL", definition.url());
        try {
            request = HttpRequest.newBuilder(URI.create(ArgumentPlaceholders.fill(url, arguments,
                    ArgumentPlaceholders::urlEncoded)));
        } catch (IllegalArgumentException e) {
            // an argument in the host, say, that left none; not the URL itself: it holds the arguments
            throw new BackOfficeUnavailable("the URL template gives no URL that can be called with these arguments");
        }
        request.timeout(definition.timeout()).setHeader("Accept", "application/json");
        if (definition.httpMethod().equals("POST")) {
            if (definition.body() == null) {
                request.POST(HttpRequest.BodyPublishers.noBody());
            } else {
                String body = ArgumentPlaceholders.fill(definition.body(), arguments, ArgumentPlaceholders::jsonEscaped);
                request.setHeader("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
        } else {
            request.GET();
        }
        for (Map.Entry<String, String> header : definition.headers().entrySet()) {
            request.setHeader(header.getKey(), headerValue(header.getKey(), header.getValue()));
        }
        return request.build();
    }

    private String headerValue(String name, String template) throws BackOfficeUnavailable {
        String value = configured("header " + name, template);
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new BackOfficeUnavailable("header " + name + ": its configured value holds a line break");
        }
        return value;
    }

    /**
     * {@code ${property}} placeholders resolved at each call: a secret can live in the environment and change without
     * a new definition, and the demo services can name the port the server actually listens on
     * ({@code local.server.port}), known only once it started.
     */
    private String configured(String what, String template) throws BackOfficeUnavailable {
        try {
            return properties.resolveRequiredPlaceholders(template);
        } catch (IllegalArgumentException e) {
            throw new BackOfficeUnavailable(what + ": a placeholder in '" + template
                    + "' has no value in the configuration");
        }
    }

    /**
     * The request timeout ends the wait for the response headers; the wait on the future also bounds the body, so
     * a back office that sends its answer slowly cannot hold the caller past the timeout either.
     */
    private HttpResponse<byte[]> send(HttpRequest request) throws BackOfficeUnavailable {
        String host = request.uri().getHost();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = pending.get(definition.timeout().toNanos(), TimeUnit.NANOSECONDS);
            log.debug("{} {} answered HTTP {} in {} ms", request.method(), definition.url(), response.statusCode(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return response;
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timedOut(host, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new BackOfficeUnavailable("interrupted while waiting for " + host, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(host, cause);
            }
            if (cause instanceof IOException) {
                throw new Retry.TransientFailure("cannot reach " + host + ": " + describe(cause), cause);
            }
            throw new BackOfficeUnavailable("request to " + host + " failed: " + describe(cause), cause);
        }
    }

    private Retry.TransientFailure timedOut(String host, Throwable cause) {
        return new Retry.TransientFailure("no answer from " + host + " within " + definition.timeout().toMillis()
                + " ms", cause);
    }

    private LookupResult answer(HttpResponse<byte[]> response, Map<String, String> arguments)
            throws BackOfficeUnavailable {
        int status = response.statusCode();
        String host = response.uri().getHost();
        if (notFoundStatuses.contains(status)) {
            return LookupResult.notFound();
        }
        if (status >= 500) {
            throw new Retry.TransientFailure("HTTP " + status + " from " + host);
        }
        if (status < 200 || status >= 300) {
            throw new BackOfficeUnavailable("HTTP " + status + " from " + host);
        }
        JsonNode root;
        try {
            root = JsonValues.parse(response.body());
        } catch (IllegalArgumentException e) {
            // not the parser's message: it quotes the answer
            throw new BackOfficeUnavailable("the answer of " + host + " is not JSON");
        }
        if (foundWhen != null && !JsonValues.isPresent(root.at(foundWhen))) {
            return LookupResult.notFound();
        }
        Map<String, Object> read = new HashMap<>();
        variables.forEach((name, pointer) -> {
            JsonNode node = root.at(pointer);
            if (!node.isMissingNode()) {
                read.put(name, JsonValues.variable(node));
            }
        });
        return Variables.foundWithArguments(read, arguments);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
