package com.aftercare.web.console.inquiries;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.inquiry.Macros;
import com.aftercare.web.console.ConsoleViews;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Applying a macro from an inquiry's page, as the signed-in operator (any role). All its steps or
 * none: a step the workflow refuses (waiting on the customer of a resolved inquiry) or a canned
 * response that needs a value the inquiry lacks comes back as a message on the page, with nothing
 * done. An unknown macro or inquiry is a 404.
 */
@Controller
class InquiryMacroController {

    private final Macros macros;

    InquiryMacroController(Macros macros) {
        this.macros = macros;
    }

    @PostMapping("/console/inquiries/{reference}/macro")
    String apply(
            @PathVariable String reference,
            @RequestParam(required = false) Long macro,
            Principal operator,
            RedirectAttributes redirect) {
        if (macro == null) {
            redirect.addFlashAttribute("problem", "macro.problem.choose");
            return redirectTo(reference);
        }
        try {
            return InquirySteps.act(
                    reference, redirect, "macro.notice.applied", r -> macros.apply(r, macro, operator.getName()));
        } catch (InvalidValue e) {
            redirect.addFlashAttribute("problem", "macro.problem.needsValue");
            return redirectTo(reference);
        }
    }

    private static String redirectTo(String reference) {
        return ConsoleViews.redirect(InquirySteps.pageOf(reference));
    }
}
