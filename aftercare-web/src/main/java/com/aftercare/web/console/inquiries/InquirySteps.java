package com.aftercare.web.console.inquiries;

import com.aftercare.inquiry.InquiryWorkflowViolation;
import com.aftercare.web.console.ConsoleViews;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One step on an inquiry from the console: done and back to the inquiry with a notice, or, when
 * the workflow refuses it (resolving a closed inquiry, two operators at once), back with a message
 * on the page, never an error page.
 */
final class InquirySteps {

    private InquirySteps() {}

    static String act(String reference, RedirectAttributes redirect, String notice, Consumer<String> step) {
        if (done(reference, step)) {
            redirect.addFlashAttribute("notice", notice);
        } else {
            redirect.addFlashAttribute("problem", "inquiry.refused");
        }
        return ConsoleViews.redirect(pageOf(reference));
    }

    /** False when the workflow refused the step. */
    static boolean done(String reference, Consumer<String> step) {
        try {
            step.accept(reference);
            return true;
        } catch (InquiryWorkflowViolation e) {
            return false;
        }
    }

    static String pageOf(String reference) {
        return "/console/inquiries/" + reference;
    }
}
