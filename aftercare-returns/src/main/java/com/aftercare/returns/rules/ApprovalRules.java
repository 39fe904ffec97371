package com.aftercare.returns.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rule language's one rule of evaluation: rules are tried by position (then by id, the older
 * first) and the first whose conditions all hold decides; no match leaves the claim to an operator,
 * as a storefront without rules does. Pure.
 */
public final class ApprovalRules {

    /** Rules are tried in this order. */
    public static final Comparator<ApprovalRule> ORDER =
            Comparator.comparingInt(ApprovalRule::position).thenComparingLong(ApprovalRule::id);

    private ApprovalRules() {}

    public static Optional<ApprovalRule> firstMatch(List<ApprovalRule> rules, ClaimFacts claim) {
        return rules.stream().sorted(ORDER).filter(r -> r.when().holdFor(claim)).findFirst();
    }
}
