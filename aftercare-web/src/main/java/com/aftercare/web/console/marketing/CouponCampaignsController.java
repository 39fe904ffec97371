package com.aftercare.web.console.marketing;

import com.aftercare.domain.coupon.CouponFigures;
import com.aftercare.domain.coupon.CouponPurpose;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.Discount;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coupon campaigns (supervisors): create one, and see how each did. {@link Coupons} audits a creation. */
@Controller
@RequestMapping(CouponCampaignsController.HERE)
class CouponCampaignsController {

    static final String HERE = "/console/marketing/coupons";
    private static final String FORM = "newCampaign";

    private final Coupons coupons;
    private final CouponFigures figures;
    private final Storefronts storefronts;
    private final ShopProperties shop;

    CouponCampaignsController(Coupons coupons, CouponFigures figures, Storefronts storefronts, ShopProperties shop) {
        this.coupons = coupons;
        this.figures = figures;
        this.storefronts = storefronts;
        this.shop = shop;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute(FORM, NewCampaignForm.empty());
        return fill(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute(FORM) NewCampaignForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    try {
                        coupons.createCampaign(form.toCommand(shop.zone()), supervisor.getName());
                    } catch (InvalidValue e) {
                        throw NewCampaignForm.inFormTerms(e);
                    }
                    redirect.addFlashAttribute("notice", "marketing.coupons.created");
                    return ConsoleViews.redirect(HERE);
                },
                () -> fill(model));
    }

    private String fill(Model model) {
        model.addAttribute("campaigns", figures.campaigns());
        model.addAttribute("storefronts", storefronts.all());
        model.addAttribute("purposes", CouponPurpose.values());
        model.addAttribute("discountKinds", Discount.Kind.values());
        return ConsoleViews.MARKETING_COUPONS;
    }
}
