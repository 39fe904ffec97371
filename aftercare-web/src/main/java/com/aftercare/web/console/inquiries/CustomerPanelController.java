package com.aftercare.web.console.inquiries;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerNotes;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer panel's two steps, without leaving the inquiry: a note about the customer (the same
 * notes as the customer's own page, {@link CustomerNotes}) and showing the contact whole (any
 * operator may, as on the customer's page; {@code Customers.reveal} writes the audit entry). The
 * customer is always the inquiry's own, never one named by the request.
 */
@Controller
@RequestMapping("/console/inquiries/{reference}")
class CustomerPanelController {

    private final Inquiries inquiries;
    private final CustomerNotes notes;
    private final InquiryPage page;

    CustomerPanelController(Inquiries inquiries, CustomerNotes notes, InquiryPage page) {
        this.inquiries = inquiries;
        this.notes = notes;
        this.page = page;
    }

    /** Empty or too long is answered on the page under the field, with a 400. */
    @PostMapping("/customer-notes")
    String addNote(
            @PathVariable String reference,
            @ModelAttribute(InquiryPage.CUSTOMER_NOTE) ReplyForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        CustomerId customer = customerOf(reference);
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    notes.add(customer, form.body(), operator.getName());
                    redirect.addFlashAttribute("notice", "customers.note.added");
                    return ConsoleViews.redirect(InquirySteps.pageOf(reference) + "#customer-panel");
                },
                () -> page.show(reference, model));
    }

    @PostMapping("/reveal")
    String reveal(@PathVariable String reference, Principal operator, Model model) {
        model.addAttribute(InquiryPage.REVEALED_BY, operator.getName());
        return page.show(reference, model);
    }

    private CustomerId customerOf(String reference) {
        InquiryView inquiry = inquiries.find(reference).orElseThrow(() -> NotFound.inquiry(reference));
        if (inquiry.customer() == null) {
            throw NotFound.customer();
        }
        return inquiry.customer();
    }
}
