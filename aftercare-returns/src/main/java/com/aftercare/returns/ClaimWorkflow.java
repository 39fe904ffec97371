package com.aftercare.returns;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working a claim through its statuses ({@link ClaimStatus}): the operator's steps in the console,
 * each taking the acting operator (an enabled one, else {@link InvalidValue} on {@code operator}),
 * and the customer's answer to a repair quote on the portal. Every step is recorded in the claim's
 * history with who made it, mails the customer, and publishes {@code ClaimResolved} once when it
 * decides the outcome. A step the status or the claim's type does not allow is a
 * {@link ClaimWorkflowViolation}; an unknown claim is {@link NotFound}. One transaction each: a
 * refusal changes nothing. Refunds are {@link ClaimRefunds}'.
 */
@Service
public class ClaimWorkflow {

    /** The actor recorded when the storefront's own events move a claim. */
    static final String STOREFRONT = "storefront";

    private final ClaimSteps steps;
    private final ClaimCoupons coupons;
    private final Clock clock;

    ClaimWorkflow(ClaimSteps steps, ClaimCoupons coupons, Clock clock) {
        this.steps = steps;
        this.coupons = coupons;
        this.clock = clock;
    }

    @Transactional
    public void approve(String rma, String operator, String note) {
        String by = steps.activeOperator(operator);
        String text = ClaimText.optional("note", note, 1000);
        steps.apply(rma, c -> c.approve(by, text, clock.instant()));
    }

    /**
     * A storefront's automatic rule approved the claim as it was opened: the same step as
     * {@link #approve}, with every effect of it (mail, event, webhooks, step-mail holds), recorded in
     * the history under {@link #ruleActor the rule}.
     */
    @Transactional
    public void approveByRule(String rma, String ruleName) {
        steps.apply(rma, c -> c.approve(ruleActor(ruleName), null, clock.instant()));
    }

    /** A storefront's automatic rule refused the claim with {@code reasonForCustomer}: as {@link #reject}. */
    @Transactional
    public void rejectByRule(String rma, String ruleName, String reasonForCustomer) {
        steps.apply(rma, c -> c.reject(reasonForCustomer, ruleActor(ruleName), clock.instant()));
    }

    /** The actor a rule's step is recorded under: {@code rule:<name>}, never an operator's username. */
    public static String ruleActor(String ruleName) {
        return RULE_ACTOR + ClaimText.required("rule", ruleName, 100);
    }

    /** Prefix of the actor of a step an automatic rule made. */
    public static final String RULE_ACTOR = "rule:";

    /** Refuses the claim; {@code reasonForCustomer} is mailed to the customer and shown to them. */
    @Transactional
    public void reject(String rma, String operator, String reasonForCustomer) {
        String by = steps.activeOperator(operator);
        steps.apply(rma, c -> c.reject(reasonForCustomer, by, clock.instant()));
    }

    /** A repair outside the warranty: the customer gets {@code yen} to accept or decline. */
    @Transactional
    public void quote(String rma, String operator, long yen) {
        String by = steps.activeOperator(operator);
        steps.apply(rma, c -> c.quote(yen, by, clock.instant()));
    }

    /** The customer accepts the repair quote (portal). */
    @Transactional
    public void acceptQuote(String rma) {
        steps.apply(rma, c -> c.acceptQuote(clock.instant()));
    }

    /** The customer declines the repair quote (portal). */
    @Transactional
    public void declineQuote(String rma) {
        steps.apply(rma, c -> c.declineQuote(clock.instant()));
    }

    @Transactional
    public void awaitItem(String rma, String operator) {
        String by = steps.activeOperator(operator);
        steps.apply(rma, c -> c.awaitItem(by, clock.instant()));
    }

    @Transactional
    public void receive(String rma, String operator) {
        String by = steps.activeOperator(operator);
        steps.apply(rma, c -> c.receive(by, clock.instant()));
    }

    /**
     * @param damageConfirmed the item did arrive damaged in transit: the customer is offered an
     *     apology coupon with the mail of this step
     */
    @Transactional
    public void inspect(String rma, String operator, String note, boolean damageConfirmed) {
        String by = steps.activeOperator(operator);
        steps.apply(rma, c -> {
            c.inspect(note, damageConfirmed, by, clock.instant());
            if (damageConfirmed) {
                coupons.apology(c)
                        .ifPresent(coupon -> c.offerApology(coupon.code().display(), clock.instant()));
            }
        });
    }

    @Transactional
    public void shipExchange(String rma, String operator, String trackingNumber) {
        String by = steps.activeOperator(operator);
        steps.apply(rma, c -> c.shipExchange(trackingNumber, by, clock.instant()));
    }

    /**
     * The storefront shipped the replacement order of an exchange (its {@code order.shipped});
     * recorded as the storefront's step. Nothing happens when the claim moved on already.
     */
    @Transactional
    public void replacementShipped(String rma, String trackingNumber) {
        steps.apply(rma, c -> {
            if (c.awaitsReplacement()) {
                c.shipExchange(trackingNumber, STOREFRONT, clock.instant());
            }
        });
    }

    @Transactional
    public void markRepaired(String rma, String operator) {
        String by = steps.activeOperator(operator);
        steps.apply(rma, c -> c.markRepaired(by, clock.instant()));
    }

    @Transactional
    public void close(String rma, String operator) {
        String by = steps.activeOperator(operator);
        steps.apply(rma, c -> c.close(by, clock.instant()));
    }
}
