package com.aftercare.web.console.marketing;

import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.CouponFigures;
import com.aftercare.domain.coupon.CouponPurpose;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.Discount;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.CsvDownload;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** Coupon campaigns (supervisors): create one, and see how each did. {@link Coupons} audits a creation. */
@Controller
@RequestMapping(CouponCampaignsController.HERE)
class CouponCampaignsController {

    static final String HERE = "/console/marketing/coupons";
    private static final String FORM = "newCampaign";

    private static final List<String> COLUMNS = List.of(
            "marketing.coupons.name",
            "marketing.coupons.purpose",
            "marketing.coupons.discount",
            "csv.coupons.minimumSpendYen",
            "csv.coupons.expiresAt",
            "csv.coupons.validDays",
            "marketing.coupons.storefront",
            "marketing.coupons.issued",
            "marketing.coupons.redeemed",
            "csv.coupons.redemptions",
            "csv.coupons.rate",
            "csv.coupons.discountYen",
            "csv.coupons.revenueYen");

    private static final List<String> CODE_COLUMNS = List.of(
            "csv.couponCodes.code",
            "csv.couponCodes.customer",
            "csv.couponCodes.name",
            "csv.couponCodes.email",
            "csv.couponCodes.source",
            "csv.couponCodes.issuedAt",
            "csv.coupons.expiresAt",
            "csv.coupons.redemptions",
            "csv.coupons.discountYen",
            "csv.couponCodes.lastUsedAt",
            "csv.couponCodes.lastOrder");

    private final Coupons coupons;
    private final CouponFigures figures;
    private final Storefronts storefronts;
    private final ShopProperties shop;
    private final CsvDownload csv;

    CouponCampaignsController(
            Coupons coupons, CouponFigures figures, Storefronts storefronts, ShopProperties shop, CsvDownload csv) {
        this.coupons = coupons;
        this.figures = figures;
        this.storefronts = storefronts;
        this.shop = shop;
        this.csv = csv;
    }

    /**
     * The campaigns and how each did, as a CSV file: one row a campaign (a bounded list the page
     * already holds whole), amounts as plain yen so Excel can add them up.
     */
    @GetMapping("/export")
    void export(Principal supervisor, HttpServletRequest request, HttpServletResponse response) throws IOException {
        csv.send(
                new CsvDownload.Export("coupons", COLUMNS, Map.of()),
                supervisor,
                request,
                response,
                sheet -> figures.campaigns()
                        .forEach(c -> sheet.row(
                                c.name(),
                                sheet.message("marketing.coupons.purpose." + c.purpose()),
                                c.discount() == null
                                        ? sheet.message("marketing.coupons.perCode")
                                        : c.discount().formatted(),
                                c.minimumSpendYen(),
                                c.expiresAt(),
                                c.validDays(),
                                c.storefrontName() == null
                                        ? sheet.message("marketing.coupons.allStorefronts")
                                        : c.storefrontName(),
                                c.issued(),
                                c.redeemedCodes(),
                                c.redemptions(),
                                c.redemptionRatePercent(),
                                c.discountYen(),
                                c.revenueYen())));
    }

    /**
     * Every code one campaign issued, with whom it went to and how it was used, as a CSV file
     * (a newsletter's campaign holds a code per recipient: streamed, never held whole). Email stays
     * masked as everywhere in the console; {@code reveal=true} writes it whole, which the security
     * configuration keeps for supervisors and admins, and the audit entry says so.
     */
    @GetMapping("/{campaign}/codes/export")
    void exportCodes(
            @PathVariable long campaign,
            @RequestParam(defaultValue = "false") boolean reveal,
            Principal supervisor,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        CampaignId id = new CampaignId(campaign);
        if (!coupons.hasCampaign(id)) {
            throw NotFound.campaign(campaign);
        }
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("campaign", campaign);
        filter.put("reveal", reveal);
        csv.send(
                new CsvDownload.Export("coupon-codes", CODE_COLUMNS, filter),
                supervisor,
                request,
                response,
                sheet -> coupons.eachCodeOf(
                        id,
                        reveal,
                        c -> sheet.row(
                                c.code().value(),
                                c.customer().value(),
                                c.customerName(),
                                c.email(),
                                c.source(),
                                c.issuedAt(),
                                c.expiresAt(),
                                c.redemptions(),
                                c.discountYen(),
                                c.lastUsedAt(),
                                c.lastOrderNumber())));
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
