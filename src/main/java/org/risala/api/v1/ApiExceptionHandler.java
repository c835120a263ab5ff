package org.risala.api.v1;

import org.risala.outbound.IdempotencyConflict;
import org.risala.outbound.SendRejected;
import org.risala.outbound.StoreUnavailable;
import org.risala.pull.ServiceConflict;
import org.risala.pull.ServiceRejected;
import org.risala.pull.UnknownService;
import org.risala.subscriptions.BusinessAccountExists;
import org.risala.subscriptions.SubscriptionRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of the API as problem+json: never a stack trace, always the field and the reason when there is one. */
@RestControllerAdvice(basePackages = "org.risala.api.v1")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ResponseEntity<ProblemDetail> r = ApiProblems.response(e.problem());
        if (e.retryAfterSeconds() != null) {
            return ResponseEntity.status(r.getStatusCode()).contentType(ApiProblems.PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(e.problem());
        }
        return r;
    }

    @ExceptionHandler(SendRejected.class)
    ResponseEntity<ProblemDetail> rejected(SendRejected e) {
        return ApiProblems.response(ApiProblems.invalidField(e.field(), e.reason()));
    }

    @ExceptionHandler(SubscriptionRejected.class)
    ResponseEntity<ProblemDetail> subscriptionRejected(SubscriptionRejected e) {
        return ApiProblems.response(ApiProblems.invalidField(e.field(), e.reason()));
    }

    @ExceptionHandler(BusinessAccountExists.class)
    ResponseEntity<ProblemDetail> businessAccountExists(BusinessAccountExists e) {
        ProblemDetail p = ApiProblems.problem(HttpStatus.CONFLICT, "business-account-exists",
                "Business account exists", "A business account with this commercial registration exists already.");
        p.setProperty("id", e.id());
        return ApiProblems.response(p);
    }

    @ExceptionHandler(ServiceRejected.class)
    ResponseEntity<ProblemDetail> serviceRejected(ServiceRejected e) {
        return ApiProblems.response(ApiProblems.invalidFields(e.problems()));
    }

    @ExceptionHandler(UnknownService.class)
    ResponseEntity<ProblemDetail> unknownService(UnknownService e) {
        return ApiProblems.response(ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                e.getMessage()));
    }

    @ExceptionHandler(ServiceConflict.class)
    ResponseEntity<ProblemDetail> serviceConflict(ServiceConflict e) {
        return ApiProblems.response(ApiProblems.problem(HttpStatus.CONFLICT, "version-conflict",
                "Changed meanwhile", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return ApiProblems.response(ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                e.getMessage()));
    }

    @ExceptionHandler(IdempotencyConflict.class)
    ResponseEntity<ProblemDetail> conflict(IdempotencyConflict e) {
        return ApiProblems.response(ApiProblems.problem(HttpStatus.CONFLICT, "idempotency-conflict",
                "Idempotency key reused", e.getMessage()));
    }

    @ExceptionHandler(StoreUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(StoreUnavailable e) {
        log.error("message not accepted: {}", e.getMessage());
        ProblemDetail p = ApiProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                "Message not accepted", "The message could not be stored and was not accepted; try again later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(ApiProblems.PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5").body(p);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return ApiProblems.response(ApiProblems.problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                "The request body is not valid JSON for this endpoint."));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return ApiProblems.response(ApiProblems.invalidField(e.getParameterName(), "is required"));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return ApiProblems.response(ApiProblems.invalidField(e.getRequestPartName(), "is required"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
        return ApiProblems.response(ApiProblems.problem(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                "Request too large", "The uploaded file is larger than this server accepts."));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return ApiProblems.response(ApiProblems.invalidField(e.getHeaderName(), "header is required"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return ApiProblems.response(ApiProblems.invalidField(e.getName(), "has an invalid value"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return ApiProblems.response(ApiProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", "Send the body as application/json, or as this endpoint documents."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return ApiProblems.response(ApiProblems.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "Method not allowed", e.getMessage()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e) {
        return ApiProblems.response(ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No such API endpoint."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected API error", e);
        return ApiProblems.response(ApiProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "Something went wrong on our side; it has been logged."));
    }
}
