package com.aftercare.web.console.marketing;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.CouponFigures;
import com.aftercare.domain.coupon.CouponPurpose;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.Discount;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coupon campaigns (supervisors): create one, and see how each did. Creation is audited. */
@Controller
@RequestMapping(CouponCampaignsController.HERE)
class CouponCampaignsController {

    static final String HERE = "/console/marketing/coupons";
    private static final String FORM = "newCampaign";

    private final Coupons coupons;
    private final CouponFigures figures;
    private final Storefronts storefronts;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final ShopProperties shop;

    CouponCampaignsController(
            Coupons coupons,
            CouponFigures figures,
            Storefronts storefronts,
            AuditLog audit,
            TransactionTemplate transaction,
            ShopProperties shop) {
        this.coupons = coupons;
        this.figures = figures;
        this.storefronts = storefronts;
        this.audit = audit;
        this.transaction = transaction;
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
        if (!errors.hasErrors()) {
            try {
                transaction.executeWithoutResult(status -> {
                    CampaignId created = coupons.createCampaign(form.toCommand(shop.zone()));
                    audit.record(
                            supervisor.getName(),
                            "coupon.campaign.created",
                            "coupon_campaign",
                            String.valueOf(created.value()),
                            Map.of(
                                    "name",
                                    form.name().strip(),
                                    "discount",
                                    form.discountKind() + " " + form.discountValue()));
                });
                redirect.addFlashAttribute("notice", "marketing.coupons.created");
                return ConsoleViews.redirect(HERE);
            } catch (InvalidValue e) {
                errors.rejectValue(NewCampaignForm.fieldOf(e.field()), "invalid");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return fill(model);
    }

    private String fill(Model model) {
        model.addAttribute("campaigns", figures.campaigns());
        model.addAttribute("storefronts", storefronts.all());
        model.addAttribute("purposes", CouponPurpose.values());
        model.addAttribute("discountKinds", Discount.Kind.values());
        return ConsoleViews.MARKETING_COUPONS;
    }
}
