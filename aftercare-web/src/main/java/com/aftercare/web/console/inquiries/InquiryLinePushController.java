package com.aftercare.web.console.inquiries;

import com.aftercare.domain.line.LinePushes;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.web.console.ConsoleViews;
import java.security.Principal;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sends again an answer LINE refused or may not have taken (FAILED, UNKNOWN): the operator's
 * button beside it on the conversation, once the customer follows the account again or LINE is
 * back. It goes as a push under the text's own retry key, so LINE executes it once even when the
 * first try did arrive ({@link LinePushes#release}, audited). Only a text of this inquiry: another
 * inquiry's is not found.
 */
@Controller
class InquiryLinePushController {

    private final Inquiries inquiries;
    private final LinePushes pushes;

    InquiryLinePushController(Inquiries inquiries, LinePushes pushes) {
        this.inquiries = inquiries;
        this.pushes = pushes;
    }

    @PostMapping("/console/inquiries/{reference}/line-pushes/{push}/resend")
    String resend(
            @PathVariable String reference, @PathVariable long push, Principal operator, RedirectAttributes redirect) {
        boolean ours = inquiries.find(reference).orElseThrow(() -> NotFound.inquiry(reference)).messages().stream()
                .anyMatch(m -> Objects.equals(m.linePushId(), push));
        if (!ours) {
            throw NotFound.linePush(push);
        }
        if (pushes.release(push, operator.getName())) {
            redirect.addFlashAttribute("notice", "inquiry.line.resent");
        } else {
            // on its way or sent meanwhile (another operator was quicker)
            redirect.addFlashAttribute("problem", "inquiry.line.notResendable");
        }
        return ConsoleViews.redirect(InquirySteps.pageOf(reference));
    }
}
