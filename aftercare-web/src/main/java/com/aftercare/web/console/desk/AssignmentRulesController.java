package com.aftercare.web.console.desk;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.AssignmentRules;
import com.aftercare.inquiry.AssignmentStrategy;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Teams;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.ListPage;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ordered assignment rules: list, add, remove. Every change is audited by {@link AssignmentRules}. */
@Controller
@RequestMapping(AssignmentRulesController.HERE)
class AssignmentRulesController {

    static final String HERE = "/console/assignment-rules";
    private static final String FORM = "newRule";
    private static final ListPage LIST = new ListPage(HERE);

    private final AssignmentRules rules;
    private final Teams teams;
    private final Storefronts storefronts;

    AssignmentRulesController(AssignmentRules rules, Teams teams, Storefronts storefronts) {
        this.rules = rules;
        this.teams = teams;
        this.storefronts = storefronts;
    }

    @GetMapping
    String list(Model model) {
        List<AssignmentRules.RuleView> all = rules.all();
        int next = all.isEmpty()
                ? 10
                : Math.min(AssignmentRules.MAX_POSITION, all.get(all.size() - 1).position() + 10);
        model.addAttribute(FORM, NewRuleForm.empty(next));
        return fill(model, all);
    }

    @PostMapping
    String add(
            @Valid @ModelAttribute(FORM) NewRuleForm form,
            BindingResult errors,
            Principal by,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return LIST.submit(
                errors,
                response,
                redirect,
                "desk.changed",
                () -> rules.add(form.toRule(by.getName())),
                () -> fill(model, rules.all()));
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable long id, Principal by, RedirectAttributes redirect) {
        rules.remove(id, by.getName());
        return LIST.back(redirect, "desk.changed");
    }

    private String fill(Model model, List<AssignmentRules.RuleView> all) {
        model.addAttribute("rules", all);
        model.addAttribute("teams", teams.all());
        model.addAttribute("storefronts", storefronts.all());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("strategies", AssignmentStrategy.values());
        return ConsoleViews.DESK_RULES;
    }
}
