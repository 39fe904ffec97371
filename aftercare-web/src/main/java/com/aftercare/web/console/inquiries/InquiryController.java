package com.aftercare.web.console.inquiries;

import com.aftercare.inquiry.CannedResponses;
import com.aftercare.inquiry.FaqArticles;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One inquiry and the steps of its workflow (take, wait, resolve, close, priority, flag) through
 * the {@link Inquiries} facade, which keeps the inquiry's own trail; a step the workflow refuses
 * comes back as a message on the page, bad input to a step's small form as the page with the
 * reason and a 400. Replies and notes: {@link InquiryMessagesController}.
 */
@Controller
@RequestMapping("/console/inquiries/{reference}")
class InquiryController {

    private final Inquiries inquiries;
    private final InquiryPage page;
    private final CannedResponses canned;
    private final FaqArticles faq;
    private final MessageSource messages;

    InquiryController(
            Inquiries inquiries, InquiryPage page, CannedResponses canned, FaqArticles faq, MessageSource messages) {
        this.inquiries = inquiries;
        this.page = page;
        this.canned = canned;
        this.faq = faq;
        this.messages = messages;
    }

    /**
     * The inquiry; with {@code canned}, its reply box holds that canned response filled in for
     * this inquiry (from htmx: only the reply form); with {@code faq}, the link to that published
     * FAQ article (the fallback without JavaScript; with it, the page inserts the link itself).
     */
    @GetMapping
    String show(
            @PathVariable String reference,
            @RequestParam(required = false) Long canned,
            @RequestParam(required = false) Long faq,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            @RequestHeader(value = Htmx.HISTORY_RESTORE, required = false) String restore,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        ReplyForm reply = canned != null
                ? new ReplyForm(this.canned.renderFor(
                        canned, reference, v -> messages.getMessage("canned.missing." + v.key(), null, locale)))
                : faq != null ? new ReplyForm(page.faqLink(faq)) : ReplyForm.empty();
        model.addAttribute("chosenCanned", canned);
        String view = page.show(reference, model, reply, null, ReplyForm.empty(), null);
        response.addHeader("Vary", Htmx.REQUEST);
        return canned != null && Htmx.wantsFragment(htmx, restore) ? ConsoleViews.INQUIRY_REPLY_FORM : view;
    }

    /** Any operator may propose a reply for the FAQ; a supervisor rewords and publishes it. */
    @PostMapping("/messages/{messageId}/faq")
    String promoteToFaq(
            @PathVariable String reference,
            @PathVariable long messageId,
            Principal operator,
            RedirectAttributes redirect) {
        faq.promoteReply(reference, messageId, operator.getName());
        redirect.addFlashAttribute("notice", "faq.promoted");
        return ConsoleViews.redirect(InquirySteps.pageOf(reference));
    }

    @PostMapping("/take")
    String take(@PathVariable String reference, Principal operator, RedirectAttributes redirect) {
        return InquirySteps.act(reference, redirect, "inquiry.taken", r -> inquiries.take(r, operator.getName()));
    }

    @PostMapping("/wait")
    String waitOnCustomer(@PathVariable String reference, Principal operator, RedirectAttributes redirect) {
        return InquirySteps.act(
                reference, redirect, "inquiry.waiting", r -> inquiries.waitOnCustomer(r, operator.getName()));
    }

    @PostMapping("/resolve")
    String resolve(@PathVariable String reference, Principal operator, RedirectAttributes redirect) {
        return InquirySteps.act(reference, redirect, "inquiry.resolved", r -> inquiries.resolve(r, operator.getName()));
    }

    @PostMapping("/close")
    String close(@PathVariable String reference, Principal operator, RedirectAttributes redirect) {
        return InquirySteps.act(reference, redirect, "inquiry.closed", r -> inquiries.close(r, operator.getName()));
    }

    @PostMapping("/priority")
    String changePriority(
            @PathVariable String reference,
            @ModelAttribute("priorityForm") PriorityForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return stepForm(
                reference,
                errors,
                new Answer(model, redirect, response),
                "inquiry.priorityChanged",
                r -> inquiries.changePriority(r, form.priority(), operator.getName()),
                "inquiry.priority.invalid");
    }

    @PostMapping("/flag")
    String flag(
            @PathVariable String reference,
            @ModelAttribute("flagForm") FlagForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return stepForm(
                reference,
                errors,
                new Answer(model, redirect, response),
                "inquiry.flaggedNotice",
                r -> inquiries.flag(r, form.reason(), operator.getName()),
                "inquiry.flagReason.invalid");
    }

    @PostMapping("/unflag")
    String unflag(@PathVariable String reference, Principal operator, RedirectAttributes redirect) {
        return InquirySteps.act(
                reference, redirect, "inquiry.unflaggedNotice", r -> inquiries.unflag(r, operator.getName()));
    }

    /** Where a step form's answer goes: the page again, or a redirect with a notice. */
    private record Answer(Model model, RedirectAttributes redirect, HttpServletResponse response) {}

    /**
     * A step with a small form of its own (priority, flag): done like any step, or, on bad input,
     * the inquiry's page again with {@code problem} said and a 400.
     */
    private String stepForm(
            String reference,
            BindingResult errors,
            Answer answer,
            String notice,
            Consumer<String> step,
            String problem) {
        return ConsoleForms.submit(
                errors, answer.response(), () -> InquirySteps.act(reference, answer.redirect(), notice, step), () -> {
                    answer.model().addAttribute("problem", problem);
                    return page.show(reference, answer.model());
                });
    }
}
