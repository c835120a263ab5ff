package org.risala.api.v1;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem details for the API. Field errors carry {@code errors: [{field, reason}]} so a client system can
 * show the reason next to the field it came from.
 */
final class ApiProblems {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String BASE = "https://risala.example/problems/";

    private ApiProblems() {
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(BASE + type));
        p.setTitle(title);
        return p;
    }

    static ProblemDetail invalidField(String field, String reason) {
        return invalidFields(List.of(field + ": " + reason));
    }

    /** @param problems each written {@code field: reason} */
    static ProblemDetail invalidFields(List<String> problems) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request field",
                String.join("; ", problems));
        p.setProperty("errors", problems.stream().map(ApiProblems::fieldError).toList());
        return p;
    }

    static Map<String, String> fieldError(String problem) {
        int colon = problem.indexOf(": ");
        return colon < 0 ? Map.of("field", "", "reason", problem)
                : Map.of("field", problem.substring(0, colon), "reason", problem.substring(colon + 2));
    }

    static ResponseEntity<ProblemDetail> response(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(PROBLEM_JSON).body(p);
    }
}
