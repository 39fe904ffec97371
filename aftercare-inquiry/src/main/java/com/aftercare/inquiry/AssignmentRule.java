package com.aftercare.inquiry;

import com.aftercare.domain.operator.Operators;
import java.util.Optional;

/**
 * Chooses who gets an inquiry when nobody assigns it by hand (対応フロー). One bean of this type is
 * used; the default is {@link LeastLoadedOperatorRule}. Define another bean to replace it (by
 * category, by team, round robin…).
 */
public interface AssignmentRule {

    /** The operator to give the inquiry to, or empty when nobody can take it. */
    Optional<Operators.Account> choose(Inquiries.InquiryView inquiry);
}
