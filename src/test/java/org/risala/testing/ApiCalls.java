package org.risala.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls Risala's HTTP API over a real socket, as a client system would. */
public final class ApiCalls {

    public static final String BOOTSTRAP_KEY = "rsl_live_bootstrap_key_for_integration_tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String key;

    public ApiCalls(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    public ApiCalls(int port) {
        this(port, BOOTSTRAP_KEY);
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, JsonNode json, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public Response post(String path, Object body) {
        return post(path, body instanceof String s ? s : JSON.writeValueAsString(body), Map.of());
    }

    public Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        // a Content-Type given replaces the JSON one
        headers.forEach(b::setHeader);
        return send(b.build());
    }

    public Response put(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String trimmed = r.body() == null ? "" : r.body().trim();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                json = JSON.readTree(r.body());
            }
            return new Response(r.statusCode(), r.headers().map(), json, r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonMapper json() {
        return JSON;
    }
}
