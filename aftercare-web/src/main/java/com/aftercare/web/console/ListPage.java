package com.aftercare.web.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A console area's list page, which the area's changes come back to with a notice (a message key,
 * shown there once as a flash attribute): canned responses, macros, automations, teams and
 * assignment rules each save a form or press a button, then land on their list. Holding that
 * ending once leaves each handler with only its change and its notice.
 *
 * @param path the list's address ({@code /console/macros})
 */
public record ListPage(String path) {

    /** Back to the list, with the notice. */
    public String back(RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return ConsoleViews.redirect(path);
    }

    /**
     * Submits a form through {@link ConsoleForms#submit}: {@code change} runs when the form's own
     * checks passed and the answer is the list with the notice; a refused form is {@code
     * pageWithErrors} again, with 400.
     */
    public String submit(
            BindingResult errors,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String notice,
            Runnable change,
            Supplier<String> pageWithErrors) {
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    change.run();
                    return back(redirect, notice);
                },
                pageWithErrors);
    }
}
