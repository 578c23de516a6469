package io.hearth.platform;

import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every exception that reaches the edge into problem details of one shape. */
@RestControllerAdvice
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(HearthProblem.class)
    ResponseEntity<ProblemDetail> hearthProblem(HearthProblem problem, HttpServletRequest request) {
        return ProblemResponses.of(problem, request.getRequestURI());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return answer(PlatformProblem.MALFORMED_REQUEST, "The body is not valid JSON", request, List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String detail = "'" + e.getName() + "' has an invalid value";
        return answer(PlatformProblem.INVALID_PARAMETER, detail, request, List.of(new FieldError(e.getName(), detail)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request) {
        String detail = "'" + e.getParameterName() + "' is required";
        return answer(
                PlatformProblem.INVALID_PARAMETER,
                detail,
                request,
                List.of(new FieldError(e.getParameterName(), detail)));
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ProblemDetail> notFound(Exception e, HttpServletRequest request) {
        return answer(PlatformProblem.NOT_FOUND, "Nothing at " + request.getRequestURI(), request, List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(PlatformProblem.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here", request, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMedia(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return answer(PlatformProblem.UNSUPPORTED_MEDIA_TYPE, "Send application/json", request, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return answer(PlatformProblem.NOT_ACCEPTABLE, "Accept application/json", request, List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(PlatformProblem.INTERNAL, "Something went wrong on our side", request, List.of());
    }

    private static ResponseEntity<ProblemDetail> answer(
            PlatformProblem type, String detail, HttpServletRequest request, List<FieldError> errors) {
        return ProblemResponses.of(new HearthProblem(type, detail, errors), request.getRequestURI());
    }
}
