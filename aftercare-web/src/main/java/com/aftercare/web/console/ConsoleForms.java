package com.aftercare.web.console;

import com.aftercare.domain.shared.DomainException;
import com.aftercare.domain.shared.FieldRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;

/**
 * The one way a console form is submitted: the action runs when the form's own checks passed, a
 * refusal by a facade that names a field ({@link FieldRefusal}: {@code InvalidValue},
 * {@code AlreadyExists}, …) lands under that field as the form's own checks do (message key
 * {@code <code>.<field>}), and either way a refused form is the page again with status 400, having
 * written nothing. Any other failure is not the form's business and goes on to {@code ConsoleErrors}.
 */
public final class ConsoleForms {

    private ConsoleForms() {}

    public static String submit(
            BindingResult errors,
            HttpServletResponse response,
            Supplier<String> action,
            Supplier<String> pageWithErrors) {
        if (!errors.hasErrors()) {
            try {
                return action.get();
            } catch (DomainException e) {
                if (!(e instanceof FieldRefusal refusal)) {
                    throw e;
                }
                reject(errors, refusal);
            }
        }
        return refused(response, pageWithErrors);
    }

    /** Puts a facade's refusal under its field (message key {@code <code>.<field>}, the facade's words as fallback). */
    public static void reject(BindingResult errors, FieldRefusal refusal) {
        errors.rejectValue(
                refusal.field(), refusal.code(), refusal.messageArguments(), ((Exception) refusal).getMessage());
    }

    /** The page again, answered with 400. */
    public static String refused(HttpServletResponse response, Supplier<String> page) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page.get();
    }
}
