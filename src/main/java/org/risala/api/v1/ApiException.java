package org.risala.api.v1;

import org.springframework.http.ProblemDetail;

/** Ends an API request with a problem+json answer, optionally with a Retry-After header. */
class ApiException extends RuntimeException {

    private final transient ProblemDetail problem;
    private final Long retryAfterSeconds;

    ApiException(ProblemDetail problem) {
        this(problem, null);
    }

    ApiException(ProblemDetail problem, Long retryAfterSeconds) {
        super(problem.getDetail());
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    ProblemDetail problem() {
        return problem;
    }

    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
