package com.aftercare.returns.rules;

import java.util.List;

/**
 * The rule fixtures of every test of the rule language and its screens (shared with the web
 * module's tests through this module's test-jar): a draft as the editor's form sends it, built from
 * a HOLD rule on returns and changed field by field ({@code RuleDrafts.returns().position(20)}),
 * and the examples of docs/returns.md.
 */
public final class RuleDrafts {

    private Integer position = 10;
    private String name = "rule";
    private String action = "HOLD";
    private List<String> types = List.of("RETURN");
    private List<String> reasons = List.of();
    private String categories = "";
    private Long minYen;
    private Long maxYen;
    private Long minDays;
    private Long maxDays;
    private Long minClaims;
    private Long maxClaims;
    private String guaranteeUse = "";
    private List<String> paymentMethods = List.of();
    private String signal = "";
    private String reasonJa;
    private String reasonEn;

    private RuleDrafts() {}

    /** A HOLD rule on returns only, nothing else asked; the start of every fixture. */
    public static RuleDrafts returns() {
        return new RuleDrafts();
    }

    /** A rule with no condition at all (the editor refuses it). */
    public static RuleDrafts empty() {
        return returns().types();
    }

    /** A return of at most ¥5,000, at most 7 days after delivery, with no signal → APPROVE. */
    public static ClaimRules.Draft approveSmallReturns() {
        return returns()
                .name("小額の返品は自動承認")
                .action("APPROVE")
                .amount(null, 5000L)
                .days(null, 7L)
                .signal("NONE")
                .draft();
    }

    /** Anything with a fraud signal → HOLD. */
    public static ClaimRules.Draft holdOnSignal() {
        return returns().types().name("フラグ付きは保留").signal("SOME").draft();
    }

    /** A return paid cash on delivery → REJECT with the customer's reason in both languages. */
    public static ClaimRules.Draft rejectCashOnDelivery() {
        return returns()
                .position(20)
                .name("代引きの返品は不可")
                .action("REJECT")
                .paymentMethods("COD")
                .reasons("代金引換のご注文は返品をお受けできません。", "Cash-on-delivery orders cannot be returned.")
                .draft();
    }

    public RuleDrafts position(Integer value) {
        position = value;
        return this;
    }

    public RuleDrafts name(String value) {
        name = value;
        return this;
    }

    public RuleDrafts action(String value) {
        action = value;
        return this;
    }

    /** The request types (none: not asked). */
    public RuleDrafts types(String... values) {
        types = List.of(values);
        return this;
    }

    public RuleDrafts returnReasons(String... values) {
        reasons = List.of(values);
        return this;
    }

    public RuleDrafts categories(String value) {
        categories = value;
        return this;
    }

    public RuleDrafts amount(Long min, Long max) {
        minYen = min;
        maxYen = max;
        return this;
    }

    public RuleDrafts days(Long min, Long max) {
        minDays = min;
        maxDays = max;
        return this;
    }

    public RuleDrafts claims(Long min, Long max) {
        minClaims = min;
        maxClaims = max;
        return this;
    }

    public RuleDrafts guaranteeUse(String value) {
        guaranteeUse = value;
        return this;
    }

    public RuleDrafts paymentMethods(String... values) {
        paymentMethods = List.of(values);
        return this;
    }

    public RuleDrafts signal(String value) {
        signal = value;
        return this;
    }

    /** The customer's reason of a REJECT rule, in Japanese and English. */
    public RuleDrafts reasons(String ja, String en) {
        reasonJa = ja;
        reasonEn = en;
        return this;
    }

    public ClaimRules.Draft draft() {
        return new ClaimRules.Draft(
                position,
                name,
                action,
                types,
                reasons,
                categories,
                "",
                minYen,
                maxYen,
                minDays,
                maxDays,
                minClaims,
                maxClaims,
                guaranteeUse,
                paymentMethods,
                signal,
                reasonJa,
                reasonEn);
    }
}
