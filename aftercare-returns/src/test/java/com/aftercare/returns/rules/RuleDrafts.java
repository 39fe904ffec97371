package com.aftercare.returns.rules;

/**
 * The rule fixtures of every test of the rule language and its screens (shared with the web
 * module's tests through this module's test-jar): a draft as the editor's form sends it, built from
 * a HOLD rule on returns and changed field by field with the draft's own builder ({@code
 * RuleDrafts.returns().position(20)}), and the examples of docs/returns.md.
 */
public final class RuleDrafts {

    private RuleDrafts() {}

    /** A HOLD rule on returns only, nothing else asked; the start of every fixture. */
    public static DraftBuilder returns() {
        return ClaimRules.Draft.builder().position(10).name("rule").types("RETURN");
    }

    /** A rule with no condition at all (the editor refuses it). */
    public static DraftBuilder empty() {
        return returns().types();
    }

    /** A return of at most ¥5,000, at most 7 days after delivery, with no signal → APPROVE. */
    public static ClaimRules.Draft approveSmallReturns() {
        return returns()
                .name("小額の返品は自動承認")
                .action("APPROVE")
                .amountYen(null, 5000L)
                .daysSinceDelivery(null, 7L)
                .signal("NONE")
                .build();
    }

    /** Every exchange → APPROVE (which still needs the replacement in stock). */
    public static ClaimRules.Draft approveExchanges() {
        return returns().types("EXCHANGE").name("交換は自動承認").action("APPROVE").build();
    }

    /** Anything with a fraud signal → HOLD. */
    public static ClaimRules.Draft holdOnSignal() {
        return returns().types().name("フラグ付きは保留").signal("SOME").build();
    }

    /** A return paid cash on delivery → REJECT with the customer's reason in both languages. */
    public static ClaimRules.Draft rejectCashOnDelivery() {
        return returns()
                .position(20)
                .name("代引きの返品は不可")
                .action("REJECT")
                .paymentMethods("COD")
                .customerReason("代金引換のご注文は返品をお受けできません。", "Cash-on-delivery orders cannot be returned.")
                .build();
    }
}
