package com.aftercare.web.console.rules;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.order.PaymentMethod;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.FraudSignal;
import com.aftercare.returns.rules.GuaranteeUse;
import com.aftercare.returns.rules.RuleAction;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.StorefrontChoice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the rule pages share: the storefront whose rules are shown (the one asked for, else the
 * first; a forged id is refused) and the choices of the rule form's selects and boxes, each a code
 * whose label comes from the messages.
 */
@Component
class RuleChoices {

    /** The signal condition's choices: not asked, none, any, then each signal. */
    static final List<String> SIGNALS;

    static {
        List<String> signals = new ArrayList<>(List.of("ANY", "NONE", "SOME"));
        for (FraudSignal s : FraudSignal.values()) {
            signals.add(s.name());
        }
        SIGNALS = List.copyOf(signals);
    }

    private final Storefronts storefronts;
    private final StorefrontChoice choice;

    RuleChoices(Storefronts storefronts, StorefrontChoice choice) {
        this.storefronts = storefronts;
        this.choice = choice;
    }

    /**
     * The storefront the page is about, put in the model with the list to switch to another.
     *
     * @return null when the shop has no storefront yet
     */
    StorefrontId storefront(Long asked, Model model) {
        List<Storefronts.StorefrontView> all = storefronts.all();
        StorefrontId chosen = asked != null
                ? choice.of(asked)
                : all.stream().findFirst().map(Storefronts.StorefrontView::id).orElse(null);
        model.addAttribute("storefronts", all);
        model.addAttribute("storefront", chosen == null ? null : chosen.value());
        model.addAttribute(
                "storefrontName",
                all.stream()
                        .filter(s -> s.id().equals(chosen))
                        .map(Storefronts.StorefrontView::name)
                        .findFirst()
                        .orElse(""));
        return chosen;
    }

    /** The rule form's page, for a new rule ({@code id} null) or rule {@code id}, with its choices. */
    String formPage(Long id, Model model) {
        model.addAttribute("ruleId", id);
        fill(model);
        return ConsoleViews.CLAIM_RULE;
    }

    private static void fill(Model model) {
        model.addAttribute("actions", names(RuleAction.values()));
        model.addAttribute("types", names(RequestType.values()));
        model.addAttribute("reasons", names(ReturnReason.values()));
        model.addAttribute("guaranteeUses", names(GuaranteeUse.values()));
        model.addAttribute("paymentMethods", PaymentMethod.names());
        model.addAttribute("signals", SIGNALS);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
