package com.aftercare.returns.rules;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.returns.FraudSignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a storefront's rules would have done to its claims of the last 90 days, each as it stood
 * when it was opened, against what was actually done to it (by an operator, or by a rule then in
 * force). Changes nothing: a supervisor tries a rule here before trusting it.
 */
@Service
public class RuleDryRun {

    public static final Duration PERIOD = Duration.ofDays(90);

    /** The most claims listed one by one; the totals count every claim of the period. */
    public static final int MAX_LISTED = 500;

    /** How the rules' decision compares with what was done. */
    public enum Verdict {
        /** The rules would have done what was done. */
        SAME,
        /** The rules would have approved what was refused, or refused what was approved. */
        DIFFERENT,
        /** No rule decides it (none matched, or a rule holds it): an operator would, as before. */
        TO_OPERATOR,
        /** Nobody has decided the claim yet. */
        OPEN
    }

    /**
     * One claim: what the rules would do (rule null when none matched) and what was done.
     *
     * @param actual the first status it moved to from REQUESTED (null while it waits)
     * @param actualByRule whether a rule, not an operator, made that move
     */
    public record Row(
            String rma,
            Instant requestedAt,
            RequestType type,
            ReturnReason reason,
            long amountYen,
            Set<FraudSignal> signals,
            String rule,
            RuleAction action,
            ClaimStatus actual,
            boolean actualByRule,
            Verdict verdict) {}

    /**
     * @param byAction how many claims each action would take, and {@code null}'s count under
     *     {@code unmatched}
     * @param rows the newest claims first, at most {@link #MAX_LISTED}
     */
    public record Report(
            Instant since,
            int claims,
            Map<RuleAction, Integer> byAction,
            int unmatched,
            Map<Verdict, Integer> byVerdict,
            List<Row> rows) {}

    private final ClaimRules rules;
    private final ClaimFactsQuery facts;
    private final Clock clock;

    RuleDryRun(ClaimRules rules, ClaimFactsQuery facts, Clock clock) {
        this.rules = rules;
        this.facts = facts;
        this.clock = clock;
    }

    /** What the storefront's rules in force would have done. */
    @Transactional(readOnly = true)
    public Report run(StorefrontId storefront) {
        return run(storefront, rules.of(storefront));
    }

    /**
     * What the rules in force would have done with a rule still being edited (not saved): the
     * draft in place of rule {@code replacing} (switched on), or added when that is null.
     *
     * @throws com.aftercare.domain.shared.InvalidValue naming the draft's bad field
     */
    @Transactional(readOnly = true)
    public Report tryDraft(StorefrontId storefront, ClaimRules.Draft draft, Long replacing) {
        ApprovalRule checked = DraftChecks.check(draft);
        ApprovalRule tried = new ApprovalRule(
                replacing == null ? Long.MAX_VALUE : replacing,
                checked.position(),
                checked.name(),
                checked.when(),
                checked.action(),
                checked.reasonJa(),
                checked.reasonEn());
        List<ApprovalRule> current = new ArrayList<>(rules.of(storefront).stream()
                .filter(r -> replacing == null || r.id() != replacing)
                .toList());
        current.add(tried);
        return run(storefront, current);
    }

    private Report run(StorefrontId storefront, List<ApprovalRule> current) {
        Instant since = clock.instant().minus(PERIOD);
        Map<RuleAction, Integer> byAction = new EnumMap<>(RuleAction.class);
        Map<Verdict, Integer> byVerdict = new EnumMap<>(Verdict.class);
        List<Row> rows = new ArrayList<>();
        int unmatched = 0;
        List<ClaimFactsQuery.Claimed> claimed = facts.since(storefront.value(), since);
        for (ClaimFactsQuery.Claimed c : claimed) {
            Optional<ApprovalRule> match = ApprovalRules.firstMatch(current, c.facts());
            RuleAction action = match.map(ApprovalRule::action).orElse(null);
            Verdict verdict = verdict(action, c.decided());
            if (action == null) {
                unmatched++;
            } else {
                byAction.merge(action, 1, Integer::sum);
            }
            byVerdict.merge(verdict, 1, Integer::sum);
            if (rows.size() < MAX_LISTED) {
                rows.add(new Row(
                        c.rma(),
                        c.requestedAt(),
                        c.facts().type(),
                        c.facts().reason(),
                        c.facts().amountYen(),
                        c.facts().signals(),
                        match.map(ApprovalRule::name).orElse(null),
                        action,
                        c.decided(),
                        c.decidedBy() != null && c.decidedBy().startsWith(ClaimWorkflow.RULE_ACTOR),
                        verdict));
            }
        }
        return new Report(since, claimed.size(), byAction, unmatched, byVerdict, rows);
    }

    /** A pure comparison of the rules' action with the first decision actually taken. */
    static Verdict verdict(RuleAction action, ClaimStatus actual) {
        if (action == null || action == RuleAction.HOLD) {
            return Verdict.TO_OPERATOR;
        }
        if (actual == null) {
            return Verdict.OPEN;
        }
        boolean approved = actual == ClaimStatus.APPROVED || actual == ClaimStatus.QUOTED;
        boolean same = action == RuleAction.APPROVE ? approved : actual == ClaimStatus.REJECTED;
        return same ? Verdict.SAME : Verdict.DIFFERENT;
    }
}
