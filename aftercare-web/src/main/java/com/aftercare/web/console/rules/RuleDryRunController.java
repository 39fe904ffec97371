package com.aftercare.web.console.rules;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.returns.rules.ClaimRules;
import com.aftercare.returns.rules.RuleAction;
import com.aftercare.returns.rules.RuleDryRun;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dry run (SUPERVISOR, ADMIN): what a storefront's rules in force, or those rules with the
 * rule being edited in the editor (not saved), would have done to its claims of the last 90 days,
 * against what was done, with the totals and how often the rules agree with the operators. Changes
 * nothing.
 */
@Controller
@RequestMapping(RuleDryRunController.HERE)
class RuleDryRunController {

    static final String HERE = ClaimRulesController.HERE + "/dry-run";

    private final RuleDryRun dryRun;
    private final ClaimRules rules;
    private final RuleChoices choices;

    RuleDryRunController(RuleDryRun dryRun, ClaimRules rules, RuleChoices choices) {
        this.dryRun = dryRun;
        this.rules = rules;
        this.choices = choices;
    }

    /**
     * How a report compares with the operators: of the claims both decided (the rules approve or
     * reject, someone decided), how many alike.
     *
     * @param percent null when no claim was decided both ways
     */
    record Agreement(int same, int decided, Integer percent) {

        static Agreement of(RuleDryRun.Report report) {
            int same = report.byVerdict().getOrDefault(RuleDryRun.Verdict.SAME, 0);
            int decided = same + report.byVerdict().getOrDefault(RuleDryRun.Verdict.DIFFERENT, 0);
            return new Agreement(same, decided, decided == 0 ? null : same * 100 / decided);
        }
    }

    @GetMapping
    String saved(@RequestParam(required = false) Long storefront, Model model) {
        StorefrontId shop = choices.storefront(storefront, model);
        if (shop == null) {
            throw NotFound.storefront(0);
        }
        return page(dryRun.run(shop), null, model);
    }

    /** The rules in force with the editor's rule in place of {@code id} (or added), not saved. */
    @PostMapping
    String unsaved(
            @RequestParam(required = false) Long storefront,
            @RequestParam(required = false) Long id,
            @ModelAttribute("rule") ClaimRules.Draft form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        if (storefront == null) {
            throw NotFound.storefront(0);
        }
        StorefrontId shop = choices.storefront(storefront, model);
        if (id != null) {
            rules.find(shop, id).orElseThrow(() -> NotFound.claimRule(id));
        }
        return ConsoleForms.submit(
                errors,
                response,
                () -> page(dryRun.tryDraft(shop, form, id), form.name(), model),
                () -> choices.formPage(id, model));
    }

    private static String page(RuleDryRun.Report report, String unsaved, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("agreement", Agreement.of(report));
        model.addAttribute("unsaved", unsaved);
        model.addAttribute("listedAll", report.rows().size() == report.claims());
        model.addAttribute("actions", RuleAction.values());
        model.addAttribute("verdicts", RuleDryRun.Verdict.values());
        return ConsoleViews.CLAIM_RULES_DRY_RUN;
    }
}
