package com.aftercare.web.console.customers;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.privacy.Disclosures;
import com.aftercare.domain.privacy.Erasures;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.CsvDownload;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's requests under the privacy law, for supervisors and admins (security keeps operators
 * out): the disclosure (開示) as JSON or CSV, and the erasure (消去・利用停止). Both are audited by
 * their facades.
 */
@Controller
@RequestMapping("/console/customers/{id}/privacy")
class CustomerPrivacyController {

    private static final String FORM = "erasure";
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Customers customers;
    private final Disclosures disclosures;
    private final Erasures erasures;
    private final CsvDownload csv;
    private final MessageSource messages;

    CustomerPrivacyController(
            Customers customers, Disclosures disclosures, Erasures erasures, CsvDownload csv, MessageSource messages) {
        this.customers = customers;
        this.disclosures = disclosures;
        this.erasures = erasures;
        this.csv = csv;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        model.addAttribute(FORM, ErasureForm.empty());
        return show(id, model);
    }

    /** Everything held about the customer, as one JSON document. */
    @GetMapping("/disclosure.json")
    ResponseEntity<byte[]> json(@PathVariable long id, Principal operator) {
        Disclosures.Disclosure disclosure = disclosures.export(new CustomerId(id), "json", operator.getName());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"disclosure-customer-" + id + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(JSON.writeValueAsBytes(disclosure));
    }

    /**
     * The same as a CSV a Japanese Excel opens: one line per value (section, row, field, value),
     * sections and fields named in the operator's language, since the file is handed to the person
     * who asked (the JSON keeps the codes, for a machine). A code without a label is written as it
     * is rather than dropped: a disclosure must hold everything.
     */
    @GetMapping("/disclosure.csv")
    void csv(@PathVariable long id, Principal operator, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        // an unknown customer is a 404 before the file starts; the export itself (and its audit entry)
        // only once the charset was accepted
        customers.find(new CustomerId(id)).orElseThrow(NotFound::customer);
        csv.send(
                new CsvDownload.Export(
                        "disclosure",
                        List.of("privacy.csv.section", "privacy.csv.row", "privacy.csv.field", "privacy.csv.value"),
                        Map.of("customer", id)),
                operator,
                request,
                response,
                sheet -> disclosures
                        .export(new CustomerId(id), "csv", operator.getName())
                        .sections()
                        .forEach((section, rows) -> {
                            String sectionLabel = label("privacy.section.", section);
                            for (int row = 0; row < rows.size(); row++) {
                                for (Map.Entry<String, Object> value :
                                        rows.get(row).entrySet()) {
                                    sheet.row(
                                            sectionLabel,
                                            row + 1,
                                            label("privacy.field.", value.getKey()),
                                            value.getValue());
                                }
                            }
                        }));
    }

    private String label(String prefix, String code) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(prefix + code, null, code, locale);
    }

    @PostMapping("/erase")
    String erase(
            @PathVariable long id,
            @ModelAttribute(FORM) ErasureForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!Boolean.TRUE.equals(form.confirmed())) {
            errors.rejectValue("confirmed", "privacy.erase.confirm.required");
        }
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    Erasures.Outcome outcome = erasures.erase(new CustomerId(id), operator.getName(), form.reason());
                    redirect.addFlashAttribute("notice", "privacy.erased");
                    redirect.addFlashAttribute("retainedOrders", outcome.ordersUnderRetention());
                    redirect.addFlashAttribute("retainedUntil", outcome.retainedUntil());
                    return ConsoleViews.redirect("/console/customers/" + id + "/privacy");
                },
                () -> show(id, model));
    }

    private String show(long id, Model model) {
        CustomerId customerId = new CustomerId(id);
        CustomerView customer = customers.find(customerId).orElseThrow(NotFound::customer);
        model.addAttribute("customer", customer);
        model.addAttribute("erasedAt", erasures.erasedAt(customerId).orElse(null));
        return ConsoleViews.CUSTOMER_PRIVACY;
    }
}
