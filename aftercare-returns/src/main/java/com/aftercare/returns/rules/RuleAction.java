package com.aftercare.returns.rules;

/** What a matching rule does to a new claim. */
public enum RuleAction {
    /** Approved at once, as an operator's approval would (mail, events, webhooks). */
    APPROVE,
    /** Left for an operator, marked as held by the rule; later rules are not tried. */
    HOLD,
    /** Refused at once with the rule's reason for the customer (never on a fraud signal). */
    REJECT
}
