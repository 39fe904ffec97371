package com.aftercare.web.console.claims;

import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.CustomerInquiries;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.Claims;
import com.aftercare.returns.EligibilitySnapshot;
import com.aftercare.returns.rules.RuleDecisions;
import com.aftercare.returns.signals.ClaimSignals;
import com.aftercare.web.console.ConsoleMoney;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.claims.ClaimForms.FlagForm;
import com.aftercare.web.console.claims.ClaimForms.InspectForm;
import com.aftercare.web.console.claims.ClaimForms.QuoteForm;
import com.aftercare.web.console.claims.ClaimForms.RefundForm;
import com.aftercare.web.console.claims.ClaimForms.RejectForm;
import com.aftercare.web.console.claims.ClaimForms.ShipForm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * One claim's page, for every controller that shows it (the workflow's steps, the customer flag):
 * the claim with its order, customer (masked), inquiries and other claims, what an automatic rule
 * did to it, its fraud signals in words ({@link SignalWords}) and the customer's flag, and each
 * form empty unless it comes back with its errors.
 */
@Component
class ClaimPage {

    static final String REJECT = "rejectForm";
    static final String QUOTE = "quoteForm";
    static final String INSPECT = "inspectForm";
    static final String REFUND = "refundForm";
    static final String SHIP = "shipForm";
    static final String FLAG = "flagForm";

    private final Claims claims;
    private final Orders orders;
    private final Customers customers;
    private final CustomerInquiries inquiries;
    private final RuleDecisions decisions;
    private final ClaimSignals signals;
    private final SignalWords words;
    private final ConsoleMoney money;

    ClaimPage(
            Claims claims,
            Orders orders,
            Customers customers,
            CustomerInquiries inquiries,
            RuleDecisions decisions,
            ClaimSignals signals,
            SignalWords words,
            ConsoleMoney money) {
        this.claims = claims;
        this.orders = orders;
        this.customers = customers;
        this.inquiries = inquiries;
        this.decisions = decisions;
        this.signals = signals;
        this.words = words;
        this.money = money;
    }

    /**
     * @param submitted a form sent back with its errors, under its model name, and its binding
     *     result; empty when the page is only shown
     */
    String render(String rma, Model model, Map<String, Object> submitted) {
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
        model.addAttribute("ruleDecision", decisions.of(claim.id()).orElse(null));
        model.addAttribute("signals", words.of(signals.of(claim.id().value())));
        model.addAttribute("customerFlag", signals.flagOf(claim.customer()).orElse(null));
        Map<String, Object> forms = new LinkedHashMap<>();
        forms.put(REJECT, RejectForm.empty());
        forms.put(QUOTE, QuoteForm.empty());
        forms.put(INSPECT, InspectForm.empty());
        forms.put(REFUND, RefundForm.empty());
        forms.put(SHIP, ShipForm.empty());
        forms.put(FLAG, FlagForm.empty());
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

    /** The customer as the claim's page shows them: the name, and the address masked. */
    record Customer(long id, String name, String maskedEmail) {}
}
