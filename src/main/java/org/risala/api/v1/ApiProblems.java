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
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request field", field + ": " + reason);
        p.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return p;
    }

    static ResponseEntity<ProblemDetail> response(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(PROBLEM_JSON).body(p);
    }
}
