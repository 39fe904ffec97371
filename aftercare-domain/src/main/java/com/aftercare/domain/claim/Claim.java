package com.aftercare.domain.claim;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One after-sales claim (return, exchange, refund guarantee, repair or pick-up) with its lines and
 * status history: the aggregate that guards the workflow of {@link ClaimStatus}. Each method says
 * what happens, refuses what the status or the claim's type does not allow
 * ({@link ClaimWorkflowViolation}) and records who moved it. Amounts are integer yen.
 */
@Entity
@Table(name = "claim")
public class Claim {

    /** The actor recorded when the customer acts (portal, storefront). */
    public static final String CUSTOMER = "customer";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String rma;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RequestType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReturnReason reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClaimStatus status;

    @Column(name = "storefront_id", nullable = false, updatable = false)
    private Long storefrontId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private Long orderId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ClaimChannel channel;

    @Column(name = "client_request_id", updatable = false)
    private String clientRequestId;

    @Column(name = "request_sha256", updatable = false)
    private byte[] requestSha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Settlement settlement;

    @Column(name = "customer_note", updatable = false)
    private String customerNote;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "eligibility_reason", nullable = false, updatable = false)
    private String eligibilityReason;

    @Column(name = "eligible_until", updatable = false)
    private LocalDate eligibleUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "return_shipping_payer", updatable = false)
    private Payer returnShippingPayer;

    @Column(name = "free_of_charge", nullable = false, updatable = false)
    private boolean freeOfCharge;

    @Column(name = "fee_yen", updatable = false)
    private Long feeYen;

    @Column(name = "terms_period_days", updatable = false)
    private Integer termsPeriodDays;

    @Column(name = "terms_minimum_use_days", updatable = false)
    private Integer termsMinimumUseDays;

    @Column(name = "terms_survey_required", updatable = false)
    private Boolean termsSurveyRequired;

    @Column(name = "terms_once", updatable = false)
    private Boolean termsOnce;

    @Enumerated(EnumType.STRING)
    @Column(name = "terms_return_shipping", updatable = false)
    private Payer termsReturnShipping;

    @Column(name = "payment_method", updatable = false)
    private String paymentMethod;

    @Enumerated(EnumType.STRING)
    @Column(name = "refund_route")
    private RefundRoute refundRoute;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "refund_lines_yen")
    private Long refundLinesYen;

    @Column(name = "refund_restocking_yen")
    private Long refundRestockingYen;

    @Column(name = "refund_shipping_yen")
    private Long refundShippingYen;

    @Column(name = "refund_total_yen")
    private Long refundTotalYen;

    @Column(name = "store_credit_yen")
    private Long storeCreditYen;

    @Column(name = "coupon_code")
    private String couponCode;

    @Column(name = "quote_yen")
    private Long quoteYen;

    @Column(name = "damage_confirmed", nullable = false)
    private boolean damageConfirmed;

    @Column(name = "inspection_note")
    private String inspectionNote;

    @Column(name = "exchange_tracking")
    private String exchangeTracking;

    @Column(name = "bank_account_enc")
    private byte[] bankAccountEncrypted;

    @Column(name = "bank_account_masked")
    private String bankAccountMasked;

    @Column(name = "bank_account_erased_at")
    private Instant bankAccountErasedAt;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "claim_id", nullable = false, updatable = false)
    @OrderBy("orderLineNo")
    private List<ClaimLine> lines = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "claim_id", nullable = false, updatable = false)
    @OrderBy("at, id")
    private List<ClaimStatusEntry> history = new ArrayList<>();

    protected Claim() {}

    /**
     * The eligibility as explained to the customer when they asked: kept with the claim so the
     * operator sees the same rules the customer saw.
     */
    public record EligibilitySnapshot(String reason, LocalDate until, Payer returnShipping, boolean free, Long feeYen) {

        public EligibilitySnapshot {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** What a new claim starts with. {@code clientRequestId}, {@code note} and {@code terms} may be null. */
    public record Opening(
            String rma,
            RequestType type,
            ReturnReason reason,
            StorefrontId storefront,
            OrderId order,
            CustomerId customer,
            ClaimChannel channel,
            String clientRequestId,
            byte[] requestSha256,
            Settlement settlement,
            String note,
            EligibilitySnapshot eligibility,
            GuaranteeTerms terms,
            String paymentMethod,
            List<ClaimLine.Spec> lines,
            String openedBy,
            Instant at) {

        public Opening {
            Objects.requireNonNull(rma, "rma");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(storefront, "storefront");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(eligibility, "eligibility");
            Objects.requireNonNull(at, "at");
            if (lines == null || lines.isEmpty()) {
                throw new InvalidValue("lines", "must hold at least one line");
            }
            lines = List.copyOf(lines);
            settlement = settlement == null ? Settlement.REFUND : settlement;
        }
    }

    public static Claim open(Opening o) {
        Claim claim = new Claim();
        claim.rma = o.rma();
        claim.type = o.type();
        claim.reason = o.reason();
        claim.status = ClaimStatus.REQUESTED;
        claim.storefrontId = o.storefront().value();
        claim.orderId = o.order().value();
        claim.customerId = o.customer().value();
        claim.channel = o.channel();
        claim.clientRequestId = o.clientRequestId();
        claim.requestSha256 =
                o.requestSha256() == null ? null : o.requestSha256().clone();
        // Only a return can be settled in store credit; every other claim is money or a service.
        claim.settlement = o.type() == RequestType.RETURN ? o.settlement() : Settlement.REFUND;
        claim.customerNote = o.note();
        claim.eligibilityReason = o.eligibility().reason();
        claim.eligibleUntil = o.eligibility().until();
        claim.returnShippingPayer = o.eligibility().returnShipping();
        claim.freeOfCharge = o.eligibility().free();
        claim.feeYen = o.eligibility().feeYen();
        GuaranteeTerms terms = o.terms();
        if (terms != null) {
            claim.termsPeriodDays = terms.periodDays();
            claim.termsMinimumUseDays = terms.minimumUseDays();
            claim.termsSurveyRequired = terms.surveyRequired();
            claim.termsOnce = terms.oncePerCustomerAndProduct();
            claim.termsReturnShipping = terms.returnShipping();
        }
        claim.paymentMethod = o.paymentMethod();
        claim.refundRoute = RefundRoute.of(o.paymentMethod(), claim.settlement);
        claim.currency = "JPY";
        for (ClaimLine.Spec line : o.lines()) {
            claim.lines.add(new ClaimLine(line));
        }
        claim.requestedAt = o.at();
        claim.createdAt = o.at();
        claim.updatedAt = o.at();
        claim.history.add(new ClaimStatusEntry(
                null, ClaimStatus.REQUESTED, o.openedBy() == null ? CUSTOMER : o.openedBy(), null, o.at()));
        return claim;
    }

    // ---- the workflow ------------------------------------------------------------------------

    /** The shop accepts the request. A paid repair is approved by the customer accepting its quote instead. */
    public void approve(String by, String note, Instant at) {
        requireStatus("approve", EnumSet.of(ClaimStatus.REQUESTED));
        if (needsQuote()) {
            throw ClaimWorkflowViolation.because(rma, "a paid repair needs a quote the customer accepts");
        }
        moveTo(ClaimStatus.APPROVED, by, note, at);
    }

    /** The shop refuses; {@code reasonForCustomer} is what the customer is told. Also after inspection. */
    public void reject(String reasonForCustomer, String by, Instant at) {
        requireStatus("reject", EnumSet.of(ClaimStatus.REQUESTED, ClaimStatus.INSPECTED));
        rejectionReason = requireText("reason", reasonForCustomer, 1000);
        moveTo(ClaimStatus.REJECTED, by, rejectionReason, at);
    }

    /** A repair outside the warranty: the customer gets a price to accept or decline. */
    public void quote(long yen, String by, Instant at) {
        requireType("quote", RequestType.WARRANTY_REPAIR);
        requireStatus("quote", EnumSet.of(ClaimStatus.REQUESTED));
        if (freeOfCharge) {
            throw ClaimWorkflowViolation.because(rma, "the repair is free under the warranty");
        }
        if (yen <= 0) {
            throw new InvalidValue("amount", "must be a positive number of yen");
        }
        quoteYen = yen;
        moveTo(ClaimStatus.QUOTED, by, "¥" + yen, at);
    }

    public void acceptQuote(Instant at) {
        requireStatus("accept the quote of", EnumSet.of(ClaimStatus.QUOTED));
        moveTo(ClaimStatus.APPROVED, CUSTOMER, "quote accepted", at);
    }

    public void declineQuote(Instant at) {
        requireStatus("decline the quote of", EnumSet.of(ClaimStatus.QUOTED));
        moveTo(ClaimStatus.QUOTE_DECLINED, CUSTOMER, "quote declined", at);
    }

    /** The customer was told how to send the item (or when it is picked up). */
    public void awaitItem(String by, Instant at) {
        requireStatus("wait for the item of", EnumSet.of(ClaimStatus.APPROVED));
        moveTo(ClaimStatus.AWAITING_ITEM, by, null, at);
    }

    public void receive(String by, Instant at) {
        requireStatus("receive the item of", EnumSet.of(ClaimStatus.AWAITING_ITEM));
        moveTo(ClaimStatus.RECEIVED, by, null, at);
    }

    /** The item was checked; {@code damageConfirmed} when it did arrive damaged in transit. */
    public void inspect(String note, boolean damageConfirmed, String by, Instant at) {
        requireStatus("inspect", EnumSet.of(ClaimStatus.RECEIVED));
        inspectionNote = note == null || note.isBlank() ? null : requireText("note", note, 2000);
        this.damageConfirmed = damageConfirmed;
        moveTo(ClaimStatus.INSPECTED, by, inspectionNote, at);
    }

    /** The breakdown of a refund, in integer yen (see the returns module's {@code RefundCalculation}). */
    public record RefundAmounts(long lines, long restockingFee, long returnShipping, long total) {

        public RefundAmounts {
            if (lines < 0 || restockingFee < 0 || returnShipping < 0 || total < 0 || total > lines) {
                throw new InvalidValue("amount", "must be between 0 and the returned lines' value");
            }
        }
    }

    /**
     * The money went back (or, for a return settled in store credit, the credit was issued). A
     * transfer needs the customer's bank account, which is erased here: it served its purpose.
     */
    public void refund(RefundAmounts amounts, String by, Instant at) {
        if (type != RequestType.RETURN && type != RequestType.REFUND_GUARANTEE) {
            throw ClaimWorkflowViolation.notFor("refund", rma, type);
        }
        requireStatus("refund", EnumSet.of(ClaimStatus.INSPECTED));
        if (refundRoute == RefundRoute.BANK_TRANSFER && bankAccountEncrypted == null) {
            throw ClaimWorkflowViolation.because(rma, "a refund by transfer needs the customer's bank account first");
        }
        refundLinesYen = amounts.lines();
        refundRestockingYen = amounts.restockingFee();
        refundShippingYen = amounts.returnShipping();
        refundTotalYen = amounts.total();
        if (refundRoute == RefundRoute.STORE_CREDIT) {
            storeCreditYen = amounts.total();
        }
        eraseBankAccount(at);
        moveTo(ClaimStatus.REFUNDED, by, "¥" + amounts.total() + " " + refundRoute, at);
    }

    public void shipExchange(String trackingNumber, String by, Instant at) {
        requireType("ship the exchange of", RequestType.EXCHANGE);
        requireStatus("ship the exchange of", EnumSet.of(ClaimStatus.INSPECTED));
        exchangeTracking = trackingNumber == null || trackingNumber.isBlank()
                ? null
                : requireText("tracking", trackingNumber, 100);
        moveTo(ClaimStatus.EXCHANGE_SHIPPED, by, exchangeTracking, at);
    }

    public void markRepaired(String by, Instant at) {
        requireType("mark repaired", RequestType.WARRANTY_REPAIR);
        requireStatus("mark repaired", EnumSet.of(ClaimStatus.INSPECTED));
        moveTo(ClaimStatus.REPAIRED, by, null, at);
    }

    /**
     * Done. A resolved claim closes; a recycling pick-up has nothing to give back, so it closes once
     * the old appliance was received.
     */
    public void close(String by, Instant at) {
        Set<ClaimStatus> allowed = EnumSet.of(
                ClaimStatus.REJECTED,
                ClaimStatus.QUOTE_DECLINED,
                ClaimStatus.REFUNDED,
                ClaimStatus.EXCHANGE_SHIPPED,
                ClaimStatus.REPAIRED);
        if (type == RequestType.RECYCLE_PICKUP) {
            allowed.add(ClaimStatus.RECEIVED);
            allowed.add(ClaimStatus.INSPECTED);
        }
        requireStatus("close", allowed);
        closedAt = at;
        moveTo(ClaimStatus.CLOSED, by, null, at);
    }

    /** The customer's bank account for a refund by transfer, already encrypted, with its masked form. */
    public void keepBankAccount(byte[] encrypted, String masked, Instant at) {
        if (refundRoute != RefundRoute.BANK_TRANSFER) {
            throw ClaimWorkflowViolation.because(
                    rma, "this refund goes back to the payment; no bank account is needed");
        }
        if (!status.isOpen()) {
            throw ClaimWorkflowViolation.cannot("take a bank account for", rma, status);
        }
        bankAccountEncrypted = Objects.requireNonNull(encrypted, "encrypted").clone();
        bankAccountMasked = Objects.requireNonNull(masked, "masked");
        bankAccountErasedAt = null;
        updatedAt = at;
    }

    /** Store credit issued as a coupon (the code the customer uses). */
    public void attachCoupon(String code, Instant at) {
        couponCode = requireText("couponCode", code, 100);
        updatedAt = at;
    }

    private void eraseBankAccount(Instant at) {
        if (bankAccountEncrypted != null) {
            bankAccountEncrypted = null;
            bankAccountMasked = null;
            bankAccountErasedAt = at;
        }
    }

    private boolean needsQuote() {
        return type == RequestType.WARRANTY_REPAIR && !freeOfCharge;
    }

    private void requireStatus(String action, Set<ClaimStatus> allowed) {
        if (!allowed.contains(status)) {
            throw ClaimWorkflowViolation.cannot(action, rma, status);
        }
    }

    private void requireType(String action, RequestType required) {
        if (type != required) {
            throw ClaimWorkflowViolation.notFor(action, rma, type);
        }
    }

    private static String requireText(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new InvalidValue(field, "must not be blank");
        }
        if (text.length() > max) {
            throw new InvalidValue(field, "must be at most " + max + " characters");
        }
        if (com.aftercare.domain.shared.Text.hasControlCharacters(text, true)) {
            throw new InvalidValue(field, "must not contain control characters");
        }
        return text;
    }

    private void moveTo(ClaimStatus to, String by, String note, Instant at) {
        ClaimStatus from = status;
        status = to;
        updatedAt = at;
        if (resolvedAt == null && (to.isResolved() || to == ClaimStatus.CLOSED)) {
            resolvedAt = at;
        }
        history.add(new ClaimStatusEntry(from, to, Objects.requireNonNull(by, "by"), note, at));
    }

    // ---- reads -------------------------------------------------------------------------------

    public ClaimId id() {
        return new ClaimId(id);
    }

    public String rma() {
        return rma;
    }

    public RequestType type() {
        return type;
    }

    public ReturnReason reason() {
        return reason;
    }

    public ClaimStatus status() {
        return status;
    }

    public StorefrontId storefront() {
        return new StorefrontId(storefrontId);
    }

    public OrderId order() {
        return new OrderId(orderId);
    }

    public CustomerId customer() {
        return new CustomerId(customerId);
    }

    public ClaimChannel channel() {
        return channel;
    }

    public String clientRequestId() {
        return clientRequestId;
    }

    public byte[] requestSha256() {
        return requestSha256 == null ? null : requestSha256.clone();
    }

    public Settlement settlement() {
        return settlement;
    }

    public String customerNote() {
        return customerNote;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public EligibilitySnapshot eligibility() {
        return new EligibilitySnapshot(eligibilityReason, eligibleUntil, returnShippingPayer, freeOfCharge, feeYen);
    }

    /** The refund-guarantee terms the customer bought under; null for other claims. */
    public GuaranteeTerms guaranteeTerms() {
        return termsPeriodDays == null
                ? null
                : new GuaranteeTerms(
                        termsPeriodDays, termsMinimumUseDays, termsSurveyRequired, termsOnce, termsReturnShipping);
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public RefundRoute refundRoute() {
        return refundRoute;
    }

    /** The refund as recorded; null until refunded. */
    public RefundAmounts refund() {
        return refundTotalYen == null
                ? null
                : new RefundAmounts(refundLinesYen, refundRestockingYen, refundShippingYen, refundTotalYen);
    }

    public Long storeCreditYen() {
        return storeCreditYen;
    }

    public String couponCode() {
        return couponCode;
    }

    public Long quoteYen() {
        return quoteYen;
    }

    public boolean damageConfirmed() {
        return damageConfirmed;
    }

    public String inspectionNote() {
        return inspectionNote;
    }

    public String exchangeTracking() {
        return exchangeTracking;
    }

    /** The encrypted bank account, or null when none is held. */
    public byte[] bankAccountEncrypted() {
        return bankAccountEncrypted == null ? null : bankAccountEncrypted.clone();
    }

    public String bankAccountMasked() {
        return bankAccountMasked;
    }

    public Instant bankAccountErasedAt() {
        return bankAccountErasedAt;
    }

    public boolean needsBankAccount() {
        return refundRoute == RefundRoute.BANK_TRANSFER && bankAccountEncrypted == null && status.isOpen();
    }

    public long linesValueYen() {
        return lines.stream().mapToLong(ClaimLine::amountYen).reduce(0, Math::addExact);
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<ClaimLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<ClaimStatusEntry> history() {
        return Collections.unmodifiableList(history);
    }
}
