package com.aftercare.returns.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.FraudSignal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule language without Spring: conditions, first match by position, the editor's checks. */
class ApprovalRulesTest {

    private static final List<ClaimFacts.Line> SHIRT = List.of(new ClaimFacts.Line("SHIRT-M", "apparel", 3600));

    /** A size return of one ¥3,600 shirt, 3 days after delivery, by a new card-paying customer. */
    private static ClaimFacts smallSizeReturn(Set<FraudSignal> signals) {
        return facts(ReturnReason.SIZE, SHIRT, 3L, 0, false, "CARD", signals);
    }

    private static ClaimFacts facts(
            ReturnReason reason,
            List<ClaimFacts.Line> lines,
            Long days,
            long claims,
            boolean guaranteeUsed,
            String payment,
            Set<FraudSignal> signals) {
        return new ClaimFacts(RequestType.RETURN, reason, lines, days, claims, guaranteeUsed, payment, signals);
    }

    /** A small-returns rule at {@code position} (named after it) with this action and signal condition. */
    private static DraftBuilder smallReturns(int position, String action, String signal) {
        return RuleDrafts.returns()
                .position(position)
                .name("rule " + position)
                .action(action)
                .amountYen(null, 5000L)
                .daysSinceDelivery(null, 7L)
                .signal(signal);
    }

    private static ApprovalRule kept(long id, DraftBuilder draft) {
        ApprovalRule checked = DraftChecks.check(draft.build());
        return new ApprovalRule(
                id,
                checked.position(),
                checked.name(),
                checked.when(),
                checked.action(),
                checked.reasonJa(),
                checked.reasonEn());
    }

    @Test
    void shouldLetTheFirstMatchingRuleByPositionDecide() {
        ApprovalRule hold = kept(2, smallReturns(20, "HOLD", ""));
        ApprovalRule approve = kept(1, smallReturns(10, "APPROVE", "NONE"));

        assertThat(ApprovalRules.firstMatch(List.of(hold, approve), smallSizeReturn(Set.of())))
                .get()
                .extracting(ApprovalRule::name)
                .isEqualTo("rule 10");
        assertThat(ApprovalRules.firstMatch(
                        List.of(hold, approve), smallSizeReturn(Set.of(FraudSignal.SERIAL_RETURNER))))
                .as("the approval asks for no signal, so the hold behind it decides")
                .get()
                .extracting(ApprovalRule::name)
                .isEqualTo("rule 20");
    }

    @Test
    void shouldMatchNothingOutsideTheBoundsOrForAnotherCategoryOrWithoutADelivery() {
        RuleConditions when = DraftChecks.check(RuleDrafts.returns()
                        .types()
                        .action("APPROVE")
                        .returnReasons("SIZE", "COLOR_DIFFERS")
                        .categories("apparel")
                        .amountYen(1000L, 5000L)
                        .daysSinceDelivery(0L, 7L)
                        .claimsLast12Months(null, 2L)
                        .guaranteeUse("NEVER")
                        .paymentMethods("CARD")
                        .build())
                .when();
        Set<FraudSignal> none = Set.of();
        assertThat(when.holdFor(smallSizeReturn(none))).isTrue();
        List<ClaimFacts.Line> mixed =
                List.of(new ClaimFacts.Line("SHIRT-M", "apparel", 3600), new ClaimFacts.Line("TV", "electronics", 100));
        assertThat(when.holdFor(facts(ReturnReason.SIZE, mixed, 3L, 0, false, "CARD", none)))
                .as("every line must be of the category")
                .isFalse();
        assertThat(when.holdFor(facts(
                        ReturnReason.SIZE,
                        List.of(new ClaimFacts.Line("X", "apparel", 5001)),
                        3L,
                        0,
                        false,
                        "CARD",
                        none)))
                .as("above the amount")
                .isFalse();
        assertThat(when.holdFor(facts(ReturnReason.SIZE, SHIRT, 8L, 0, false, "CARD", none)))
                .as("8 days after delivery")
                .isFalse();
        assertThat(when.holdFor(facts(ReturnReason.SIZE, SHIRT, null, 0, false, "CARD", none)))
                .as("no delivery known")
                .isFalse();
        assertThat(when.holdFor(facts(ReturnReason.SIZE, SHIRT, 3L, 3, false, "CARD", none)))
                .as("three claims in 12 months")
                .isFalse();
        assertThat(when.holdFor(facts(ReturnReason.SIZE, SHIRT, 3L, 0, true, "CARD", none)))
                .as("a guarantee used before")
                .isFalse();
        assertThat(when.holdFor(facts(ReturnReason.SIZE, SHIRT, 3L, 0, false, "COD", none)))
                .as("paid cash on delivery")
                .isFalse();
        assertThat(when.holdFor(facts(ReturnReason.DEFECTIVE, SHIRT, 3L, 0, false, "CARD", none)))
                .as("another reason")
                .isFalse();
    }

    @Test
    void shouldRefuseABadRuleNamingItsField() {
        assertRefused(smallReturns(-1, "APPROVE", ""), "position");
        assertRefused(smallReturns(1, "MAYBE", ""), "action");
        assertRefused(smallReturns(1, "APPROVE", "BOGUS"), "signal");
        assertRefused(smallReturns(1, "REJECT", "SERIAL_RETURNER").customerReason("理由", "reason"), "signal");
        assertRefused(smallReturns(1, "REJECT", ""), "reasonJa");
        assertRefused(RuleDrafts.returns().types("REFUND"), "types");
        assertRefused(RuleDrafts.empty().amountYen(-5L, null), "minAmountYen");
        assertRefused(RuleDrafts.empty().amountYen(5000L, 100L), "maxAmountYen");
        assertRefused(RuleDrafts.empty().paymentMethods("BITCOIN"), "paymentMethods");
        assertRefused(RuleDrafts.empty().categories(" "), "types");
        assertRefused(RuleDrafts.returns().name(" "), "name");
    }

    @Test
    void shouldGiveBackTheFormOfAKeptRule() {
        ClaimRules.Draft draft = RuleDrafts.returns()
                .action("APPROVE")
                .categories("apparel, shoes")
                .amountYen(100L, 5000L)
                .paymentMethods("CARD", "COD")
                .signal("NONE")
                .build();

        ClaimRules.Draft again = ClaimRules.Draft.of(DraftChecks.check(draft));

        assertThat(again.categories()).isEqualTo("apparel, shoes");
        assertThat(again.paymentMethods()).containsExactly("CARD", "COD");
        assertThat(DraftChecks.check(again)).isEqualTo(DraftChecks.check(draft));
    }

    @Test
    void shouldCompareTheRulesDecisionWithWhatWasDone() {
        assertThat(RuleDryRun.verdict(RuleAction.APPROVE, ClaimStatus.APPROVED)).isEqualTo(RuleDryRun.Verdict.SAME);
        assertThat(RuleDryRun.verdict(RuleAction.APPROVE, ClaimStatus.REJECTED))
                .isEqualTo(RuleDryRun.Verdict.DIFFERENT);
        assertThat(RuleDryRun.verdict(RuleAction.REJECT, ClaimStatus.REJECTED)).isEqualTo(RuleDryRun.Verdict.SAME);
        assertThat(RuleDryRun.verdict(RuleAction.HOLD, ClaimStatus.APPROVED)).isEqualTo(RuleDryRun.Verdict.TO_OPERATOR);
        assertThat(RuleDryRun.verdict(null, null)).isEqualTo(RuleDryRun.Verdict.TO_OPERATOR);
        assertThat(RuleDryRun.verdict(RuleAction.APPROVE, null)).isEqualTo(RuleDryRun.Verdict.OPEN);
    }

    private static void assertRefused(DraftBuilder draft, String field) {
        assertThatThrownBy(() -> DraftChecks.check(draft.build()))
                .as(String.valueOf(draft.build()))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
