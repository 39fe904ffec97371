package com.aftercare.web.console.inquiries;

import com.aftercare.inquiry.LineCustomerLinks;
import java.security.Principal;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sends a LINE conversation's customer the portal's order lookup link, as a reply: once they find
 * their order with it, their LINE identity is that order's customer and the conversation is about
 * that order.
 */
@Controller
class InquiryLineLinkController {

    private final LineCustomerLinks links;
    private final MessageSource messages;

    InquiryLineLinkController(LineCustomerLinks links, MessageSource messages) {
        this.links = links;
        this.messages = messages;
    }

    @PostMapping("/console/inquiries/{reference}/line-link")
    String send(@PathVariable String reference, Principal operator, RedirectAttributes redirect) {
        // the customer reads it on LINE, in the shop's language, whatever the operator's console shows
        return InquirySteps.act(
                reference,
                redirect,
                "inquiry.lineLink.sent",
                r -> links.offer(
                        r,
                        operator.getName(),
                        url -> messages.getMessage("line.link.text", new Object[] {url}, Locale.JAPANESE)));
    }
}
