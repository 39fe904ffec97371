package com.aftercare.web.console.claims;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.Claims;
import com.aftercare.returns.signals.ClaimSignals;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.claims.ClaimForms.FlagForm;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Flagging the customer of a claim as suspicious, and taking the flag off, from the claim's page
 * (SUPERVISOR, ADMIN: security's {@code /console/claims/*}{@code /customer-flag}). {@link
 * ClaimSignals} audits both and raises or removes the signal on the customer's open claims; a
 * missing reason is a message at its field.
 */
@Controller
@RequestMapping("/console/claims/{rma}/customer-flag")
class ClaimFlagController {

    private final Claims claims;
    private final ClaimSignals signals;
    private final ClaimPage claimPage;

    ClaimFlagController(Claims claims, ClaimSignals signals, ClaimPage claimPage) {
        this.claims = claims;
        this.signals = signals;
        this.claimPage = claimPage;
    }

    @PostMapping
    String flag(
            @PathVariable String rma,
            @Valid @ModelAttribute(ClaimPage.FLAG) FlagForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ClaimView claim = claims.byRma(rma).orElseThrow(() -> NotFound.claim(rma));
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    signals.flag(claim.customer(), form.reason(), operator.getName());
                    redirect.addFlashAttribute("notice", "claim.flag.done");
                    return ConsoleViews.redirect("/console/claims/" + rma);
                },
                () -> claimPage.render(
                        rma,
                        model,
                        Map.of(ClaimPage.FLAG, form, BindingResult.MODEL_KEY_PREFIX + ClaimPage.FLAG, errors)));
    }

    @PostMapping("/delete")
    String unflag(@PathVariable String rma, Principal operator, RedirectAttributes redirect) {
        ClaimView claim = claims.byRma(rma).orElseThrow(() -> NotFound.claim(rma));
        signals.unflag(claim.customer(), operator.getName());
        redirect.addFlashAttribute("notice", "claim.flag.removed");
        return ConsoleViews.redirect("/console/claims/" + rma);
    }
}
