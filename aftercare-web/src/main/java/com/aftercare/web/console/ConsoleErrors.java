package com.aftercare.web.console;

import com.aftercare.domain.shared.DomainException;
import com.aftercare.domain.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Failures of console pages as a friendly page in the person's language, never a stack trace or
 * a JSON problem. Ordered before the API's problem handler, which answers for everything else.
 */
@ControllerAdvice(basePackages = "com.aftercare.web.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound e, Model model) {
        model.addAttribute("errorKey", "error.notFound");
        return ConsoleViews.ERROR;
    }

    /** A malformed id in a path ({@code /keys/abc/revoke}) names nothing that exists. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String badId(MethodArgumentTypeMismatchException e, Model model) {
        model.addAttribute("errorKey", "error.notFound");
        return ConsoleViews.ERROR;
    }

    @ExceptionHandler(DomainException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(DomainException e, Model model) {
        log.info("Console request refused: {}", e.getMessage());
        model.addAttribute("errorKey", "error.refused");
        return ConsoleViews.ERROR;
    }

    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    String bug(Exception e, Model model) {
        log.error("Console page failed", e);
        model.addAttribute("errorKey", "error.unexpected");
        return ConsoleViews.ERROR;
    }
}
