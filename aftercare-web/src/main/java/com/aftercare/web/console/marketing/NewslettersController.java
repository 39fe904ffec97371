package com.aftercare.web.console.marketing;

import com.aftercare.domain.coupon.CouponFigures;
import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.stepmail.newsletter.NewsletterId;
import com.aftercare.stepmail.newsletter.Newsletters;
import com.aftercare.stepmail.scenario.ScenarioEditor;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
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
 * Newsletters (supervisors): compose, preview (recipient count and a rendered sample), schedule;
 * the list of sends with how far each got; cancel one that has not finished. Scheduling and
 * cancelling are audited.
 */
@Controller
@RequestMapping(NewslettersController.HERE)
class NewslettersController {

    static final String HERE = "/console/marketing/newsletters";
    private static final String FORM = "newsletter";

    private final Newsletters newsletters;
    private final Storefronts storefronts;
    private final CouponFigures coupons;
    private final MessageSource messages;
    private final Clock clock;

    NewslettersController(
            Newsletters newsletters,
            Storefronts storefronts,
            CouponFigures coupons,
            MessageSource messages,
            Clock clock) {
        this.newsletters = newsletters;
        this.storefronts = storefronts;
        this.coupons = coupons;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model, Locale locale) {
        model.addAttribute(
                FORM,
                NewsletterForm.startingWith(
                        "", messages.getMessage("marketing.newsletters.defaultBody", null, locale)));
        return fill(model);
    }

    /** Preview or schedule, by the button pressed. */
    @PostMapping
    String submit(
            @ModelAttribute(FORM) NewsletterForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "preview") String action,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                if (!"schedule".equals(action)) {
                    model.addAttribute("preview", newsletters.preview(form.toDraft()));
                    return fill(model);
                }
                newsletters.schedule(form.toDraft(), form.sendAt(), supervisor.getName());
                redirect.addFlashAttribute("notice", "marketing.newsletters.scheduled");
                return ConsoleViews.redirect(HERE);
            } catch (InvalidValue e) {
                if ("segment".equals(e.field())) {
                    errors.reject("marketing.newsletters.segment.empty");
                } else {
                    // the domain's reason (a template's line and variable) is shown inside the bundle's message
                    ConsoleForms.reject(errors, new InvalidValue(NewsletterForm.fieldOf(e.field()), e.getMessage()));
                }
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return fill(model);
    }

    /**
     * Cancels a newsletter that is scheduled or sending. One that has finished answers 409 on the
     * page, saying so; an unknown id the console's 404.
     */
    @PostMapping("/{id}/cancel")
    String cancel(
            @PathVariable long id,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Locale locale) {
        try {
            newsletters.cancel(new NewsletterId(id), supervisor.getName());
        } catch (Newsletters.NotCancellable e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", "marketing.newsletters.notCancellable");
            return page(model, locale);
        }
        redirect.addFlashAttribute("notice", "marketing.newsletters.cancelled");
        return ConsoleViews.redirect(HERE);
    }

    private String fill(Model model) {
        model.addAttribute("newsletters", newsletters.recent());
        model.addAttribute("storefronts", storefronts.all());
        model.addAttribute("campaigns", coupons.issuable(clock.instant()));
        model.addAttribute("languages", MailTemplate.LANGUAGES);
        model.addAttribute("overCaps", ScenarioEditor.OVER_CAP);
        return ConsoleViews.MARKETING_NEWSLETTERS;
    }
}
