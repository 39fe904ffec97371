package com.aftercare.web.console.inquiries;

import com.aftercare.domain.customer.CustomerNotes;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.CannedResponses;
import com.aftercare.inquiry.FaqArticles;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryAttachments;
import com.aftercare.inquiry.InquiryQueue;
import com.aftercare.inquiry.InquiryStatus;
import com.aftercare.inquiry.InquiryWorkflowViolation;
import com.aftercare.inquiry.Priority;
import com.aftercare.inquiry.Teams;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
 * The inquiry desk in the console: the queue of open work and one inquiry with its actions.
 * Every action goes through the {@link Inquiries} facade, which keeps the inquiry's own trail;
 * a step the workflow refuses comes back as a message on the page, never an error page.
 *
 * <p>Every page and form works as plain HTML. With htmx (header {@code HX-Request}) the same
 * addresses answer with fragments: the queue's list or its next rows, the inquiry's conversation or
 * notes after a post (with the facts, trail and notice swapped out of band), the reply form filled
 * with a canned response. A history restore asks for the whole page again.
 */
@Controller
@RequestMapping("/console/inquiries")
class InquiriesConsoleController {

    private static final String HERE = "/console/inquiries";
    private static final String REPLY = "replyForm";
    private static final String NOTE = "noteForm";

    private static final String HTMX = "HX-Request";
    private static final String HISTORY_RESTORE = "HX-History-Restore-Request";
    private static final int SUGGESTIONS = 3;
    private static final int CUSTOMER_NOTES = 3;

    private final Inquiries inquiries;
    private final InquiryQueue queue;
    private final Customers customers;
    private final Operators operators;
    private final CannedResponses canned;
    private final FaqArticles faq;
    private final InquiryAttachments attachments;
    private final MessageSource messages;
    private final Teams teams;
    private final CustomerNotes customerNotes;
    private final Clock clock;

    InquiriesConsoleController(
            Inquiries inquiries,
            InquiryQueue queue,
            Customers customers,
            Operators operators,
            CannedResponses canned,
            FaqArticles faq,
            InquiryAttachments attachments,
            MessageSource messages,
            Teams teams,
            CustomerNotes customerNotes,
            Clock clock) {
        this.inquiries = inquiries;
        this.queue = queue;
        this.customers = customers;
        this.operators = operators;
        this.canned = canned;
        this.faq = faq;
        this.attachments = attachments;
        this.messages = messages;
        this.teams = teams;
        this.customerNotes = customerNotes;
        this.clock = clock;
    }

    @GetMapping
    String queue(
            @RequestParam(defaultValue = "all") String filter,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String team,
            @RequestHeader(value = HTMX, required = false) String htmx,
            @RequestHeader(value = HISTORY_RESTORE, required = false) String restore,
            Principal operator,
            Model model,
            HttpServletResponse response) {
        InquiryQueue.Filter chosen = filter(filter);
        boolean first = after == null || after.isBlank();
        model.addAttribute("filter", chosen.name().toLowerCase(Locale.ROOT));
        // whose work and which team's: anyone may look at anyone's queue
        InquiryQueue.Scope scope = new InquiryQueue.Scope(assignee, team);
        model.addAttribute("scope", scope);
        model.addAttribute("teams", teams.all());
        model.addAttribute("operators", operators.all());
        model.addAttribute("page", queue.page(chosen, operator.getName(), scope, after, InquiryQueue.PAGE_SIZE));
        model.addAttribute("first", first);
        response.addHeader("Vary", HTMX);
        if (!isFragmentRequest(htmx, restore)) {
            return ConsoleViews.INQUIRY_QUEUE;
        }
        if (first) {
            return ConsoleViews.INQUIRY_QUEUE_LIST; // a filter change replaces the whole list
        }
        model.addAttribute("oob", true); // "load more": the next rows, and the pager for the page after
        return ConsoleViews.INQUIRY_QUEUE_MORE;
    }

    /**
     * The inquiry; with {@code canned}, its reply box holds that canned response filled in for
     * this inquiry (from htmx: only the reply form).
     */
    @GetMapping("/{reference}")
    String show(
            @PathVariable String reference,
            @RequestParam(required = false) Long canned,
            @RequestHeader(value = HTMX, required = false) String htmx,
            @RequestHeader(value = HISTORY_RESTORE, required = false) String restore,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        ReplyForm reply = canned == null
                ? ReplyForm.empty()
                : new ReplyForm(this.canned.renderFor(
                        canned, reference, v -> messages.getMessage("canned.missing." + v.key(), null, locale)));
        model.addAttribute("chosenCanned", canned);
        String view = page(reference, model, reply, null, ReplyForm.empty(), null);
        response.addHeader("Vary", HTMX);
        return canned != null && isFragmentRequest(htmx, restore) ? ConsoleViews.INQUIRY_REPLY_FORM : view;
    }

    /** Any operator may propose a reply for the FAQ; a supervisor rewords and publishes it. */
    @PostMapping("/{reference}/messages/{messageId}/faq")
    String promoteToFaq(
            @PathVariable String reference,
            @PathVariable long messageId,
            Principal operator,
            RedirectAttributes redirect) {
        faq.promoteReply(reference, messageId, operator.getName());
        redirect.addFlashAttribute("notice", "faq.promoted");
        return ConsoleViews.redirect(HERE + "/" + reference);
    }

    @PostMapping("/{reference}/take")
    String take(@PathVariable String reference, Principal operator, RedirectAttributes redirect) {
        return act(reference, redirect, "inquiry.taken", r -> inquiries.take(r, operator.getName()));
    }

    @PostMapping("/{reference}/reply")
    String reply(
            @PathVariable String reference,
            @Valid @ModelAttribute(REPLY) ReplyForm form,
            BindingResult errors,
            @RequestHeader(value = HTMX, required = false) String htmx,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return submitText(
                new Submission(reference, errors, "true".equals(htmx), ConsoleViews.INQUIRY_AFTER_REPLY),
                model,
                redirect,
                response,
                "inquiry.replied",
                r -> inquiries.reply(new Inquiries.Reply(r, operator.getName(), form.body())),
                () -> page(reference, model, form, errors, ReplyForm.empty(), null));
    }

    @PostMapping("/{reference}/notes")
    String note(
            @PathVariable String reference,
            @Valid @ModelAttribute(NOTE) ReplyForm form,
            BindingResult errors,
            @RequestHeader(value = HTMX, required = false) String htmx,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return submitText(
                new Submission(reference, errors, "true".equals(htmx), ConsoleViews.INQUIRY_AFTER_NOTE),
                model,
                redirect,
                response,
                "inquiry.noted",
                r -> inquiries.addNote(new Inquiries.AddNote(r, operator.getName(), form.body())),
                () -> page(reference, model, ReplyForm.empty(), null, form, errors));
    }

    /** A reply or note post: which inquiry, how the form fared, and what htmx gets back. */
    private record Submission(String reference, BindingResult errors, boolean htmx, String fragment) {}

    /**
     * A reply or a note: done and redirected when the text is fine, else the page again with the
     * field message (the facade's own limits included) and a 400. From htmx, the fragments of the
     * page after the post instead, in both cases: no redirect, no reload.
     */
    private String submitText(
            Submission post,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            String notice,
            Consumer<String> action,
            Supplier<String> pageWithErrors) {
        BindingResult errors = post.errors();
        if (!errors.hasErrors()) {
            try {
                if (!post.htmx()) {
                    return act(post.reference(), redirect, notice, action);
                }
                if (done(post.reference(), action)) {
                    model.addAttribute("notice", notice);
                } else {
                    model.addAttribute("problem", "inquiry.refused");
                }
                page(post.reference(), model, ReplyForm.empty(), null, ReplyForm.empty(), null);
                model.addAttribute("oob", true);
                return post.fragment();
            } catch (InvalidValue e) {
                if (!"body".equals(e.field())) {
                    throw e;
                }
                errors.rejectValue("body", "invalid");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        String page = pageWithErrors.get();
        if (!post.htmx()) {
            return page;
        }
        model.addAttribute("oob", true);
        return post.fragment();
    }

    @PostMapping("/{reference}/wait")
    String waitOnCustomer(@PathVariable String reference, Principal operator, RedirectAttributes redirect) {
        return act(reference, redirect, "inquiry.waiting", r -> inquiries.waitOnCustomer(r, operator.getName()));
    }

    @PostMapping("/{reference}/resolve")
    String resolve(@PathVariable String reference, Principal operator, RedirectAttributes redirect) {
        return act(reference, redirect, "inquiry.resolved", r -> inquiries.resolve(r, operator.getName()));
    }

    @PostMapping("/{reference}/close")
    String close(@PathVariable String reference, Principal operator, RedirectAttributes redirect) {
        return act(reference, redirect, "inquiry.closed", r -> inquiries.close(r, operator.getName()));
    }

    @PostMapping("/{reference}/priority")
    String changePriority(
            @PathVariable String reference,
            @RequestParam(required = false) String priority,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Priority chosen;
        try {
            chosen = Priority.valueOf(priority == null ? "" : priority);
        } catch (IllegalArgumentException e) {
            return refusedInput(reference, "inquiry.priority.invalid", model, response);
        }
        return act(
                reference,
                redirect,
                "inquiry.priorityChanged",
                r -> inquiries.changePriority(r, chosen, operator.getName()));
    }

    @PostMapping("/{reference}/flag")
    String flag(
            @PathVariable String reference,
            @RequestParam(required = false) String reason,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            return act(
                    reference, redirect, "inquiry.flaggedNotice", r -> inquiries.flag(r, reason, operator.getName()));
        } catch (InvalidValue e) {
            return refusedInput(reference, "inquiry.flagReason.invalid", model, response);
        }
    }

    @PostMapping("/{reference}/unflag")
    String unflag(@PathVariable String reference, Principal operator, RedirectAttributes redirect) {
        return act(reference, redirect, "inquiry.unflaggedNotice", r -> inquiries.unflag(r, operator.getName()));
    }

    /** Bad input to a small action form: the inquiry's page again, 400, saying what was wrong. */
    private String refusedInput(String reference, String problem, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problem", problem);
        return page(reference, model, ReplyForm.empty(), null, ReplyForm.empty(), null);
    }

    /** Runs one facade action; a step the workflow refuses becomes a message on the inquiry's page. */
    private String act(String reference, RedirectAttributes redirect, String notice, Consumer<String> action) {
        if (done(reference, action)) {
            redirect.addFlashAttribute("notice", notice);
        } else {
            redirect.addFlashAttribute("problem", "inquiry.refused");
        }
        return ConsoleViews.redirect(HERE + "/" + reference);
    }

    /** False when the workflow refused the step (resolving a closed inquiry, two operators at once). */
    private static boolean done(String reference, Consumer<String> action) {
        try {
            action.accept(reference);
            return true;
        } catch (InquiryWorkflowViolation e) {
            return false;
        }
    }

    private static boolean isFragmentRequest(String htmx, String restore) {
        return "true".equals(htmx) && !"true".equals(restore);
    }

    private String page(
            String reference,
            Model model,
            ReplyForm reply,
            BindingResult replyErrors,
            ReplyForm note,
            BindingResult noteErrors) {
        Inquiries.InquiryView inquiry = inquiries.find(reference).orElseThrow(() -> NotFound.inquiry(reference));
        model.addAttribute("inquiry", inquiry);
        model.addAttribute(
                "customer", customers.find(inquiry.customer()).map(Customer::of).orElse(Customer.UNKNOWN));
        model.addAttribute("assignee", assignee(inquiry.assigneeOperatorId()));
        model.addAttribute("active", isActive(inquiry.status()));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("customerNotes", customerNotes.of(inquiry.customer(), CUSTOMER_NOTES));
        model.addAttribute("maxBody", Inquiries.MAX_BODY);
        model.addAttribute("cannedResponses", canned.offeredFor(inquiry.category()));
        model.addAttribute("suggestions", faq.suggestFor(reference, SUGGESTIONS));
        model.addAttribute(
                "attachments",
                attachments.of(reference).stream()
                        .collect(Collectors.groupingBy(InquiryAttachments.AttachmentView::messageId)));
        model.addAttribute("now", clock.instant());
        model.addAttribute(REPLY, reply);
        model.addAttribute(NOTE, note);
        if (replyErrors != null) {
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + REPLY, replyErrors);
        }
        if (noteErrors != null) {
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + NOTE, noteErrors);
        }
        return ConsoleViews.INQUIRY;
    }

    private String assignee(Long operatorId) {
        if (operatorId == null) {
            return null;
        }
        return operators.all().stream()
                .filter(o -> o.id() == operatorId)
                .map(Operators.Summary::username)
                .findFirst()
                .orElse(null);
    }

    private static boolean isActive(InquiryStatus status) {
        return status == InquiryStatus.NEW
                || status == InquiryStatus.OPEN
                || status == InquiryStatus.WAITING_ON_CUSTOMER;
    }

    private static InquiryQueue.Filter filter(String value) {
        for (InquiryQueue.Filter f : InquiryQueue.Filter.values()) {
            if (f.name().equalsIgnoreCase(value)) {
                return f;
            }
        }
        return InquiryQueue.Filter.ALL;
    }

    /** The customer as the inquiry page shows them: the name, and the address masked. */
    record Customer(Long id, String name, String maskedEmail) {

        static final Customer UNKNOWN = new Customer(null, null, null);

        static Customer of(CustomerView view) {
            return new Customer(view.id().value(), view.name(), view.email().masked());
        }
    }
}
