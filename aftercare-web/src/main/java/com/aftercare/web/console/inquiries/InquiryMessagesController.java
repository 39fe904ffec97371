package com.aftercare.web.console.inquiries;

import com.aftercare.inquiry.Inquiries;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A reply to the customer or an internal note on an inquiry. Done and redirected when the text is
 * fine, else the page again with the field message (the facade's own limits included) and a 400.
 * From htmx, the fragments of the page after the post instead, in both cases: the conversation or
 * the notes, with the facts, trail and notice swapped out of band; no redirect, no reload.
 */
@Controller
@RequestMapping("/console/inquiries/{reference}")
class InquiryMessagesController {

    private final Inquiries inquiries;
    private final InquiryPage page;

    InquiryMessagesController(Inquiries inquiries, InquiryPage page) {
        this.inquiries = inquiries;
        this.page = page;
    }

    @PostMapping("/reply")
    String reply(
            @PathVariable String reference,
            @Valid @ModelAttribute(InquiryPage.REPLY) ReplyForm form,
            BindingResult errors,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return submit(
                new Submission(reference, errors, "true".equals(htmx), ConsoleViews.INQUIRY_AFTER_REPLY),
                model,
                redirect,
                response,
                "inquiry.replied",
                r -> inquiries.reply(new Inquiries.Reply(r, operator.getName(), form.body(), form.mailConfirmed())),
                () -> page.show(reference, model, form, errors, ReplyForm.empty(), null));
    }

    @PostMapping("/notes")
    String note(
            @PathVariable String reference,
            @Valid @ModelAttribute(InquiryPage.NOTE) ReplyForm form,
            BindingResult errors,
            @RequestHeader(value = Htmx.REQUEST, required = false) String htmx,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return submit(
                new Submission(reference, errors, "true".equals(htmx), ConsoleViews.INQUIRY_AFTER_NOTE),
                model,
                redirect,
                response,
                "inquiry.noted",
                r -> inquiries.addNote(new Inquiries.AddNote(r, operator.getName(), form.body())),
                () -> page.show(reference, model, ReplyForm.empty(), null, form, errors));
    }

    /** A reply or note post: which inquiry, how the form fared, and what htmx gets back. */
    private record Submission(String reference, BindingResult errors, boolean htmx, String fragment) {}

    private String submit(
            Submission post,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            String notice,
            Consumer<String> action,
            Supplier<String> pageWithErrors) {
        return ConsoleForms.submit(
                post.errors(),
                response,
                () -> {
                    if (!post.htmx()) {
                        return InquirySteps.act(post.reference(), redirect, notice, action);
                    }
                    if (InquirySteps.done(post.reference(), action)) {
                        model.addAttribute("notice", notice);
                    } else {
                        model.addAttribute("problem", "inquiry.refused");
                    }
                    page.show(post.reference(), model);
                    return fragment(post, model);
                },
                () -> {
                    String full = pageWithErrors.get();
                    return post.htmx() ? fragment(post, model) : full;
                });
    }

    private static String fragment(Submission post, Model model) {
        model.addAttribute("oob", true);
        return post.fragment();
    }
}
