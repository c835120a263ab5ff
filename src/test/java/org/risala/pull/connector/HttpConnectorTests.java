package org.risala.pull.connector;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.risala.pull.ReplyTemplate;
import org.risala.storage.NamedDataSources;
import org.risala.storage.NamedDataSourcesProperties;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP connector against a real HTTP server on a free port. */
class HttpConnectorTests {

    /** the machine may be busy with other builds: a timeout is checked to this precision */
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private static final String VIOLATIONS = """
            {"plate": "12345 AB", "owner": "Salim bin Hamad Al Harthi", "unpaidCount": 2, "total": "35.000 OMR",
             "violations": [
               {"id": "TV-2026-004127", "date": "2026-11-22", "place": "Muscat Expressway", "amount": "15.000 OMR"},
               {"id": "TV-2026-003958", "date": "2026-10-25", "place": "Al Khoudh, Seeb", "amount": "20.000 OMR"}]}
            """;

    /** what the back office received */
    record Received(String method, URI uri, Headers headers, String body) {
    }

    /** what the back office answers; {@link #HANG} answers only when the test ends */
    record Answer(int status, String body) {
        static final Answer HANG = new Answer(200, "{}");

        static Answer json(String body) {
            return new Answer(200, body);
        }
    }

    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final CountDownLatch testEnded = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final MockEnvironment environment = new MockEnvironment();
    private final Connectors connectors = new Connectors(environment,
            new NamedDataSources(new NamedDataSourcesProperties(null)));
    private HttpServer server;

    @BeforeEach
    void startBackOffice() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stopBackOffice() {
        testEnded.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void aGetCarriesTheArgumentsPercentEncodedInThePathAndTheQuery() throws Exception {
        answers("/traffic", Answer.json("{}"));

        lookup(Definitions.http("GET", url("/traffic/{plate}?owner={owner}&note={note}")),
                Map.of("plate", "١٢٣٤٥ أ ب", "owner", "Salim & Sons", "note", "a+b=c/d?"));

        URI uri = received.get(0).uri();
        assertThat(uri.getRawPath()).isEqualTo("/traffic/%D9%A1%D9%A2%D9%A3%D9%A4%D9%A5%20%D8%A3%20%D8%A8");
        assertThat(uri.getRawQuery()).isEqualTo("owner=Salim%20%26%20Sons&note=a%2Bb%3Dc%2Fd%3F");
        assertThat(uri.getPath()).isEqualTo("/traffic/١٢٣٤٥ أ ب");
        assertThat(received.get(0).method()).isEqualTo("GET");
        assertThat(received.get(0).headers().getFirst("Accept")).isEqualTo("application/json");
    }

    @Test
    void aMissingArgumentIsAnEmptyValue() throws Exception {
        answers("/traffic", Answer.json("{}"));

        lookup(Definitions.http("GET", url("/traffic?plate={plate}&civilId={civilId}")), Map.of("plate", "777R"));

        assertThat(received.get(0).uri().getRawQuery()).isEqualTo("plate=777R&civilId=");
    }

    @Test
    void anArgumentThatLeavesNoUrlIsUnavailableWithoutSayingTheUrl() {
        assertThatExceptionOfType(BackOfficeUnavailable.class)
                .isThrownBy(() -> lookup(Definitions.http("GET", "http://{host}/traffic?plate={plate}"),
                        Map.of("plate", "12345AB")))
                .withMessage("the URL template gives no URL that can be called with these arguments");
    }

    @Test
    void aPostSendsItsBodyWithTheArgumentsJsonEscaped() throws Exception {
        answers("/visas", Answer.json("{}"));
        String note = "He said \"hi\" \\ then left\n\tتم";

        lookup(Definitions.http("POST", url("/visas")).body("{\"number\": \"{number}\", \"note\": \"{note}\"}"),
                Map.of("number", "V2026000123", "note", note));

        Received post = received.get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.headers().getFirst("Content-Type")).isEqualTo("application/json");
        JsonNode body = JsonMapper.builder().build().readTree(post.body());
        assertThat(body.get("number").asString()).isEqualTo("V2026000123");
        assertThat(body.get("note").asString()).isEqualTo(note);
    }

    @Test
    void headerPlaceholdersAreResolvedFromTheEnvironmentAtEachCall() throws Exception {
        answers("/traffic", Answer.json("{}"));
        Connector connector = connectors.build(Definitions.http("GET", url("/traffic"))
                .headers(Map.of("Authorization", "Bearer ${traffic.token}", "X-Client", "risala")).build());

        environment.setProperty("traffic.token", "first-secret");
        connector.lookup(Map.of());
        environment.setProperty("traffic.token", "second-secret");
        connector.lookup(Map.of());

        assertThat(received).extracting(r -> r.headers().getFirst("Authorization"))
                .containsExactly("Bearer first-secret", "Bearer second-secret");
        assertThat(received.get(0).headers().getFirst("X-Client")).isEqualTo("risala");
    }

    @Test
    void aHeaderPlaceholderWithoutValueMakesTheBackOfficeUnavailableWithoutCallingIt() {
        answers("/traffic", Answer.json("{}"));
        Connector connector = connectors.build(Definitions.http("GET", url("/traffic"))
                .headers(Map.of("X-Api-Key", "${traffic.api-key}")).build());

        assertThatExceptionOfType(BackOfficeUnavailable.class).isThrownBy(() -> connector.lookup(Map.of()))
                .withMessage("header X-Api-Key: a placeholder in '${traffic.api-key}' has no value in the "
                        + "configuration");
        assertThat(received).isEmpty();
    }

    @Test
    void scalarsAreTheirTextWithNumbersAsWritten() throws Exception {
        answers("/account", Answer.json("""
                {"total": 35.000, "count": 2, "big": 123456789012345678901234567890, "exponent": 1E+3,
                 "paid": false, "note": null, "owner": "Salim", "ownerAr": "سالم"}
                """));

        LookupResult result = lookup(Definitions.http("GET", url("/account")).variables(Map.of(
                "total", "/total", "count", "/count", "big", "/big", "exponent", "/exponent", "paid", "/paid",
                "note", "/note", "owner", "/owner", "ownerAr", "/ownerAr")), Map.of());

        assertThat(result.found()).isTrue();
        assertThat(result.variables()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "total", "35.000", "count", "2", "big", "123456789012345678901234567890", "exponent", "1000",
                "paid", "false", "note", "", "owner", "Salim", "ownerAr", "سالم"));
    }

    @Test
    void anArrayIsAListOfMapsAndAnObjectAMap() throws Exception {
        answers("/traffic", Answer.json("""
                {"violations": [{"place": "Sohar", "amount": 20.000, "officer": {"rank": "Sgt"}, "note": null},
                                {"place": "Nizwa", "amount": 15.500}],
                 "tags": ["unpaid", 3], "owner": {"name": "Salim", "civilId": 10234567}, "none": []}
                """));

        Map<String, Object> variables = lookup(Definitions.http("GET", url("/traffic")).variables(Map.of(
                "violations", "/violations", "tags", "/tags", "owner", "/owner", "none", "/none")), Map.of())
                .variables();

        assertThat(variables).containsExactlyInAnyOrderEntriesOf(Map.of(
                "violations", List.of(
                        Map.of("place", "Sohar", "amount", "20.000", "officer", Map.of("rank", "Sgt"), "note", ""),
                        Map.of("place", "Nizwa", "amount", "15.500")),
                "tags", List.of(Map.of("value", "unpaid"), Map.of("value", "3")),
                "owner", Map.of("name", "Salim", "civilId", "10234567"),
                "none", List.of()));
    }

    @Test
    void theVariablesOfTheDemoViolationsRenderInAReplyTemplate() throws Exception {
        answers("/traffic", Answer.json(VIOLATIONS));

        LookupResult result = lookup(Definitions.http("GET", url("/traffic/violations?plate={plate}"))
                .variables(Map.of("owner", "/owner", "unpaidCount", "/unpaidCount", "total", "/total",
                        "violations", "/violations")), Map.of("plate", "12345AB"));

        assertThat(new ReplyTemplate("{{plate}}: {{unpaidCount}} unpaid, {{total}}."
                + "{{#violations}} {{date}} {{place}} {{amount}};{{/violations}}").render(result.variables()))
                .isEqualTo("12345AB: 2 unpaid, 35.000 OMR. 2026-11-22 Muscat Expressway 15.000 OMR;"
                        + " 2026-10-25 Al Khoudh, Seeb 20.000 OMR;");
    }

    @Test
    void aPointerToNothingLeavesTheVariableOut() throws Exception {
        answers("/traffic", Answer.json(VIOLATIONS));

        LookupResult result = lookup(Definitions.http("GET", url("/traffic"))
                .variables(Map.of("owner", "/owner", "fine", "/violations/5/amount", "colour", "/colour")), Map.of());

        assertThat(result.variables()).containsOnlyKeys("owner");
    }

    @Test
    void theArgumentsAreVariablesUnlessTheAnswerHasOneOfTheirName() throws Exception {
        answers("/traffic", Answer.json(VIOLATIONS));

        LookupResult result = lookup(Definitions.http("GET", url("/traffic")).variables(Map.of("plate", "/plate")),
                Map.of("plate", "12345AB", "language", "ar"));

        assertThat(result.variables()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "plate", "12345 AB", "language", "ar"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"record\": null}", "{\"record\": false}", "{\"record\": \"\"}",
            "{\"record\": []}", "{\"record\": {}}"})
    void foundWhenPointsAtNothingEmptyOrFalseIsNotFound(String answer) throws Exception {
        answers("/records", Answer.json(answer));

        assertThat(lookup(Definitions.http("GET", url("/records")).foundWhen("/record"), Map.of()).found()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"record\": true}", "{\"record\": 0}", "{\"record\": \"V1\"}", "{\"record\": [1]}",
            "{\"record\": {\"id\": 1}}"})
    void foundWhenPointsAtAValueIsFound(String answer) throws Exception {
        answers("/records", Answer.json(answer));

        assertThat(lookup(Definitions.http("GET", url("/records")).foundWhen("/record"), Map.of()).found()).isTrue();
    }

    @Test
    void a404IsNotFound() throws Exception {
        answers("/visas", new Answer(404, "{\"error\": \"not found\"}"));

        LookupResult result = lookup(Definitions.http("GET", url("/visas/{number}")), Map.of("number", "V1"));

        assertThat(result.found()).isFalse();
        assertThat(result.variables()).isEmpty();
        assertThat(received).hasSize(1);
    }

    @Test
    void theConfiguredStatusesAreNotFoundAndNo404Then() throws Exception {
        answers("/gone", new Answer(410, ""));
        answers("/empty", new Answer(204, ""));
        answers("/missing", new Answer(404, ""));

        assertThat(lookup(Definitions.http("GET", url("/gone")).notFoundStatuses(410, 204), Map.of()).found())
                .isFalse();
        assertThat(lookup(Definitions.http("GET", url("/empty")).notFoundStatuses(410, 204), Map.of()).found())
                .isFalse();
        assertThatExceptionOfType(BackOfficeUnavailable.class)
                .isThrownBy(() -> lookup(Definitions.http("GET", url("/missing")).notFoundStatuses(410), Map.of()))
                .withMessage("HTTP 404 from 127.0.0.1");
    }

    @Test
    void a503IsUnavailableNamingTheHostAfterOneMoreTry() {
        answers("/traffic", new Answer(503, "{\"error\": \"service unavailable\"}"));

        assertThatExceptionOfType(BackOfficeUnavailable.class)
                .isThrownBy(() -> lookup(Definitions.http("GET", url("/traffic")), Map.of()))
                .withMessage("HTTP 503 from 127.0.0.1");
        assertThat(received).hasSize(2);
    }

    @Test
    void a400IsUnavailableAndNotTriedAgain() {
        answers("/traffic", new Answer(400, "{\"error\": \"not a plate number\"}"));

        assertThatExceptionOfType(BackOfficeUnavailable.class)
                .isThrownBy(() -> lookup(Definitions.http("GET", url("/traffic")), Map.of()))
                .withMessage("HTTP 400 from 127.0.0.1");
        assertThat(received).hasSize(1);
    }

    @Test
    void aGetIsTriedOnceMoreAfterA500() throws Exception {
        answers("/traffic", new Answer(500, ""), Answer.json(VIOLATIONS));

        LookupResult result = lookup(Definitions.http("GET", url("/traffic")).variables(Map.of("owner", "/owner")),
                Map.of());

        assertThat(result.variables()).containsEntry("owner", "Salim bin Hamad Al Harthi");
        assertThat(received).hasSize(2);
    }

    @Test
    void aGetConfiguredWithoutRetryIsTriedOnce() {
        answers("/traffic", new Answer(500, ""), Answer.json(VIOLATIONS));

        assertThatExceptionOfType(BackOfficeUnavailable.class)
                .isThrownBy(() -> lookup(Definitions.http("GET", url("/traffic")).retry(false), Map.of()));
        assertThat(received).hasSize(1);
    }

    @Test
    void aPostIsNotTriedAgainUnlessConfigured() throws Exception {
        answers("/visas", new Answer(500, ""), new Answer(500, ""), Answer.json("{}"));
        Definitions post = Definitions.http("POST", url("/visas")).body("{\"number\": \"{number}\"}");

        assertThatExceptionOfType(BackOfficeUnavailable.class).isThrownBy(() -> lookup(post, Map.of()))
                .withMessage("HTTP 500 from 127.0.0.1");
        assertThat(received).hasSize(1);

        assertThat(lookup(post.retry(true), Map.of()).found()).isTrue();
        assertThat(received).hasSize(3);
    }

    @Test
    void aBackOfficeSlowerThanTheTimeoutIsUnavailableInTime() {
        answers("/traffic", Answer.HANG);
        Connector connector = connectors.build(Definitions.http("GET", url("/traffic")).timeout(TIMEOUT)
                .retry(false).build());

        long started = System.nanoTime();
        assertThatExceptionOfType(BackOfficeUnavailable.class).isThrownBy(() -> connector.lookup(Map.of()))
                .withMessage("no answer from 127.0.0.1 within 300 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(TIMEOUT, TIMEOUT.plus(SLACK));
        assertThat(received).hasSize(1);
    }

    @Test
    void aSlowGetIsTriedTwiceEachTimeForTheTimeout() {
        answers("/traffic", Answer.HANG);
        Connector connector = connectors.build(Definitions.http("GET", url("/traffic")).timeout(TIMEOUT).build());

        long started = System.nanoTime();
        assertThatExceptionOfType(BackOfficeUnavailable.class).isThrownBy(() -> connector.lookup(Map.of()));

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(TIMEOUT.multipliedBy(2), TIMEOUT.multipliedBy(2).plus(SLACK));
        assertThat(received).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>Service Unavailable</html>", "{\"owner\": ", "", "{} {}"})
    void anAnswerThatIsNotJsonIsUnavailableWithoutQuotingIt(String answer) {
        answers("/traffic", Answer.json(answer));

        assertThatExceptionOfType(BackOfficeUnavailable.class)
                .isThrownBy(() -> lookup(Definitions.http("GET", url("/traffic")), Map.of()))
                .withMessage("the answer of 127.0.0.1 is not JSON");
    }

    @Test
    void aBackOfficeThatRefusesTheConnectionIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatExceptionOfType(BackOfficeUnavailable.class)
                .isThrownBy(() -> lookup(Definitions.http("GET", "http://127.0.0.1:" + closedPort + "/traffic"),
                        Map.of()))
                .withMessageStartingWith("cannot reach 127.0.0.1: ");
    }

    private LookupResult lookup(Definitions definition, Map<String, String> arguments) throws BackOfficeUnavailable {
        return connectors.build(definition.build()).lookup(arguments);
    }

    private String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    /** the answers in turn, the last one again for any later request */
    private void answers(String path, Answer... answers) {
        AtomicInteger calls = new AtomicInteger();
        server.createContext(path, exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders(), new String(exchange.getRequestBody().readAllBytes(), UTF_8)));
            Answer answer = answers[Math.min(calls.getAndIncrement(), answers.length - 1)];
            if (answer == Answer.HANG) {
                awaitTestEnd();
            }
            byte[] body = answer.body().getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private void awaitTestEnd() {
        try {
            testEnded.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
