package com.aftercare.web.portal;

import com.aftercare.domain.order.OrderView;
import com.aftercare.returns.BankAccount;
import com.aftercare.returns.ClaimPhotos;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.logistics.PickupSlot;
import com.aftercare.returns.logistics.ReturnShipments;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The model of a claim's status page, in one place for every controller that shows it (the page
 * itself, and each of its forms answering a refusal with the page and the message on its field):
 * the claim, its photos, the bank account form, and the way back (address, slip, pick-up, tracking).
 */
@Component
class PortalClaimPage {

    private final ClaimPhotos photos;
    private final ReturnShipments shipments;

    PortalClaimPage(ClaimPhotos photos, ReturnShipments shipments) {
        this.photos = photos;
        this.shipments = shipments;
    }

    String show(OrderView order, ClaimView claim, String token, BankAccountForm bank, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("claim", claim);
        model.addAttribute("token", token);
        model.addAttribute("photos", photos.of(claim.rma()));
        model.addAttribute("bank", bank);
        model.addAttribute("accountTypes", BankAccount.AccountType.values());
        model.addAttribute("returnPlan", shipments.plan(claim).orElse(null));
        model.addAttribute("pickupSlots", PickupSlot.values());
        if (!model.containsAttribute("pickup")) {
            model.addAttribute("pickup", PickupForm.empty());
        }
        if (!model.containsAttribute("tracking")) {
            model.addAttribute("tracking", new TrackingForm(""));
        }
        return PortalViews.CLAIM;
    }
}
