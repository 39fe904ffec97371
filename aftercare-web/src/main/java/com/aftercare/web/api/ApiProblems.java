package com.aftercare.web.api;

import static com.aftercare.web.problem.ProblemWriter.problem;

import com.aftercare.domain.ingest.EventIdConflict;
import com.aftercare.domain.request.IdempotencyKeyReused;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.InquiryWorkflowViolation;
import com.aftercare.returns.ClaimNotEligible;
import com.aftercare.returns.ClaimWorkflowViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of the REST API as an RFC 9457 problem. Field problems carry an {@code errors}
 * list of {@code {field, reason}} so a storefront developer can fix the payload without guessing.
 *
 * <p>Not limited to the API's package: MVC's own failures (415, 405, no such path) happen before
 * any controller is chosen, and this handler replaces Boot's default problem handler.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalidRequest(InvalidRequest e) {
        return fieldProblem(e.getMessage(), e.errors());
    }

    @ExceptionHandler(InvalidValue.class)
    ProblemDetail invalidValue(InvalidValue e) {
        return fieldProblem(
                e.field() + ": " + e.getMessage(), List.of(new InvalidRequest.FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(EventIdConflict.class)
    ProblemDetail conflict(EventIdConflict e) {
        return problem(HttpStatus.CONFLICT, "Event id reused", e.getMessage());
    }

    @ExceptionHandler(InquiryWorkflowViolation.class)
    ProblemDetail inquiryWorkflow(InquiryWorkflowViolation e) {
        return problem(HttpStatus.CONFLICT, "Not allowed in the inquiry's current status", e.getMessage());
    }

    /** Well-formed, but the after-sales rules refuse it: the field names the order or the line, {@code rule} why. */
    @ExceptionHandler(ClaimNotEligible.class)
    ProblemDetail claimNotEligible(ClaimNotEligible e) {
        ProblemDetail problem = fieldProblem(
                e.field() + ": " + e.getMessage(), List.of(new InvalidRequest.FieldError(e.field(), e.getMessage())));
        problem.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setTitle("Not eligible");
        problem.setProperty("rule", e.messageKey());
        return problem;
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReused e) {
        return problem(HttpStatus.CONFLICT, "Idempotency-Key reused", e.getMessage());
    }

    @ExceptionHandler(ClaimWorkflowViolation.class)
    ProblemDetail claimWorkflow(ClaimWorkflowViolation e) {
        return problem(HttpStatus.CONFLICT, "Not allowed in the claim's current status", e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (BodyLimitFilter.isTooLarge(e)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(problem(HttpStatus.CONTENT_TOO_LARGE, "Body too large", BodyLimitFilter.DETAIL));
        }
        ProblemDetail problem = fieldProblem(
                "body: is missing or unreadable",
                List.of(new InvalidRequest.FieldError("body", "is missing or unreadable")));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * MVC's own failures (no such page, wrong method, wrong content type) reach this handler for
     * every path, because they happen before a controller is chosen. Outside the API a person is
     * looking, so they go on to the container's error handling and the friendly error pages.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && !isApi(servlet.getRequest())) {
            throw ApiProblems.<RuntimeException>rethrow(e);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** Rethrows a checked exception unchanged, so the next resolver sees the original. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable e) throws T {
        throw (T) e;
    }

    /** Last resort: a bug of ours. Logged in full, answered without internals. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Unexpected failure in the API", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Something went wrong on our side; nothing was changed");
    }

    private static ProblemDetail fieldProblem(String detail, List<InvalidRequest.FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(e -> Map.of("field", e.field(), "reason", e.reason()))
                        .toList());
        return problem;
    }
}
