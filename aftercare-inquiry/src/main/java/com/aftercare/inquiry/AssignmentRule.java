package com.aftercare.inquiry;

import com.aftercare.domain.operator.Operators;
import java.util.Optional;

/**
 * Chooses who handles an inquiry nobody assigned by hand (対応フロー): asked for every new
 * inquiry (API, inbound mail, console) and by {@link Inquiries#assignAutomatically}. One bean of
 * this type is used; the default is {@link RuleBasedAssignment}, which applies the ordered
 * {@link AssignmentRules}. Define another bean to replace it.
 */
public interface AssignmentRule {

    /** Where the inquiry goes, or empty when no rule applies (it stays unassigned). */
    Optional<Choice> choose(InquiryView inquiry);

    /**
     * @param team the code of the team the inquiry now belongs to, or null for none
     * @param operator the person who gets it, or null when nobody in the team is available (it
     *     waits in the team's queue)
     */
    record Choice(String team, Operators.Account operator) {}
}
