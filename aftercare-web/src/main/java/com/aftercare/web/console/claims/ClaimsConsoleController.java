package com.aftercare.web.console.claims;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.CustomerInquiries;
import com.aftercare.returns.BankAccount;
import com.aftercare.returns.ClaimQueue;
import com.aftercare.returns.ClaimRefunds;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.returns.ClaimWorkflowViolation;
import com.aftercare.returns.Claims;
import com.aftercare.returns.EligibilitySnapshot;
import com.aftercare.returns.exchange.ExchangeApproval;
import com.aftercare.returns.exchange.ExchangeStockRefused;
import com.aftercare.returns.variants.StockVerdict;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleMoney;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.CsvDownload;
import com.aftercare.web.console.claims.ClaimForms.InspectForm;
import com.aftercare.web.console.claims.ClaimForms.QuoteForm;
import com.aftercare.web.console.claims.ClaimForms.RefundForm;
import com.aftercare.web.console.claims.ClaimForms.RejectForm;
import com.aftercare.web.console.claims.ClaimForms.ShipForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
 * After-sales claims in the console: the queue by status and age, one claim with its lines,
 * eligibility, terms, masked bank account and the steps its status allows. Every step goes
 * through a facade ({@link ClaimWorkflow}, {@link ClaimRefunds}) with the operator signed in; a
 * step the workflow refuses comes back as a message on the claim's page, a bad value as a message
 * on its field ({@link ConsoleForms}).
 */
@Controller
@RequestMapping("/console/claims")
class ClaimsConsoleController {

    private static final String HERE = "/console/claims";
    private static final String REJECT = "rejectForm";
    private static final String QUOTE = "quoteForm";
    private static final String INSPECT = "inspectForm";
    private static final String REFUND = "refundForm";
    private static final String SHIP = "shipForm";

    /** The queue's columns, as the page shows them. */
    private static final List<String> COLUMNS = List.of(
            "claim.rma",
            "claim.type",
            "claim.reason",
            "claim.status",
            "claim.order",
            "claim.customer",
            "csv.claims.bankAccount",
            "claim.requestedAt");

    private final Claims claims;
    private final ClaimWorkflow workflow;
    private final ExchangeApproval exchanges;
    private final ClaimRefunds refunds;
    private final ClaimQueue queue;
    private final Orders orders;
    private final Customers customers;
    private final CustomerInquiries inquiries;
    private final ConsoleMoney money;
    private final CsvDownload csv;

    ClaimsConsoleController(
            Claims claims,
            ClaimWorkflow workflow,
            ExchangeApproval exchanges,
            ClaimRefunds refunds,
            ClaimQueue queue,
            Orders orders,
            Customers customers,
            CustomerInquiries inquiries,
            ConsoleMoney money,
            CsvDownload csv) {
        this.claims = claims;
        this.workflow = workflow;
        this.exchanges = exchanges;
        this.refunds = refunds;
        this.queue = queue;
        this.orders = orders;
        this.customers = customers;
        this.inquiries = inquiries;
        this.money = money;
        this.csv = csv;
    }

    @GetMapping
    String queue(
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String after,
            Model model) {
        ClaimStatus chosen = status(status);
        model.addAttribute("status", chosen == null ? "open" : chosen.name());
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("page", queue.page(chosen, q, after, ClaimQueue.PAGE_SIZE));
        model.addAttribute("first", after == null || after.isBlank());
        return ConsoleViews.CLAIM_QUEUE;
    }

    /** The queue as the page filters it (all of it, not one page), as a CSV file. */
    @GetMapping("/export")
    void export(
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(required = false) String q,
            Principal operator,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ClaimStatus chosen = status(status);
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("status", chosen == null ? "open" : chosen.name());
        filter.put("q", q);
        csv.send(
                new CsvDownload.Export("claims", COLUMNS, filter),
                operator,
                request,
                response,
                sheet -> queue.each(
                        chosen,
                        q,
                        c -> sheet.row(
                                c.rma(),
                                sheet.message("requestType." + c.type().name()),
                                sheet.message("returnReason." + c.reason().name()),
                                sheet.message("claimStatus." + c.status().name()),
                                c.orderNumber(),
                                c.customerName(),
                                c.needsBankAccount() ? sheet.message("claim.bankAccount.missing") : "",
                                c.requestedAt())));
    }

    @GetMapping("/{rma}")
    String show(@PathVariable String rma, Model model) {
        return page(rma, model, Map.of());
    }

    /**
     * An exchange is approved with its stock checked (the storefront's callback, else the
     * operator's {@code stockConfirmed}); a refusal of the stock is a message on the page.
     */
    @PostMapping("/{rma}/approve")
    String approve(
            @PathVariable String rma,
            @RequestParam(defaultValue = "false") boolean stockConfirmed,
            Principal operator,
            RedirectAttributes redirect) {
        ClaimView claim = claims.byRma(rma).orElseThrow(() -> NotFound.claim(rma));
        if (claim.type() != RequestType.EXCHANGE) {
            return act(rma, redirect, "claim.done.approved", r -> workflow.approve(r, operator.getName(), null));
        }
        try {
            return act(
                    rma,
                    redirect,
                    "claim.done.approved",
                    r -> exchanges.approve(r, operator.getName(), null, stockConfirmed));
        } catch (ExchangeStockRefused e) {
            redirect.addFlashAttribute(
                    "problem",
                    e.verdict().kind() == StockVerdict.Kind.OUT_OF_STOCK
                            ? "claim.exchange.outOfStock"
                            : "claim.exchange.confirmStock");
            return ConsoleViews.redirect(HERE + "/" + rma);
        }
    }

    @PostMapping("/{rma}/await-item")
    String awaitItem(@PathVariable String rma, Principal operator, RedirectAttributes redirect) {
        return act(rma, redirect, "claim.done.awaiting", r -> workflow.awaitItem(r, operator.getName()));
    }

    @PostMapping("/{rma}/receive")
    String receive(@PathVariable String rma, Principal operator, RedirectAttributes redirect) {
        return act(rma, redirect, "claim.done.received", r -> workflow.receive(r, operator.getName()));
    }

    @PostMapping("/{rma}/repaired")
    String repaired(@PathVariable String rma, Principal operator, RedirectAttributes redirect) {
        return act(rma, redirect, "claim.done.repaired", r -> workflow.markRepaired(r, operator.getName()));
    }

    @PostMapping("/{rma}/close")
    String close(@PathVariable String rma, Principal operator, RedirectAttributes redirect) {
        return act(rma, redirect, "claim.done.closed", r -> workflow.close(r, operator.getName()));
    }

    @PostMapping("/{rma}/reject")
    String reject(
            @PathVariable String rma,
            @Valid @ModelAttribute(REJECT) RejectForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return submit(
                new Submission(rma, REJECT, form, errors, model, redirect, response),
                "claim.done.rejected",
                r -> workflow.reject(r, operator.getName(), form.reason()));
    }

    @PostMapping("/{rma}/quote")
    String quote(
            @PathVariable String rma,
            @Valid @ModelAttribute(QUOTE) QuoteForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return submit(
                new Submission(rma, QUOTE, form, errors, model, redirect, response),
                "claim.done.quoted",
                r -> workflow.quote(r, operator.getName(), form.amount()));
    }

    @PostMapping("/{rma}/inspect")
    String inspect(
            @PathVariable String rma,
            @Valid @ModelAttribute(INSPECT) InspectForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return submit(
                new Submission(rma, INSPECT, form, errors, model, redirect, response),
                "claim.done.inspected",
                r -> workflow.inspect(r, operator.getName(), form.note(), Boolean.TRUE.equals(form.damageConfirmed())));
    }

    @PostMapping("/{rma}/refund")
    String refund(
            @PathVariable String rma,
            @Valid @ModelAttribute(REFUND) RefundForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ClaimRefunds.RefundKind kind = refundKind(form.kind());
        if (kind == null && !errors.hasFieldErrors("kind")) {
            errors.rejectValue("kind", "NotNull");
        }
        return submit(
                new Submission(rma, REFUND, form, errors, model, redirect, response),
                "claim.done.refunded",
                r -> refunds.refund(new ClaimRefunds.Refund(
                        r,
                        operator.getName(),
                        kind,
                        form.restockingPercent() == null ? 0 : form.restockingPercent(),
                        form.returnShipping() == null ? 0 : form.returnShipping(),
                        form.amount())));
    }

    @PostMapping("/{rma}/ship-exchange")
    String shipExchange(
            @PathVariable String rma,
            @Valid @ModelAttribute(SHIP) ShipForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return submit(
                new Submission(rma, SHIP, form, errors, model, redirect, response),
                "claim.done.exchangeShipped",
                r -> workflow.shipExchange(r, operator.getName(), form.tracking()));
    }

    /** The full bank account, for the supervisor making the transfer (security: SUPERVISOR, ADMIN); audited. */
    @PostMapping("/{rma}/bank-account")
    String revealBankAccount(@PathVariable String rma, Principal operator, Model model) {
        Optional<BankAccount> account = refunds.revealBankAccount(rma, operator.getName());
        model.addAttribute("bankAccount", account.orElse(null));
        return page(rma, model, Map.of());
    }

    /** One form post, with what re-showing the page with its field messages needs. */
    private record Submission(
            String rma,
            String formName,
            Object form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {}

    /**
     * Done and redirected when the form is fine; else the page again with the field messages (the
     * facade's own refusals of a field of this form included) and a 400.
     */
    private String submit(Submission s, String notice, Consumer<String> action) {
        return ConsoleForms.submit(
                s.errors(),
                s.response(),
                () -> act(s.rma(), s.redirect(), notice, action),
                () -> page(
                        s.rma(),
                        s.model(),
                        Map.of(s.formName(), s.form(), BindingResult.MODEL_KEY_PREFIX + s.formName(), s.errors())));
    }

    /** Runs one facade step; a step the workflow refuses becomes a message on the claim's page. */
    private String act(String rma, RedirectAttributes redirect, String notice, Consumer<String> action) {
        try {
            action.accept(rma);
            redirect.addFlashAttribute("notice", notice);
        } catch (ClaimWorkflowViolation e) {
            redirect.addFlashAttribute("problem", "claim.refused");
        }
        return ConsoleViews.redirect(HERE + "/" + rma);
    }

    private String page(String rma, Model model, Map<String, Object> submitted) {
        ClaimView claim = claims.byRma(rma).orElseThrow(() -> NotFound.claim(rma));
        model.addAttribute("claim", claim);
        model.addAttribute("can", claim.actions().stream().map(Enum::name).collect(Collectors.toSet()));
        model.addAttribute("eligibilityArgs", eligibilityArguments(claim.eligibility()));
        model.addAttribute("order", orders.find(claim.order()).orElse(null));
        model.addAttribute(
                "customer",
                customers
                        .find(claim.customer())
                        .map(c -> new Customer(c.id().value(), c.name(), c.maskedEmail()))
                        .orElse(null));
        model.addAttribute("inquiries", inquiries.aboutOrder(claim.order()));
        model.addAttribute(
                "otherClaims",
                claims.forOrder(claim.order()).stream()
                        .filter(c -> !c.rma().equals(claim.rma()))
                        .toList());
        Map<String, Object> forms = new LinkedHashMap<>();
        forms.put(REJECT, RejectForm.empty());
        forms.put(QUOTE, QuoteForm.empty());
        forms.put(INSPECT, InspectForm.empty());
        forms.put(REFUND, RefundForm.empty());
        forms.put(SHIP, ShipForm.empty());
        forms.putAll(submitted);
        model.addAllAttributes(forms);
        return ConsoleViews.CLAIM;
    }

    /** The one value the eligibility wording names: the fee of a pick-up, else the deadline. */
    private Object[] eligibilityArguments(EligibilitySnapshot eligibility) {
        if (eligibility.feeYen() != null) {
            return new Object[] {money.yen(eligibility.feeYen())};
        }
        return new Object[] {
            eligibility.until() == null ? "" : eligibility.until().toString()
        };
    }

    private static ClaimStatus status(String value) {
        for (ClaimStatus s : ClaimStatus.values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        return null;
    }

    private static ClaimRefunds.RefundKind refundKind(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ClaimRefunds.RefundKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The customer as the claim's page shows them: the name, and the address masked. */
    record Customer(long id, String name, String maskedEmail) {}
}
