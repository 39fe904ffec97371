package com.aftercare.web.console.knowledge;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.inquiry.UnknownCannedVariable;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;

/**
 * A form post of the knowledge pages: the action runs when the form is valid, and a refusal by the
 * facade lands under its field, as the form's own checks do; either way a refused form is the page
 * again with status 400, having written nothing.
 */
final class FormSubmission {

    private FormSubmission() {}

    static String submit(
            BindingResult errors,
            HttpServletResponse response,
            Supplier<String> action,
            Supplier<String> pageWithErrors) {
        if (!errors.hasErrors()) {
            try {
                return action.get();
            } catch (UnknownCannedVariable e) {
                errors.rejectValue(e.field(), "unknownVariable", new Object[] {e.name()}, null);
            } catch (InvalidValue e) {
                errors.rejectValue(e.field(), "invalid");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return pageWithErrors.get();
    }
}
