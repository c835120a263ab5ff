package org.risala.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the simulator, for the virtual phone page, browser tests and people poking at it with curl. */
@RestController
@ConditionalOnSimulator
@RequestMapping("/simulator/api")
class SimulatorApi {

    record MoRequest(String from, String to, String text) {
    }

    record MessageView(String to, String from, String text, String encoding, int parts, Instant receivedAt,
                       String serviceType) {
        static MessageView of(HandsetMessage message) {
            return new MessageView(message.to(), message.from(), message.text(), message.encoding(),
                    message.parts(), message.receivedAt(), message.serviceType());
        }
    }

    /**
     * The runtime faults and outcomes. In a PUT, fields left out (or null) keep their current value, so
     * {@code {"throttleFraction": 0.5}} changes only throttling.
     */
    record Faults(Double throttleFraction, Double submitErrorFraction, Integer submitErrorStatus,
                  Long responseDelayMillis, Long receiptDelayMillis, Boolean refuseBinds, Boolean duplicateReceipts,
                  Boolean receiptBeforeResponse, OutcomeMix outcomes, Map<String, ReceiptStat> forcedOutcomes) {

        static Faults of(SimulatorSettings settings) {
            return new Faults(settings.throttleFraction(), settings.submitErrorFraction(),
                    settings.submitErrorStatus(), settings.responseDelay().toMillis(),
                    settings.receiptDelay().toMillis(), settings.refuseBinds(), settings.duplicateReceipts(),
                    settings.receiptBeforeResponse(), settings.outcomes(), settings.forcedOutcomes());
        }

        void applyTo(SimulatorSettings settings) {
            if (throttleFraction != null) {
                settings.throttleFraction(throttleFraction);
            }
            if (submitErrorFraction != null || submitErrorStatus != null) {
                settings.submitError(submitErrorFraction != null ? submitErrorFraction : settings.submitErrorFraction(),
                        submitErrorStatus != null ? submitErrorStatus : settings.submitErrorStatus());
            }
            if (responseDelayMillis != null) {
                settings.responseDelay(Duration.ofMillis(responseDelayMillis));
            }
            if (receiptDelayMillis != null) {
                settings.receiptDelay(Duration.ofMillis(receiptDelayMillis));
            }
            if (refuseBinds != null) {
                settings.refuseBinds(refuseBinds);
            }
            if (duplicateReceipts != null) {
                settings.duplicateReceipts(duplicateReceipts);
            }
            if (receiptBeforeResponse != null) {
                settings.receiptBeforeResponse(receiptBeforeResponse);
            }
            if (outcomes != null) {
                settings.outcomes(outcomes);
            }
            if (forcedOutcomes != null) {
                settings.clearForcedOutcomes();
                forcedOutcomes.forEach(settings::forcedOutcome);
            }
        }
    }

    private final SmscSimulator simulator;
    private MoLoad load;

    SimulatorApi(SmscSimulator simulator) {
        this.simulator = simulator;
    }

    /** starts sending citizens' messages at a steady rate (benchmarks); one load at a time */
    @PostMapping("/mo/load")
    synchronized ResponseEntity<?> startLoad(@RequestBody MoLoad.Plan plan) {
        if (load != null && load.running()) {
            return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "a load is still running; DELETE /simulator/api/mo/load stops it")).build();
        }
        load = new MoLoad(simulator, plan);
        return ResponseEntity.accepted().body(load.progress());
    }

    @GetMapping("/mo/load")
    synchronized ResponseEntity<MoLoad.Progress> loadProgress() {
        return load == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(load.progress());
    }

    @DeleteMapping("/mo/load")
    synchronized ResponseEntity<Void> stopLoad() {
        if (load != null) {
            load.stop();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/mo")
    ResponseEntity<?> injectMo(@RequestBody MoRequest request) {
        String missing = isBlank(request.from()) ? "from" : isBlank(request.to()) ? "to"
                : isBlank(request.text()) ? "text" : null;
        if (missing != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "'" + missing + "' is required");
            problem.setTitle("Missing field");
            problem.setProperty("field", missing);
            return ResponseEntity.of(problem).build();
        }
        return ResponseEntity.accepted().body(simulator.injectMo(request.from(), request.to(), request.text()));
    }

    /** {@code to} may be written with or without '+' (an unencoded '+' in a query arrives as a space; fine too) */
    @GetMapping("/messages")
    List<MessageView> messages(@RequestParam String to) {
        return simulator.inbox(to).stream().map(MessageView::of).toList();
    }

    @DeleteMapping("/messages")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearMessages() {
        simulator.clearInboxes();
    }

    @GetMapping("/stats")
    SimulatorStats stats() {
        return simulator.stats();
    }

    @GetMapping("/faults")
    Faults faults() {
        return Faults.of(simulator.settings());
    }

    @PutMapping("/faults")
    Faults changeFaults(@RequestBody Faults faults) {
        faults.applyTo(simulator.settings());
        return Faults.of(simulator.settings());
    }

    @PostMapping("/faults/drop-connections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void dropConnections() {
        simulator.dropConnections();
    }

    /** no receiver bound, or the client refused the MO */
    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail unavailable(IllegalStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("No SMPP receiver");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid value");
        return problem;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
