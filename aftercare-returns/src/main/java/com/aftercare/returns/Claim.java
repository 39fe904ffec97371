package com.aftercare.returns;

import com.aftercare.domain.claim.ClaimId;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.returns.policy.RefundAmounts;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One after-sales claim (return, exchange, refund guarantee, repair or pick-up) with its lines and
 * status history: the aggregate that guards the workflow of {@link ClaimStatus}. Each method says
 * what happens, refuses what the status or the claim's type does not allow
 * ({@link ClaimWorkflowViolation}) and records who moved it. Its parts are value objects mapped
 * onto the {@code claim} row: the terms it was opened under, the refund, the repair quote, the
 * inspection, the exchange shipment and the bank account. Amounts are integer yen.
 */
@Entity
@Table(name = "claim")
class Claim {

    /** The actor recorded when the customer acts (portal, storefront). */
    static final String CUSTOMER = "customer";

    private static final Set<ClaimStatus> RESOLVED = EnumSet.of(
            ClaimStatus.REJECTED,
            ClaimStatus.QUOTE_DECLINED,
            ClaimStatus.REFUNDED,
            ClaimStatus.EXCHANGE_SHIPPED,
            ClaimStatus.REPAIRED);

    /** From approval until the replacement of an exchange leaves the shop. */
    private static final Set<ClaimStatus> BEFORE_REPLACEMENT =
            EnumSet.of(ClaimStatus.APPROVED, ClaimStatus.AWAITING_ITEM, ClaimStatus.RECEIVED, ClaimStatus.INSPECTED);

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

    @Column(name = "storefront_id", nullable = false, updatable = false)
    private Long storefrontId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private Long orderId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ClaimChannel channel;

    /** Null unless a storefront opened it with an idempotency key. */
    @Embedded
    private ClientRequest request;

    @Column(name = "customer_note", updatable = false)
    private String customerNote;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Embedded
    private TermsSnapshot terms;

    @Embedded
    private RefundRecord refund;

    /** Null unless a paid repair was quoted. */
    @Embedded
    private RepairQuote quote;

    @Embedded
    private Inspection inspection;

    /** Null until an exchange is shipped with a tracking number. */
    @Embedded
    private ExchangeShipment exchange;

    /** Null until the customer gives an account for a refund by transfer. */
    @Embedded
    private BankAccountReference bankAccount;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Embedded
    private ClaimProgress progress;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "claim_id", nullable = false, updatable = false)
    @OrderBy("orderLineNo")
    private List<ClaimLine> lines = new ArrayList<>();

    protected Claim() {}

    static Claim open(ClaimOpening o) {
        Claim claim = new Claim();
        claim.rma = o.rma();
        claim.type = o.type();
        claim.reason = o.reason();
        claim.storefrontId = o.storefront().value();
        claim.orderId = o.order().value();
        claim.customerId = o.customer().value();
        claim.channel = o.channel();
        claim.request = o.request();
        claim.customerNote = o.note();
        claim.terms = o.terms();
        claim.refund = RefundRecord.planned(o.type(), o.settlement(), o.paymentMethod());
        claim.inspection = Inspection.none();
        claim.currency = "JPY";
        o.lines().forEach(line -> claim.lines.add(new ClaimLine(line)));
        claim.requestedAt = o.at();
        claim.createdAt = o.at();
        claim.progress = ClaimProgress.requested(o.openedBy() == null ? CUSTOMER : o.openedBy(), o.at());
        return claim;
    }

    // ---- the workflow ------------------------------------------------------------------------

    /** The shop accepts the request. A paid repair is approved by the customer accepting its quote instead. */
    void approve(String by, String note, Instant at) {
        requireStatus("approve", ClaimStatus.REQUESTED);
        if (type == RequestType.WARRANTY_REPAIR && !terms.eligibility().free()) {
            throw ClaimWorkflowViolation.because(rma, "a paid repair needs a quote the customer accepts");
        }
        progress.moveTo(ClaimStatus.APPROVED, by, note, at);
    }

    /** The shop refuses; {@code reasonForCustomer} is what the customer is told. Also after inspection. */
    void reject(String reasonForCustomer, String by, Instant at) {
        requireStatus("reject", ClaimStatus.REQUESTED, ClaimStatus.INSPECTED);
        rejectionReason = ClaimText.required("reason", reasonForCustomer, 1000);
        progress.moveTo(ClaimStatus.REJECTED, by, rejectionReason, at);
    }

    /** A repair outside the warranty: the customer gets a price to accept or decline. */
    void quote(long yen, String by, Instant at) {
        requireType("quote", RequestType.WARRANTY_REPAIR);
        requireStatus("quote", ClaimStatus.REQUESTED);
        if (terms.eligibility().free()) {
            throw ClaimWorkflowViolation.because(rma, "the repair is free under the warranty");
        }
        quote = new RepairQuote(yen);
        progress.moveTo(ClaimStatus.QUOTED, by, quote.note(), at);
    }

    void acceptQuote(Instant at) {
        requireStatus("accept the quote of", ClaimStatus.QUOTED);
        progress.moveTo(ClaimStatus.APPROVED, CUSTOMER, "quote accepted", at);
    }

    void declineQuote(Instant at) {
        requireStatus("decline the quote of", ClaimStatus.QUOTED);
        progress.moveTo(ClaimStatus.QUOTE_DECLINED, CUSTOMER, "quote declined", at);
    }

    /** The customer was told how to send the item (or when it is picked up). */
    void awaitItem(String by, Instant at) {
        requireStatus("wait for the item of", ClaimStatus.APPROVED);
        progress.moveTo(ClaimStatus.AWAITING_ITEM, by, null, at);
    }

    void receive(String by, Instant at) {
        requireStatus("receive the item of", ClaimStatus.AWAITING_ITEM);
        progress.moveTo(ClaimStatus.RECEIVED, by, null, at);
    }

    /** The item was checked; {@code damageConfirmed} when it did arrive damaged in transit. */
    void inspect(String note, boolean damageConfirmed, String by, Instant at) {
        requireStatus("inspect", ClaimStatus.RECEIVED);
        inspection = new Inspection(note, damageConfirmed, null);
        progress.moveTo(ClaimStatus.INSPECTED, by, inspection.note(), at);
    }

    /**
     * The money went back (or, for a return settled in store credit, the credit was issued). A
     * transfer needs the customer's bank account, which is erased here: it served its purpose.
     */
    void refund(RefundAmounts amounts, String by, Instant at) {
        if (type != RequestType.RETURN && type != RequestType.REFUND_GUARANTEE) {
            throw ClaimWorkflowViolation.notFor("refund", rma, type);
        }
        requireStatus("refund", ClaimStatus.INSPECTED);
        if (refund.byTransfer() && !holdsBankAccount()) {
            throw ClaimWorkflowViolation.because(rma, "a refund by transfer needs the customer's bank account first");
        }
        refund = refund.paid(amounts);
        if (bankAccount != null) {
            bankAccount = bankAccount.erasedAt(at);
        }
        progress.moveTo(ClaimStatus.REFUNDED, by, "¥" + amounts.total() + " " + refund.route(), at);
    }

    /**
     * The replacement left the shop. The shop asks for it at approval, so it may leave before the
     * item it replaces came back (先出し交換); that item is then no longer tracked on the claim.
     */
    void shipExchange(String trackingNumber, String by, Instant at) {
        requireType("ship the exchange of", RequestType.EXCHANGE);
        progress.require("ship the exchange of", rma, BEFORE_REPLACEMENT);
        exchange = new ExchangeShipment(trackingNumber);
        progress.moveTo(ClaimStatus.EXCHANGE_SHIPPED, by, exchange.tracking(), at);
    }

    /** An approved exchange whose replacement has not left the shop yet. */
    boolean awaitsReplacement() {
        return type == RequestType.EXCHANGE && BEFORE_REPLACEMENT.contains(status());
    }

    void markRepaired(String by, Instant at) {
        requireType("mark repaired", RequestType.WARRANTY_REPAIR);
        requireStatus("mark repaired", ClaimStatus.INSPECTED);
        progress.moveTo(ClaimStatus.REPAIRED, by, null, at);
    }

    /**
     * Done. A resolved claim closes; a recycling pick-up has nothing to give back, so it closes once
     * the old appliance was received.
     */
    void close(String by, Instant at) {
        Set<ClaimStatus> allowed = EnumSet.copyOf(RESOLVED);
        if (type == RequestType.RECYCLE_PICKUP) {
            allowed.add(ClaimStatus.RECEIVED);
            allowed.add(ClaimStatus.INSPECTED);
        }
        progress.require("close", rma, allowed);
        progress.moveTo(ClaimStatus.CLOSED, by, null, at);
    }

    /** The customer's bank account for a refund by transfer, already encrypted, with its masked form. */
    void keepBankAccount(byte[] encrypted, String masked, Instant at) {
        if (!refund.byTransfer()) {
            throw ClaimWorkflowViolation.because(
                    rma, "this refund goes back to the payment; no bank account is needed");
        }
        if (!status().isOpen()) {
            throw ClaimWorkflowViolation.cannot("take a bank account for", rma, status());
        }
        bankAccount = BankAccountReference.held(encrypted, masked);
        progress.touch(at);
    }

    /** Store credit issued as a coupon (the code the customer uses). */
    void attachCoupon(String code, Instant at) {
        refund = refund.creditedAs(code);
        progress.touch(at);
    }

    /** A goodwill coupon offered because the item did arrive damaged; at most one per claim. */
    void offerApology(String code, Instant at) {
        if (!inspection.damageConfirmed()) {
            throw ClaimWorkflowViolation.because(rma, "an apology coupon follows confirmed damage in transit");
        }
        inspection = inspection.withApology(code);
        progress.touch(at);
    }

    private void requireStatus(String action, ClaimStatus... allowed) {
        progress.require(action, rma, Set.of(allowed));
    }

    private void requireType(String action, RequestType required) {
        if (type != required) {
            throw ClaimWorkflowViolation.notFor(action, rma, type);
        }
    }

    // ---- reads -------------------------------------------------------------------------------

    ClaimId id() {
        return new ClaimId(id);
    }

    String rma() {
        return rma;
    }

    RequestType type() {
        return type;
    }

    ReturnReason reason() {
        return reason;
    }

    ClaimStatus status() {
        return progress.status();
    }

    StorefrontId storefront() {
        return new StorefrontId(storefrontId);
    }

    OrderId order() {
        return new OrderId(orderId);
    }

    CustomerId customer() {
        return new CustomerId(customerId);
    }

    ClaimChannel channel() {
        return channel;
    }

    /** Whether a storefront's retry of the request that opened this claim sent the same request. */
    boolean openedBySameRequest(byte[] fingerprint) {
        return request != null && request.sameRequestAs(fingerprint);
    }

    String customerNote() {
        return customerNote;
    }

    String rejectionReason() {
        return rejectionReason;
    }

    TermsSnapshot terms() {
        return terms;
    }

    RefundRecord refundRecord() {
        return refund;
    }

    /** Null unless a paid repair was quoted. */
    RepairQuote repairQuote() {
        return quote;
    }

    Inspection inspection() {
        return inspection;
    }

    /** Null until an exchange was shipped with a tracking number. */
    ExchangeShipment exchange() {
        return exchange;
    }

    /** The bank account as held: encrypted and masked, or erased; null when none was ever given. */
    BankAccountReference bankAccount() {
        return bankAccount;
    }

    boolean needsBankAccount() {
        return refund.byTransfer() && !holdsBankAccount() && status().isOpen();
    }

    Instant requestedAt() {
        return requestedAt;
    }

    /** The claim's status, when its outcome was decided and closed, and its history. */
    ClaimProgress progress() {
        return progress;
    }

    String currency() {
        return currency;
    }

    List<ClaimLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    private boolean holdsBankAccount() {
        return bankAccount != null && bankAccount.isHeld();
    }
}
