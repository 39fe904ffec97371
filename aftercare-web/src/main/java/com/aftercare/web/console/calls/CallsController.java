package com.aftercare.web.console.calls;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.CallsAndVisits;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.PhoneHours;
import com.aftercare.inquiry.Priority;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.StorefrontChoice;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Phone calls and visit appointments taken down in the console, each opening an inquiry, and the
 * callbacks due today. {@code ?customer=<id>} (the links on a customer's page) starts a form with
 * that customer filled in; with no email or phone given, the inquiry is theirs (a customer known
 * only by LINE can still call or be visited, #12 §2).
 */
@Controller
class CallsController {

    private static final String FORM = "intake";

    /** The facade's field names (customer details are checked by the domain) on the form's. */
    private static final Map<String, String> FORM_FIELDS = Map.of(
            "customer.email", "customerEmail",
            "customer.name", "customerName",
            "customer.phone", "customerPhone",
            "subject", "summary");

    private final CallsAndVisits desk;
    private final Customers customers;
    private final Storefronts storefronts;
    private final StorefrontChoice storefrontChoice;
    private final PhoneHours phoneHours;
    private final IntakeTimes times;

    CallsController(
            CallsAndVisits desk,
            Customers customers,
            Storefronts storefronts,
            StorefrontChoice storefrontChoice,
            PhoneHours phoneHours,
            IntakeTimes times) {
        this.desk = desk;
        this.customers = customers;
        this.storefronts = storefronts;
        this.storefrontChoice = storefrontChoice;
        this.phoneHours = phoneHours;
        this.times = times;
    }

    @GetMapping("/console/calls/new")
    String newCall(@RequestParam(required = false) Long customer, Model model) {
        model.addAttribute(FORM, CallForm.forCustomer(known(customer)));
        return page(model, "call");
    }

    @PostMapping("/console/calls")
    String logCall(
            @Valid @ModelAttribute(FORM) CallForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireContact(form, errors);
        return submit(
                errors,
                model,
                redirect,
                response,
                "call",
                () -> desk.logCall(new CallsAndVisits.LogCall(
                        intake(form, operator),
                        form.caller(),
                        form.wantsCallback(),
                        times.instant(form.callbackAt()))));
    }

    @GetMapping("/console/visits/new")
    String newVisit(@RequestParam(required = false) Long customer, Model model) {
        model.addAttribute(FORM, VisitForm.forCustomer(known(customer)));
        return page(model, "visit");
    }

    @PostMapping("/console/visits")
    String bookVisit(
            @Valid @ModelAttribute(FORM) VisitForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireContact(form, errors);
        return submit(
                errors,
                model,
                redirect,
                response,
                "visit",
                () -> desk.bookVisit(new CallsAndVisits.BookVisit(
                        intake(form, operator),
                        form.address(),
                        times.instant(form.slotStart()),
                        times.instant(form.slotEnd()),
                        form.staff())));
    }

    @GetMapping("/console/callbacks")
    String callbacks(Model model) {
        model.addAttribute("callbacks", desk.dueToday());
        return ConsoleViews.DESK_CALLBACKS;
    }

    /**
     * The operator made the callback: it leaves the list. One already made (another operator was
     * quicker) or none promised is said on the list, never an error page.
     */
    @PostMapping("/console/callbacks/{reference}/done")
    String callbackMade(@PathVariable String reference, Principal operator, RedirectAttributes redirect) {
        try {
            desk.callbackMade(reference, operator.getName());
            redirect.addFlashAttribute("notice", "desk.callbacks.done");
        } catch (InvalidValue e) {
            redirect.addFlashAttribute("problem", "desk.callbacks.notOpen");
        }
        return ConsoleViews.redirect("/console/callbacks");
    }

    /**
     * A caller may give no email (#12 §2), but then a phone number, and a storefront the new
     * customer belongs to; said under the fields concerned before the facade is asked (which
     * refuses the same, as a last line).
     */
    private static void requireContact(IntakeForm form, BindingResult errors) {
        if (!isBlank(form.customerEmail())) {
            return;
        }
        // started from a customer's page: that customer, even one known only by LINE
        if (isBlank(form.customerPhone()) && form.customer() == null) {
            errors.rejectValue("customerEmail", "desk.intake.contactRequired");
            errors.rejectValue("customerPhone", "desk.intake.contactRequired");
        }
        if (form.storefront() == null) {
            errors.rejectValue("storefront", "desk.intake.storefrontWithoutEmail");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Opens the inquiry and shows it, or shows the form again with the field messages (bean
     * validation first, then the facade's own checks, named as the form names them) and a 400.
     */
    private String submit(
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            String kind,
            Supplier<Inquiries.Opened> open) {
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    Inquiries.Opened opened = onTheForm(open);
                    redirect.addFlashAttribute("notice", "desk." + kind + ".logged");
                    return ConsoleViews.redirect("/console/inquiries/" + opened.reference());
                },
                () -> page(model, kind));
    }

    /** The facade's refusal under the form's name for its field. */
    private static Inquiries.Opened onTheForm(Supplier<Inquiries.Opened> open) {
        try {
            return open.get();
        } catch (InvalidValue e) {
            String field = FORM_FIELDS.get(e.field());
            throw field == null ? e : new InvalidValue(field, e.getMessage());
        }
    }

    private String page(Model model, String kind) {
        model.addAttribute("kind", kind);
        model.addAttribute("storefronts", storefronts.all());
        model.addAttribute("categories", Category.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("phoneOpens", phoneHours.opens());
        model.addAttribute("phoneCloses", phoneHours.closes());
        return "call".equals(kind) ? ConsoleViews.DESK_CALL : ConsoleViews.DESK_VISIT;
    }

    private CallsAndVisits.Intake intake(IntakeForm form, Principal operator) {
        return new CallsAndVisits.Intake(
                storefrontChoice.of(form.storefront()),
                form.customerEmail(),
                form.customerName(),
                form.customerPhone(),
                form.summary(),
                form.category(),
                form.priority(),
                form.orderNumber(),
                operator.getName(),
                form.customer() == null ? null : new CustomerId(form.customer()));
    }

    private KnownCustomer known(Long customer) {
        return customer == null
                ? KnownCustomer.NONE
                : customers
                        .find(new CustomerId(customer))
                        .map(c -> KnownCustomer.of(c, customers.recordedAt(c.id())))
                        .orElse(KnownCustomer.NONE);
    }
}
