package org.risala.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own exceptions (404 of a {@code ResponseStatusException}, a malformed parameter, an unknown path)
 * become problem+json for API calls, as Spring Boot's problem-details handler does (this bean replaces it), and the
 * friendly error page for staff pages: a browser must never be shown a JSON document. Ordered like the handler it
 * replaces, so the same advice wins as before.
 */
@ControllerAdvice
@Order(0)
class PageErrors extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && !servlet.getResponse().isCommitted() && isPage(servlet.getRequest())) {
            showErrorPage(servlet.getResponse(), statusCode);
            return null;
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** a view controller, or (no controller matched) a browser asking for HTML outside the API */
    private static boolean isPage(HttpServletRequest request) {
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        if (handler instanceof HandlerMethod method) {
            return !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                    && !method.hasMethodAnnotation(ResponseBody.class)
                    && !HttpEntity.class.isAssignableFrom(method.getReturnType().getParameterType());
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    /** the servlet container's error dispatch renders templates/error/{status}.html */
    private static void showErrorPage(HttpServletResponse response, HttpStatusCode status) {
        try {
            response.sendError(status.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
