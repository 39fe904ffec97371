package com.aftercare.returns.rules;

import java.util.List;

/**
 * A {@link ClaimRules.Draft} written by name instead of by eighteen positions, for code that
 * drafts a rule itself (the demo shop's rules, the tests' fixtures): {@code
 * ClaimRules.Draft.builder().name("…").action("APPROVE").amountYen(null, 10_000L).build()}. It
 * starts as the editor's blank form: a HOLD rule asking nothing, guarantee use and signal ANY.
 * Values stay the form's text, codes and blank-as-null numbers; {@link DraftChecks} checks them
 * when the draft is added, as it checks the editor's.
 */
public final class DraftBuilder {

    private Integer position;
    private String name = "";
    private String action = RuleAction.HOLD.name();
    private List<String> types = List.of();
    private List<String> returnReasons = List.of();
    private String categories = "";
    private String skus = "";
    private Long minAmountYen;
    private Long maxAmountYen;
    private Long minDays;
    private Long maxDays;
    private Long minClaims;
    private Long maxClaims;
    private String guaranteeUse = GuaranteeUse.ANY.name();
    private List<String> paymentMethods = List.of();
    private String signal = SignalCondition.ANY.code();
    private String reasonJa = "";
    private String reasonEn = "";

    DraftBuilder() {}

    public DraftBuilder position(Integer value) {
        position = value;
        return this;
    }

    public DraftBuilder name(String value) {
        name = value;
        return this;
    }

    /** A {@link RuleAction} code. */
    public DraftBuilder action(String value) {
        action = value;
        return this;
    }

    /** The request types asked for, as codes (none: not asked). */
    public DraftBuilder types(String... values) {
        types = List.of(values);
        return this;
    }

    /** The return reasons asked for, as codes (none: not asked). */
    public DraftBuilder returnReasons(String... values) {
        returnReasons = List.of(values);
        return this;
    }

    /** Product categories, comma, space or line separated, as the form sends them. */
    public DraftBuilder categories(String value) {
        categories = value;
        return this;
    }

    public DraftBuilder skus(String value) {
        skus = value;
        return this;
    }

    /** The claim's amount in yen, each end included, null for open. */
    public DraftBuilder amountYen(Long min, Long max) {
        minAmountYen = min;
        maxAmountYen = max;
        return this;
    }

    public DraftBuilder daysSinceDelivery(Long min, Long max) {
        minDays = min;
        maxDays = max;
        return this;
    }

    public DraftBuilder claimsLast12Months(Long min, Long max) {
        minClaims = min;
        maxClaims = max;
        return this;
    }

    public DraftBuilder guaranteeUse(String value) {
        guaranteeUse = value;
        return this;
    }

    public DraftBuilder paymentMethods(String... values) {
        paymentMethods = List.of(values);
        return this;
    }

    /** A {@link SignalCondition} code. */
    public DraftBuilder signal(String value) {
        signal = value;
        return this;
    }

    /** What a REJECT rule tells the customer, in Japanese and English. */
    public DraftBuilder customerReason(String ja, String en) {
        reasonJa = ja;
        reasonEn = en;
        return this;
    }

    public ClaimRules.Draft build() {
        return new ClaimRules.Draft(
                position,
                name,
                action,
                types,
                returnReasons,
                categories,
                skus,
                minAmountYen,
                maxAmountYen,
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
