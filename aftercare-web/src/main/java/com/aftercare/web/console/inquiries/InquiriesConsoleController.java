package com.aftercare.web.console.inquiries;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryQueue;
import com.aftercare.inquiry.InquiryStatus;
import com.aftercare.inquiry.InquiryWorkflowViolation;
import com.aftercare.inquiry.Teams;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inquiry desk in the console: the queue of open work and one inquiry with its actions.
 * Every action goes through the {@link Inquiries} facade, which keeps the inquiry's own trail;
 * a step the workflow refuses comes back as a message on the page, never an error page.
 */
@Controller
@RequestMapping("/console/inquiries")
class InquiriesConsoleController {

    private static final String HERE = "/console/inquiries";
    private static final String REPLY = "replyForm";
    private static final String NOTE = "noteForm";

    private final Inquiries inquiries;
    private final InquiryQueue queue;
    private final Customers customers;
    private final Operators operators;
    private final Teams teams;
    private final Clock clock;

    InquiriesConsoleController(
            Inquiries inquiries,
            InquiryQueue queue,
            Customers customers,
            Operators operators,
            Teams teams,
            Clock clock) {
        this.inquiries = inquiries;
        this.queue = queue;
        this.customers = customers;
        this.operators = operators;
        this.teams = teams;
        this.clock = clock;
    }

    @GetMapping
    String queue(
            @RequestParam(defaultValue = "all") String filter,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String team,
            Principal operator,
            Model model) {
        InquiryQueue.Filter chosen = filter(filter);
        model.addAttribute("filter", chosen.name().toLowerCase(Locale.ROOT));
        // whose work and which team's: anyone may look at anyone's queue
        InquiryQueue.Scope scope = new InquiryQueue.Scope(assignee, team);
        model.addAttribute("scope", scope);
        model.addAttribute("teams", teams.all());
        model.addAttribute("operators", operators.all());
        model.addAttribute("page", queue.page(chosen, operator.getName(), scope, after, InquiryQueue.PAGE_SIZE));
        model.addAttribute("first", after == null || after.isBlank());
        return ConsoleViews.INQUIRY_QUEUE;
    }

    @GetMapping("/{reference}")
    String show(@PathVariable String reference, Model model) {
        return page(reference, model, ReplyForm.empty(), null, ReplyForm.empty(), null);
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
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return submitText(
                reference,
                errors,
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
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return submitText(
                reference,
                errors,
                redirect,
                response,
                "inquiry.noted",
                r -> inquiries.addNote(new Inquiries.AddNote(r, operator.getName(), form.body())),
                () -> page(reference, model, ReplyForm.empty(), null, form, errors));
    }

    /**
     * A reply or a note: done and redirected when the text is fine, else the page again with the
     * field message (the facade's own limits included) and a 400.
     */
    private String submitText(
            String reference,
            BindingResult errors,
            RedirectAttributes redirect,
            HttpServletResponse response,
            String notice,
            Consumer<String> action,
            Supplier<String> pageWithErrors) {
        if (!errors.hasErrors()) {
            try {
                return act(reference, redirect, notice, action);
            } catch (InvalidValue e) {
                if (!"body".equals(e.field())) {
                    throw e;
                }
                errors.rejectValue("body", "invalid");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return pageWithErrors.get();
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

    /** Runs one facade action; a step the workflow refuses becomes a message on the inquiry's page. */
    private String act(String reference, RedirectAttributes redirect, String notice, Consumer<String> action) {
        try {
            action.accept(reference);
            redirect.addFlashAttribute("notice", notice);
        } catch (InquiryWorkflowViolation e) {
            redirect.addFlashAttribute("problem", "inquiry.refused");
        }
        return ConsoleViews.redirect(HERE + "/" + reference);
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
        model.addAttribute("maxBody", Inquiries.MAX_BODY);
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
