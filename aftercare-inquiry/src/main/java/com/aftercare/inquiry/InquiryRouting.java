package com.aftercare.inquiry;

import com.aftercare.domain.operator.Operators;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Asks the {@link AssignmentRule} where an inquiry goes (a team's queue, and someone in it) and
 * routes it there: for every new inquiry, and again when an operator asks. Runs in the caller's
 * transaction.
 */
@Component
class InquiryRouting {

    private final AssignmentRule assignmentRule;
    private final InquiryStore store;

    InquiryRouting(AssignmentRule assignmentRule, InquiryStore store) {
        this.assignmentRule = assignmentRule;
        this.store = store;
    }

    /** The chosen operator's username; empty when no rule applies or nobody in the rule's team is available. */
    Optional<String> route(Inquiry inquiry, String by, Instant now) {
        Optional<AssignmentRule.Choice> choice = assignmentRule.choose(store.view(inquiry));
        choice.ifPresent(c -> inquiry.route(
                c.team(),
                c.operator() == null ? null : c.operator().id(),
                c.operator() == null ? null : c.operator().username(),
                by,
                now));
        return choice.map(AssignmentRule.Choice::operator).map(Operators.Account::username);
    }
}
