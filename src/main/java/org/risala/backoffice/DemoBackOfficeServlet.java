package org.risala.backoffice;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.risala.records.PlateNumber;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The directorates' read-only JSON endpoints and the faults switch, as a plain servlet: a back office is someone
 * else's small web service, and this one shares the machine with Risala under load, so it skips Spring MVC and the
 * security filters (it has no users and holds only demonstration records). Errors are a plain
 * {@code {"error": …}}, as a back office of another directorate would answer, not Risala's problem+json.
 */
final class DemoBackOfficeServlet extends HttpServlet {

    /** in a POST to the faults switch, a field left out (or null) keeps its current value */
    record Faults(Long delayMillis, Boolean down) {
        static Faults of(DemoBackOfficeFaults faults) {
            return new Faults(faults.delay().toMillis(), faults.down());
        }
    }

    private record Answer(int status, Object body) {
    }

    private static final Map<String, String> NOT_FOUND = Map.of("error", "not found");
    private static final Map<String, String> UNAVAILABLE = Map.of("error", "service unavailable");
    private static final String VISAS = "/visas/";

    private final transient DemoBackOffice backOffice;
    private final transient DemoBackOfficeFaults faults;
    private final transient JsonMapper json;
    /** answers a slow back office's requests later, without holding a request thread meanwhile */
    private final transient ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-backoffice-delay");
        t.setDaemon(true);
        return t;
    });

    DemoBackOfficeServlet(DemoBackOffice backOffice, DemoBackOfficeFaults faults, JsonMapper json) {
        this.backOffice = backOffice;
        this.faults = faults;
        this.json = json;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Answer answer;
        if (path.equals("/traffic/violations")) {
            answer = violations(given(request.getParameter("plate")), given(request.getParameter("civilId")));
        } else if (path.equals("/vehicles/registration")) {
            answer = byPlate(request.getParameter("plate"), backOffice::registration);
        } else if (path.startsWith(VISAS) && path.length() > VISAS.length()) {
            answer = found(backOffice.visa(path.substring(VISAS.length())));
        } else {
            answer = new Answer(404, NOT_FOUND);
        }
        respond(request, response, answer);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/faults".equals(request.getPathInfo())) {
            write(response, new Answer(404, NOT_FOUND));
            return;
        }
        Faults change;
        try {
            change = json.readValue(request.getInputStream(), Faults.class);
        } catch (JacksonException e) {
            write(response, badRequest("the body must be {\"delayMillis\": …, \"down\": …}"));
            return;
        }
        try {
            if (change.delayMillis() != null) {
                faults.delay(Duration.ofMillis(change.delayMillis()));
            }
            if (change.down() != null) {
                faults.down(change.down());
            }
        } catch (IllegalArgumentException e) {
            write(response, badRequest(e.getMessage()));
            return;
        }
        write(response, new Answer(200, Faults.of(faults)));
    }

    /**
     * A blank parameter counts as absent: a pull service whose arguments are alternatives sends both, the one the
     * citizen did not give empty ({@code ?plate=&civilId=10234567}).
     */
    private Answer violations(Optional<String> plate, Optional<String> civilId) {
        if (plate.isPresent() == civilId.isPresent()) {
            return badRequest("give either plate or civilId");
        }
        return plate.isPresent() ? byPlate(plate.get(), backOffice::violationsOfPlate)
                : found(backOffice.violationsOfCivilId(civilId.get()));
    }

    /** a plate in any form {@link PlateNumber#display} reads; any other text is a bad request, not an unknown plate */
    private static Answer byPlate(String plate, Function<String, Optional<?>> lookup) {
        return PlateNumber.normalise(plate).map(PlateNumber::display).map(p -> found(lookup.apply(p)))
                .orElseGet(() -> badRequest("not a plate number"));
    }

    private static Answer found(Optional<?> record) {
        return record.<Answer>map(r -> new Answer(200, r)).orElseGet(() -> new Answer(404, NOT_FOUND));
    }

    private static Answer badRequest(String error) {
        return new Answer(400, Map.of("error", error));
    }

    private static Optional<String> given(String parameter) {
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter);
    }

    /** after the configured delay, and as 503 while the back office is switched down */
    private void respond(HttpServletRequest request, HttpServletResponse response, Answer answer) throws IOException {
        Duration delay = faults.delay();
        if (delay.isZero()) {
            write(response, faulty(answer));
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        later.schedule(() -> {
            try {
                write((HttpServletResponse) async.getResponse(), faulty(answer));
            } catch (IOException e) {
                // the caller gave up waiting: nobody to answer
            } finally {
                async.complete();
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private Answer faulty(Answer answer) {
        return faults.down() ? new Answer(503, UNAVAILABLE) : answer;
    }

    private void write(HttpServletResponse response, Answer answer) throws IOException {
        byte[] body = json.writeValueAsBytes(answer.body());
        response.setStatus(answer.status());
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public void destroy() {
        later.shutdownNow();
    }
}
