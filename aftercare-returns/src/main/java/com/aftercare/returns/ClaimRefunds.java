package com.aftercare.returns;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.returns.policy.Payer;
import com.aftercare.returns.policy.RefundAmounts;
import com.aftercare.returns.policy.RefundCalculation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying a claim back: recording the refund an operator worked out ({@link RefundCalculation}),
 * store credit issued as a coupon for a return settled in credit, and the customer's bank account
 * for a refund by transfer (COD, konbini, bank transfer), kept encrypted, shown masked, revealed
 * in full only to the operator making the transfer (audited), erased with the refund. Refusals are
 * {@link InvalidValue} on the field, {@link ClaimWorkflowViolation} for a claim not ready, and
 * {@link NotFound}. One transaction each.
 */
@Service
public class ClaimRefunds {

    private final ClaimSteps steps;
    private final ClaimRepository claims;
    private final BankAccountCipher cipher;
    private final ClaimCoupons coupons;
    private final AuditLog audit;
    private final Clock clock;

    ClaimRefunds(
            ClaimSteps steps,
            ClaimRepository claims,
            BankAccountCipher cipher,
            ClaimCoupons coupons,
            AuditLog audit,
            Clock clock) {
        this.steps = steps;
        this.claims = claims;
        this.cipher = cipher;
        this.coupons = coupons;
        this.audit = audit;
        this.clock = clock;
    }

    /** How the refund is worked out. */
    public enum RefundKind {
        /** The returned lines, less a restocking fee and the return shipping the customer pays. */
        FULL,
        /** An amount the operator decides, up to the returned lines' value. */
        PARTIAL
    }

    /**
     * @param restockingPercent for FULL: a whole percentage (0-100) kept as restocking fee
     * @param returnShippingYen for FULL: return shipping deducted, only when the customer pays it
     * @param amountYen for PARTIAL: the amount refunded
     */
    public record Refund(
            String rma,
            String operator,
            RefundKind kind,
            int restockingPercent,
            long returnShippingYen,
            Long amountYen) {}

    /**
     * Records the refund (or, for a return settled in store credit, the credit, issued as a coupon
     * code through the coupon core). A refund by transfer needs the customer's bank account, which
     * is erased once the refund is recorded.
     *
     * @return the amount refunded, in yen
     */
    @Transactional
    public long refund(Refund command) {
        String by = steps.activeOperator(command.operator());
        if (command.kind() == null) {
            throw new InvalidValue("kind", "must be FULL or PARTIAL");
        }
        long[] total = new long[1];
        steps.apply(command.rma(), c -> {
            RefundAmounts amounts = amounts(c, command);
            c.refund(amounts, by, clock.instant());
            if (c.refundRecord().route() == RefundRoute.STORE_CREDIT) {
                coupons.storeCredit(c, amounts.total())
                        .ifPresent(coupon -> c.attachCoupon(coupon.code().display(), clock.instant()));
            }
            total[0] = amounts.total();
        });
        return total[0];
    }

    /**
     * The customer's bank account for a refund by transfer (portal). Stored encrypted, shown only
     * masked; replaced when given again; erased when the refund is recorded.
     */
    @Transactional
    public void provideBankAccount(String rma, BankAccount account) {
        if (account == null) {
            throw new InvalidValue("bankAccount", "must not be null");
        }
        Claim claim = steps.locked(rma);
        claim.keepBankAccount(cipher.encrypt(account.serialized(), claim.rma()), account.masked(), clock.instant());
    }

    /**
     * The full bank account, for the operator who makes the transfer. Every opening is audited.
     *
     * @return empty when the claim holds no account (none given, or erased after the refund)
     */
    @Transactional
    public Optional<BankAccount> revealBankAccount(String rma, String operator) {
        String by = steps.activeOperator(operator);
        Claim claim = claims.findByRma(rma).orElseThrow(() -> NotFound.claim(rma));
        BankAccountReference held = claim.bankAccount();
        if (held == null || !held.isHeld()) {
            return Optional.empty();
        }
        audit.record(by, "claim.bank-account.revealed", "claim", claim.rma(), Map.of());
        return Optional.of(BankAccount.parse(cipher.decrypt(held.encrypted(), claim.rma())));
    }

    private static RefundAmounts amounts(Claim claim, Refund command) {
        List<Long> values = claim.lines().stream().map(ClaimLine::amountYen).toList();
        if (command.kind() == RefundKind.PARTIAL) {
            if (command.amountYen() == null) {
                throw new InvalidValue("amount", "is needed for a partial refund");
            }
            try {
                return RefundCalculation.partial(values, command.amountYen());
            } catch (IllegalArgumentException e) {
                throw new InvalidValue("amount", e.getMessage());
            }
        }
        if (command.restockingPercent() < 0 || command.restockingPercent() > 100) {
            throw new InvalidValue("restockingPercent", "must be 0-100");
        }
        if (command.returnShippingYen() < 0) {
            throw new InvalidValue("returnShipping", "must not be negative");
        }
        if (command.returnShippingYen() > 0 && claim.terms().eligibility().returnShipping() != Payer.CUSTOMER) {
            throw new InvalidValue("returnShipping", "the shop pays return shipping for this claim");
        }
        return RefundCalculation.full(values, command.restockingPercent(), command.returnShippingYen());
    }
}
