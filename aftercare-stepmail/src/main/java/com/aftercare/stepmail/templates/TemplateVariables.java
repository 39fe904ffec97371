package com.aftercare.stepmail.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables a template may use, each with a sample value of the shape the real one has (a
 * list of maps for {@code lines}, a boolean for {@code discreet}): the names are what
 * {@link TemplateValidator} accepts, the samples are what it renders the template with to find
 * errors before anything is saved.
 */
public record TemplateVariables(Map<String, Object> samples) {

    /** What every mail knows. */
    public static final TemplateVariables CUSTOMER =
            new TemplateVariables(Map.of("shopName", "Aftercare デモショップ", "customerName", "山田 花子"));

    /** What every order mail knows ({@link OrderMailVariables} builds the real values). */
    public static final TemplateVariables ORDER = CUSTOMER.with(Map.ofEntries(
            Map.entry("orderNumber", "A-1001"),
            Map.entry("placedAt", "2026年11月20日 10:00"),
            Map.entry("total", "¥1,800"),
            Map.entry("discreet", false),
            Map.entry("carrier", "ヤマト運輸"),
            Map.entry("trackingNumber", "4000-1111-2222"),
            Map.entry("trackingUrl", "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=400011112222"),
            Map.entry("portalUrl", "https://shop.example/portal/order?token=sample"),
            Map.entry("surveyUrl", "https://shop.example/review?order=A-1001"),
            Map.entry(
                    "lines",
                    List.of(Map.of(
                            "name", "オーガニックコットンTシャツ",
                            "quantity", 1,
                            "amount", "¥1,800",
                            "tips", "はじめは単独で、ぬるま湯で手洗いしてください。")))));

    /** What a mail on a resolved claim knows: its order's variables and the claim's RMA number. */
    public static final TemplateVariables CLAIM_RESOLVED = ORDER.with(Map.of("claimRma", "RMA-2026-000123"));

    /**
     * What a mail on a resolved inquiry knows: the inquiry's reference and its order's variables,
     * which are blank (empty text, no lines) when the inquiry is about no order.
     */
    public static final TemplateVariables INQUIRY_RESOLVED = ORDER.with(Map.of("inquiryReference", "INQ-2026-000456"));

    /** What a promotional mail adds: the opt-out link and the sender's address (特定電子メール法). */
    public static final Map<String, Object> PROMOTIONAL = Map.of(
            "unsubscribeUrl", "https://shop.example/portal/unsubscribe?token=sample", "shopAddress", "東京都渋谷区神宮前1-2-3");

    /** What a mail carrying a coupon code adds ({@link CouponMailVariables} builds the real value). */
    public static final Map<String, Object> COUPON = Map.of(
            "coupon",
            Map.of(
                    "code", "ABCD-EFGH-JKLM",
                    "discount", "10%",
                    "minimumSpend", "¥3,000",
                    "expiresAt", "2026年12月20日 10:00"));

    public TemplateVariables {
        samples = Map.copyOf(samples);
    }

    /** The declared set for a scenario trigger and a step's kind. */
    public static TemplateVariables forTrigger(String trigger, boolean promotional) {
        TemplateVariables base;
        if ("claim.resolved".equals(trigger)) {
            base = CLAIM_RESOLVED;
        } else if ("inquiry.resolved".equals(trigger)) {
            base = INQUIRY_RESOLVED;
        } else {
            base = trigger.startsWith("order.") ? ORDER : CUSTOMER;
        }
        // any promotional step may carry a coupon campaign
        return promotional ? base.with(PROMOTIONAL).with(COUPON) : base;
    }

    /** Whether a scenario with this trigger has an order to preview or render with. */
    public static boolean hasOrder(String trigger) {
        return forTrigger(trigger, false).names().contains("orderNumber");
    }

    public Set<String> names() {
        return samples.keySet();
    }

    public TemplateVariables with(Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(samples);
        all.putAll(more);
        return new TemplateVariables(all);
    }
}
