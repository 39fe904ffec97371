package com.aftercare.returns.policy;

import com.aftercare.domain.shared.InvalidValue;
import jakarta.persistence.Embeddable;
import org.springframework.modulith.NamedInterface;

/**
 * A refund's breakdown in integer yen, so the customer and the operator see how the amount came
 * about: the returned lines' value, less a restocking fee and the return shipping the customer
 * pays, gives the total, which never exceeds the lines. Worked out by {@link RefundCalculation}
 * and kept with the claim once refunded.
 */
@Embeddable
@NamedInterface("policy")
public record RefundAmounts(long lines, long restockingFee, long returnShipping, long total) {

    public RefundAmounts {
        if (lines < 0 || restockingFee < 0 || returnShipping < 0 || total < 0 || total > lines) {
            throw new InvalidValue("amount", "must be between 0 and the returned lines' value");
        }
    }
}
