package com.aftercare.returns.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.FraudSignal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule language without Spring: conditions, first match by position, the editor's checks. */
class ApprovalRulesTest {

    private static ClaimFacts smallSizeReturn(Set<FraudSignal> signals) {
        return new ClaimFacts(
                RequestType.RETURN,
                ReturnReason.SIZE,
                List.of(new ClaimFacts.Line("SHIRT-M", "apparel", 3600)),
                3L,
                0,
                false,
                "CARD",
                signals);
    }

    private static ClaimRules.Draft draft(int position, String action, String signal, String reasonJa) {
        return new ClaimRules.Draft(
                position,
                "rule " + position,
                action,
                List.of("RETURN"),
                List.of(),
                "",
                "",
                null,
                5000L,
                null,
                7L,
                null,
                null,
                "",
                List.of(),
                signal,
                reasonJa,
                reasonJa);
    }

    @Test
    void shouldLetTheFirstMatchingRuleByPositionDecide() {
        ApprovalRule hold = new ApprovalRule(
                2, 20, "hold", ClaimRules.check(draft(20, "HOLD", "", null)).when(), RuleAction.HOLD, null, null);
        ApprovalRule approve = new ApprovalRule(
                1,
                10,
                "approve",
                ClaimRules.check(draft(10, "APPROVE", "NONE", null)).when(),
                RuleAction.APPROVE,
                null,
                null);

        assertThat(ApprovalRules.firstMatch(List.of(hold, approve), smallSizeReturn(Set.of())))
                .get()
                .extracting(ApprovalRule::name)
                .isEqualTo("approve");
        assertThat(ApprovalRules.firstMatch(
                        List.of(hold, approve), smallSizeReturn(Set.of(FraudSignal.SERIAL_RETURNER))))
                .as("the approval asks for no signal, so the hold behind it decides")
                .get()
                .extracting(ApprovalRule::name)
                .isEqualTo("hold");
    }

    @Test
    void shouldMatchNothingOutsideTheBoundsOrForAnotherCategoryOrWithoutADelivery() {
        RuleConditions when = ClaimRules.check(new ClaimRules.Draft(
                        1,
                        "cheap apparel",
                        "APPROVE",
                        List.of(),
                        List.of("SIZE", "COLOR_DIFFERS"),
                        "apparel",
                        "",
                        1000L,
                        5000L,
                        0L,
                        7L,
                        null,
                        2L,
                        "NEVER",
                        List.of("CARD"),
                        "",
                        null,
                        null))
                .when();
        ClaimFacts fits = smallSizeReturn(Set.of());
        assertThat(when.holdFor(fits)).isTrue();
        assertThat(when.holdFor(new ClaimFacts(
                        fits.type(),
                        fits.reason(),
                        List.of(
                                new ClaimFacts.Line("SHIRT-M", "apparel", 3600),
                                new ClaimFacts.Line("TV", "electronics", 100)),
                        3L,
                        0,
                        false,
                        "CARD",
                        Set.of())))
                .as("every line must be of the category")
                .isFalse();
        assertThat(when.holdFor(new ClaimFacts(
                        fits.type(),
                        fits.reason(),
                        List.of(new ClaimFacts.Line("X", "apparel", 5001)),
                        3L,
                        0,
                        false,
                        "CARD",
                        Set.of())))
                .as("above the amount")
                .isFalse();
        assertThat(when.holdFor(
                        new ClaimFacts(fits.type(), fits.reason(), fits.lines(), 8L, 0, false, "CARD", Set.of())))
                .as("8 days after delivery")
                .isFalse();
        assertThat(when.holdFor(
                        new ClaimFacts(fits.type(), fits.reason(), fits.lines(), null, 0, false, "CARD", Set.of())))
                .as("no delivery known")
                .isFalse();
        assertThat(when.holdFor(
                        new ClaimFacts(fits.type(), fits.reason(), fits.lines(), 3L, 3, false, "CARD", Set.of())))
                .as("three claims in 12 months")
                .isFalse();
        assertThat(when.holdFor(
                        new ClaimFacts(fits.type(), fits.reason(), fits.lines(), 3L, 0, true, "CARD", Set.of())))
                .as("a guarantee used before")
                .isFalse();
        assertThat(when.holdFor(
                        new ClaimFacts(fits.type(), fits.reason(), fits.lines(), 3L, 0, false, "COD", Set.of())))
                .as("paid cash on delivery")
                .isFalse();
        assertThat(when.holdFor(new ClaimFacts(
                        fits.type(), ReturnReason.DEFECTIVE, fits.lines(), 3L, 0, false, "CARD", Set.of())))
                .as("another reason")
                .isFalse();
    }

    @Test
    void shouldRefuseABadRuleNamingItsField() {
        assertRefused(draft(-1, "APPROVE", "", null), "position");
        assertRefused(draft(1, "MAYBE", "", null), "action");
        assertRefused(draft(1, "APPROVE", "BOGUS", null), "signal");
        assertRefused(draft(1, "REJECT", "SERIAL_RETURNER", "理由"), "signal");
        assertRefused(draft(1, "REJECT", "", null), "reasonJa");
        assertRefused(
                new ClaimRules.Draft(
                        1,
                        "x",
                        "APPROVE",
                        List.of("REFUND"),
                        List.of(),
                        "",
                        "",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "",
                        List.of(),
                        "",
                        null,
                        null),
                "types");
        assertRefused(
                new ClaimRules.Draft(
                        1, "x", "APPROVE", List.of(), List.of(), "", "", -5L, null, null, null, null, null, "",
                        List.of(), "", null, null),
                "minAmountYen");
        assertRefused(
                new ClaimRules.Draft(
                        1, "x", "APPROVE", List.of(), List.of(), "", "", 5000L, 100L, null, null, null, null, "",
                        List.of(), "", null, null),
                "maxAmountYen");
        assertRefused(
                new ClaimRules.Draft(
                        1,
                        "x",
                        "APPROVE",
                        List.of(),
                        List.of(),
                        "",
                        "",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "",
                        List.of("BITCOIN"),
                        "",
                        null,
                        null),
                "paymentMethods");
        assertRefused(
                new ClaimRules.Draft(
                        1, "empty", "APPROVE", List.of(), List.of(), " ", "", null, null, null, null, null, null, "",
                        List.of(), "", null, null),
                "types");
        assertRefused(
                new ClaimRules.Draft(
                        1,
                        " ",
                        "APPROVE",
                        List.of("RETURN"),
                        List.of(),
                        "",
                        "",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "",
                        List.of(),
                        "",
                        null,
                        null),
                "name");
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

    private static void assertRefused(ClaimRules.Draft draft, String field) {
        assertThatThrownBy(() -> ClaimRules.check(draft))
                .as(Arrays.toString(new Object[] {draft}))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
