package org.risala.backoffice;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.risala.records.PlateNumber;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directorates' read-only JSON endpoints and the faults switch. Errors are a plain {@code {"error": …}}, as a
 * back office of another directorate would answer, not Risala's problem+json.
 */
@RestController
@ConditionalOnDemoBackOffice
@RequestMapping("/demo-backoffice")
class DemoBackOfficeApi {

    /** in a POST, a field left out (or null) keeps its current value */
    record Faults(Long delayMillis, Boolean down) {
        static Faults of(DemoBackOfficeFaults faults) {
            return new Faults(faults.delay().toMillis(), faults.down());
        }
    }

    private static final Map<String, String> NOT_FOUND = Map.of("error", "not found");
    private static final Map<String, String> UNAVAILABLE = Map.of("error", "service unavailable");

    private final DemoBackOffice backOffice;
    private final DemoBackOfficeFaults faults;

    DemoBackOfficeApi(DemoBackOffice backOffice, DemoBackOfficeFaults faults) {
        this.backOffice = backOffice;
        this.faults = faults;
    }

    /**
     * A blank parameter counts as absent: a pull service whose arguments are alternatives sends both, the one the
     * citizen did not give empty ({@code ?plate=&civilId=10234567}).
     */
    @GetMapping("/traffic/violations")
    CompletableFuture<ResponseEntity<?>> violations(@RequestParam(required = false) String plate,
                                                   @RequestParam(required = false) String civilId) {
        Optional<String> byPlate = given(plate);
        Optional<String> byCivilId = given(civilId);
        if (byPlate.isPresent() == byCivilId.isPresent()) {
            return answer(() -> badRequest("give either plate or civilId"));
        }
        if (byPlate.isPresent()) {
            return answer(() -> byPlate(byPlate.get(), backOffice::violationsOfPlate));
        }
        return answer(() -> found(backOffice.violationsOfCivilId(byCivilId.get())));
    }

    @GetMapping("/vehicles/registration")
    CompletableFuture<ResponseEntity<?>> registration(@RequestParam(required = false) String plate) {
        return answer(() -> byPlate(plate, backOffice::registration));
    }

    @GetMapping("/visas/{applicationNumber}")
    CompletableFuture<ResponseEntity<?>> visa(@PathVariable String applicationNumber) {
        return answer(() -> found(backOffice.visa(applicationNumber)));
    }

    @PostMapping("/faults")
    Faults changeFaults(@RequestBody Faults change) {
        if (change.delayMillis() != null) {
            faults.delay(Duration.ofMillis(change.delayMillis()));
        }
        if (change.down() != null) {
            faults.down(change.down());
        }
        return Faults.of(faults);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<?> invalid(IllegalArgumentException e) {
        return badRequest(e.getMessage());
    }

    /**
     * Answers after the configured delay without holding a request thread meanwhile: the back office shares
     * Tomcat with Risala's own API and pages, which a slow demo directorate must not starve.
     */
    private CompletableFuture<ResponseEntity<?>> answer(Supplier<ResponseEntity<?>> answer) {
        Supplier<ResponseEntity<?>> faulty = () -> faults.down()
                ? ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(UNAVAILABLE)
                : answer.get();
        Duration delay = faults.delay();
        if (delay.isZero()) {
            return CompletableFuture.completedFuture(faulty.get());
        }
        return CompletableFuture.supplyAsync(faulty,
                CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    private static ResponseEntity<?> found(Optional<?> record) {
        return record.<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND));
    }

    /** a plate in any form {@link PlateNumber#display} reads; any other text is a bad request, not an unknown plate */
    private static ResponseEntity<?> byPlate(String plate, Function<String, Optional<?>> lookup) {
        return PlateNumber.normalise(plate).map(PlateNumber::display).<ResponseEntity<?>>map(p -> found(lookup.apply(p)))
                .orElseGet(() -> badRequest("not a plate number"));
    }

    private static Optional<String> given(String parameter) {
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter);
    }

    private static ResponseEntity<?> badRequest(String error) {
        return ResponseEntity.badRequest().body(Map.of("error", error));
    }
}
