package com.aftercare.web.console;

import com.aftercare.domain.shared.DomainException;
import com.aftercare.domain.shared.FieldProblem;
import com.aftercare.domain.shared.FieldRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.InvalidPropertyException;
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

    /**
     * Puts a facade's refusal under its field (message key {@code <code>.<field>}, the facade's
     * words as fallback); a refusal of something the form has no field for (the operator acting
     * was disabled meanwhile) becomes a message for the whole form.
     */
    public static void reject(BindingResult errors, FieldRefusal refusal) {
        String message = ((Exception) refusal).getMessage();
        try {
            errors.rejectValue(refusal.field(), refusal.code(), refusal.messageArguments(), message);
        } catch (InvalidPropertyException e) {
            errors.reject(refusal.code() + "." + refusal.field(), refusal.messageArguments(), message);
        }
    }

    /**
     * Puts each of several problems found at once ({@link com.aftercare.domain.shared.Rejected}:
     * a template with two unknown variables, a step with a bad delay and a bad template) under its
     * field, the message key {@code <area>.<field>} with the facade's words as its argument; a
     * problem of a field the form does not show lands under the form's first field.
     */
    public static void reject(BindingResult errors, List<FieldProblem> problems, String area, List<String> fields) {
        for (FieldProblem problem : problems) {
            String field = fields.contains(problem.field()) ? problem.field() : fields.get(0);
            errors.rejectValue(field, area + "." + field, new Object[] {problem.message()}, problem.message());
        }
    }

    /** The page again, answered with 400. */
    public static String refused(HttpServletResponse response, Supplier<String> page) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page.get();
    }
}
