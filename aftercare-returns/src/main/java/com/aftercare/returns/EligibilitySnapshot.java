package com.aftercare.returns;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.returns.policy.Eligibility;
import com.aftercare.returns.policy.Payer;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The eligibility as it was explained to the customer when they asked, kept with the claim so the
 * operator sees the same rules the customer saw: the rules' message key, the last day, who pays
 * return shipping, free (a repair within the warranty) and a fee (a recycling pick-up).
 */
@Embeddable
public record EligibilitySnapshot(
        String reason,
        LocalDate until,
        @Enumerated(EnumType.STRING) Payer returnShipping,
        boolean free,
        Long feeYen) {

    public EligibilitySnapshot {
        Objects.requireNonNull(reason, "reason");
        if (feeYen != null && feeYen < 0) {
            throw new InvalidValue("feeYen", "must not be negative");
        }
    }

    /**
     * What a multi-line claim tells the customer: the first line's wording, the earliest deadline,
     * the customer pays return shipping if they do for any line, free only if every line is, the
     * fees added up.
     */
    static EligibilitySnapshot combining(List<Eligibility> lines) {
        if (lines.isEmpty()) {
            throw new InvalidValue("lines", "must hold at least one line");
        }
        LocalDate until = null;
        Payer payer = null;
        boolean free = true;
        Long fee = null;
        for (Eligibility e : lines) {
            if (e.until() != null && (until == null || e.until().isBefore(until))) {
                until = e.until();
            }
            if (e.returnShipping() == Payer.CUSTOMER) {
                payer = Payer.CUSTOMER;
            } else if (payer == null) {
                payer = e.returnShipping();
            }
            free &= e.free();
            if (e.feeYen() != null) {
                fee = (fee == null ? 0 : fee) + e.feeYen();
            }
        }
        return new EligibilitySnapshot(lines.get(0).reason(), until, payer, free, fee);
    }
}
