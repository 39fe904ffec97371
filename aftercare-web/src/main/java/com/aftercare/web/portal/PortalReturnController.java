package com.aftercare.web.portal;

import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.logistics.PickupRefused;
import com.aftercare.returns.logistics.ReturnShipments;
import com.aftercare.returns.logistics.ReturnStepRefused;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The way back of a claim on the portal, behind the order's signed link like every claim page:
 * the printable return slip, booking a pick-up (集荷) and entering the parcel's tracking number.
 * The rules are {@link ReturnShipments}'; a refusal comes back as the status page with the message
 * on its field, status 400, nothing written. Another order's claim is the same 404 as an unknown one.
 */
@Controller
class PortalReturnController {

    private final PortalAccess access;
    private final PortalClaimPage page;
    private final ReturnShipments shipments;
    private final Storefronts storefronts;
    private final MessageSource messages;

    PortalReturnController(
            PortalAccess access,
            PortalClaimPage page,
            ReturnShipments shipments,
            Storefronts storefronts,
            MessageSource messages) {
        this.access = access;
        this.page = page;
        this.shipments = shipments;
        this.storefronts = storefronts;
        this.messages = messages;
    }

    @GetMapping("/portal/claims/{rma}/slip.pdf")
    ResponseEntity<byte[]> slip(@PathVariable String rma, @RequestParam(required = false) String token) {
        OrderView order = order(token);
        ClaimView claim = access.claim(order, rma);
        String shopName = storefronts.get(order.storefront()).name();
        byte[] pdf = shipments
                .slip(
                        claim,
                        order,
                        shopName,
                        key -> messages.getMessage(key, null, key, LocaleContextHolder.getLocale()))
                .orElseThrow(() -> NotFound.claim(rma));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        "Content-Disposition",
                        ContentDisposition.inline()
                                .filename("return-slip-" + claim.rma() + ".pdf")
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }

    @PostMapping("/portal/claims/{rma}/pickup")
    String bookPickup(
            @PathVariable String rma,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String pickupDate,
            @RequestParam(required = false) String pickupSlot,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrderView order = order(token);
        ClaimView claim = access.claim(order, rma);
        PickupForm form = new PickupForm(pickupDate, pickupSlot);
        try {
            shipments.bookPickup(claim, pickupDate, pickupSlot);
        } catch (InvalidValue e) {
            BindingResult errors = new DirectFieldBindingResult(form, "pickup");
            if (e instanceof PickupRefused refused) {
                errors.rejectValue(refused.field(), "portal.return.pickup." + refused.refusal());
            } else {
                errors.reject(refusalKey(e));
            }
            return refused(order, claim, token, "pickup", form, errors, model, response);
        }
        redirect.addFlashAttribute("notice", "portal.return.pickup.booked");
        return back(claim, token);
    }

    @PostMapping("/portal/claims/{rma}/tracking")
    String enterTracking(
            @PathVariable String rma,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String trackingNumber,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrderView order = order(token);
        ClaimView claim = access.claim(order, rma);
        TrackingForm form = new TrackingForm(trackingNumber);
        try {
            shipments.enterTracking(claim, trackingNumber);
        } catch (InvalidValue e) {
            BindingResult errors = new DirectFieldBindingResult(form, "tracking");
            if ("trackingNumber".equals(e.field())) {
                errors.rejectValue("trackingNumber", "portal.return.tracking.invalid");
            } else {
                errors.reject(refusalKey(e));
            }
            return refused(order, claim, token, "tracking", form, errors, model, response);
        }
        redirect.addFlashAttribute("notice", "portal.return.tracking.saved");
        return back(claim, token);
    }

    private String refused(
            OrderView order,
            ClaimView claim,
            String token,
            String name,
            Object form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        model.addAttribute(name, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, errors);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page.show(order, claim, token, BankAccountForm.empty(), model);
    }

    private static String refusalKey(InvalidValue e) {
        return e instanceof ReturnStepRefused step ? "portal.return.refused." + step.reason() : "portal.claim.refused";
    }

    private OrderView order(String token) {
        return access.order(token).orElseThrow(PortalLinkInvalid::new);
    }

    private static String back(ClaimView claim, String token) {
        return "redirect:/portal/claims/" + claim.rma() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
