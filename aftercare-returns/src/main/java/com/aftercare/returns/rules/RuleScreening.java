package com.aftercare.returns.rules;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.returns.ClaimAction;
import com.aftercare.returns.ClaimScreening;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.returns.Claims;
import com.aftercare.returns.exchange.ExchangeApproval;
import com.aftercare.returns.signals.ClaimSignals;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens every new claim in its opening's transaction: finds its fraud signals, then lets the
 * storefront's first matching rule ({@link ApprovalRules}) decide. An approval or rejection goes
 * through {@link ClaimWorkflow} as an operator's would (history under {@code rule:<name>}, mail,
 * events, webhooks, step-mail holds); a hold leaves the claim to an operator. The decision is kept
 * ({@code claim_rule_decision}) and audited. A step the claim's status or type does not allow
 * (an approval of a repair that needs a quote) is not tried: the claim is held instead, so a rule
 * can never make the customer's request fail. An exchange is approved only with its replacement
 * in stock by the storefront's own answer: out of stock, or a stock nobody could tell (no callback,
 * no answer), holds it for an operator, who may confirm the stock by hand ({@link ExchangeApproval}).
 * That ask is made inside the opening's transaction, bounded by the stock-check timeout; only a
 * storefront with an approving rule that matches an exchange pays it.
 */
@Service
class RuleScreening implements ClaimScreening {

    private final Claims claims;
    private final Orders orders;
    private final ClaimSignals signals;
    private final ClaimRules rules;
    private final ClaimFactsQuery facts;
    private final ClaimWorkflow workflow;
    private final ExchangeApproval exchanges;
    private final Mails mails;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    RuleScreening(
            Claims claims,
            Orders orders,
            ClaimSignals signals,
            ClaimRules rules,
            ClaimFactsQuery facts,
            ClaimWorkflow workflow,
            ExchangeApproval exchanges,
            Mails mails,
            JdbcClient jdbc,
            AuditLog audit,
            Clock clock) {
        this.claims = claims;
        this.orders = orders;
        this.signals = signals;
        this.rules = rules;
        this.facts = facts;
        this.workflow = workflow;
        this.exchanges = exchanges;
        this.mails = mails;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ClaimStatus screen(String rma) {
        ClaimView claim = claims.byRma(rma).orElseThrow(() -> NotFound.claim(rma));
        OrderView order = orders.find(claim.order()).orElseThrow(() -> NotFound.order(claim.orderNumber()));
        signals.screen(claim, order);
        List<ApprovalRule> storefrontRules = rules.of(claim.storefront());
        if (storefrontRules.isEmpty()) {
            return claim.status();
        }
        Optional<ApprovalRule> match = ApprovalRules.firstMatch(
                storefrontRules, facts.of(claim.id().value()).facts());
        if (match.isEmpty()) {
            return claim.status();
        }
        ApprovalRule rule = match.get();
        RuleAction done = apply(claim, rule);
        jdbc.sql("""
                        insert into claim_rule_decision (claim_id, rule_id, rule_name, action, decided_at)
                        values (:claim, :rule, :name, :action, :at)
                        """)
                .param("claim", claim.id().value())
                .param("rule", rule.id())
                .param("name", rule.name())
                .param("action", done.name())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        audit.record(
                ClaimWorkflow.ruleActor(rule.name()),
                "claim.rule-decided",
                "claim",
                rma,
                AuditLog.details("rule", rule.id(), "action", done.name()));
        return claims.byRma(rma).map(ClaimView::status).orElseThrow(() -> NotFound.claim(rma));
    }

    /** Carries out the rule's action where the claim allows it; what was done. */
    private RuleAction apply(ClaimView claim, ApprovalRule rule) {
        switch (rule.action()) {
            case APPROVE -> {
                if (claim.actions().contains(ClaimAction.APPROVE) && replacementInStock(claim)) {
                    workflow.approveByRule(claim.rma(), rule.name());
                    return RuleAction.APPROVE;
                }
            }
            case REJECT -> {
                if (claim.actions().contains(ClaimAction.REJECT)) {
                    workflow.rejectByRule(
                            claim.rma(), rule.name(), rule.reasonFor(mails.languageFor(claim.customer())));
                    return RuleAction.REJECT;
                }
            }
            case HOLD -> {
                return RuleAction.HOLD;
            }
        }
        return RuleAction.HOLD;
    }

    private boolean replacementInStock(ClaimView claim) {
        return claim.type() != RequestType.EXCHANGE
                || exchanges.verdictFor(claim, false).go();
    }
}
