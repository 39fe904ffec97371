package com.aftercare.stepmail.templates;

import com.aftercare.domain.mail.OrderMailVariables;
import com.aftercare.domain.mail.TemplateVariables;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * What a step mail's template may name, by its scenario's trigger and its step's kind: an order
 * mail's variables for order triggers, the customer's for a registration, and for a resolution
 * trigger the claim's RMA ({@code claimRma}) or the inquiry's reference ({@code inquiryReference})
 * besides the order's. A promotional step may carry a coupon.
 */
@NamedInterface("templates")
public final class StepVariables {

    /** What a mail on a resolved claim knows: its order's variables and the claim's RMA number. */
    public static final TemplateVariables CLAIM_RESOLVED =
            TemplateVariables.ORDER.with(Map.of("claimRma", "RMA-2026-000123"));

    /**
     * What a mail on a resolved inquiry knows: the inquiry's reference and its order's variables,
     * which are blank (empty text, no lines) when the inquiry is about no order.
     */
    public static final TemplateVariables INQUIRY_RESOLVED =
            TemplateVariables.ORDER.with(Map.of("inquiryReference", "INQ-2026-000456"));

    private StepVariables() {}

    /** The declared set for a scenario trigger and a step's kind. */
    public static TemplateVariables forTrigger(String trigger, boolean promotional) {
        TemplateVariables base;
        if ("claim.resolved".equals(trigger)) {
            base = CLAIM_RESOLVED;
        } else if ("inquiry.resolved".equals(trigger)) {
            base = INQUIRY_RESOLVED;
        } else {
            base = trigger.startsWith("order.") ? TemplateVariables.ORDER : TemplateVariables.CUSTOMER;
        }
        // any promotional step may carry a coupon campaign
        return promotional ? base.with(TemplateVariables.PROMOTIONAL).with(CouponMailVariables.SAMPLE) : base;
    }

    /** Whether a scenario with this trigger has an order to preview or render with. */
    public static boolean hasOrder(String trigger) {
        return forTrigger(trigger, false).names().contains("orderNumber");
    }

    /**
     * What a resolution trigger adds: the claim's RMA number or the inquiry's reference (either may
     * be null). An inquiry about no order leaves the order variables blank, so a template written
     * for inquiries with an order still renders, and can test {@code orderNumber} for emptiness.
     */
    public static void addResolution(Map<String, Object> variables, String claimRma, String inquiryReference) {
        if (claimRma != null) {
            variables.put("claimRma", claimRma);
        }
        if (inquiryReference != null) {
            variables.put("inquiryReference", inquiryReference);
            OrderMailVariables.NO_ORDER.forEach(variables::putIfAbsent);
        }
    }
}
