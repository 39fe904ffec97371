package com.aftercare.returns;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.claim.Claim;
import com.aftercare.domain.claim.ClaimChannel;
import com.aftercare.domain.claim.ClaimEvents.ClaimOpened;
import com.aftercare.domain.claim.ClaimEvents.ClaimResolved;
import com.aftercare.domain.claim.ClaimId;
import com.aftercare.domain.claim.ClaimLine;
import com.aftercare.domain.claim.ClaimRepository;
import com.aftercare.domain.claim.ClaimStatus;
import com.aftercare.domain.claim.GuaranteeTerms;
import com.aftercare.domain.claim.Payer;
import com.aftercare.domain.claim.RefundRoute;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.claim.Settlement;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailOutbox;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.OrderStatus;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Text;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.returns.policy.DeliveryDate;
import com.aftercare.returns.policy.Eligibility;
import com.aftercare.returns.policy.EligibilityRules;
import com.aftercare.returns.policy.ProductPolicy;
import com.aftercare.returns.policy.RefundCalculation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After-sales claims: the one way into the returns module for the portal, the API and the
 * console. A customer's request is checked against the product's policy on the server
 * ({@link EligibilityRules}) and gets an RMA number; operators move it through
 * {@link ClaimStatus}; every move mails the customer through the outbox and is recorded in the
 * claim's history. Refusals: a bad input names its field ({@link InvalidValue}), a request the
 * rules refuse is {@link ClaimNotEligible}, a step the workflow does not allow is
 * {@link com.aftercare.domain.claim.ClaimWorkflowViolation}, an unknown claim or order is
 * {@link NotFound}. Each command runs in one transaction: a refusal writes nothing.
 *
 * <p>Claims are addressed by their RMA number ({@code RMA-2026-000123}).
 */
@Service
public class Claims {

    private static final Set<RequestType> SENT_BACK =
            Set.of(RequestType.RETURN, RequestType.EXCHANGE, RequestType.REFUND_GUARANTEE);

    private final ClaimRepository claims;
    private final Orders orders;
    private final Customers customers;
    private final Operators operators;
    private final ProductPolicies policies;
    private final BankAccountCipher cipher;
    private final ClaimCoupons coupons;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ShopProperties shop;
    private final ReturnsProperties properties;
    private final Clock clock;

    Claims(
            ClaimRepository claims,
            Orders orders,
            Customers customers,
            Operators operators,
            ProductPolicies policies,
            BankAccountCipher cipher,
            ClaimCoupons coupons,
            MailOutbox outbox,
            AuditLog audit,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            ShopProperties shop,
            ReturnsProperties properties,
            Clock clock) {
        this.claims = claims;
        this.orders = orders;
        this.customers = customers;
        this.operators = operators;
        this.policies = policies;
        this.cipher = cipher;
        this.coupons = coupons;
        this.outbox = outbox;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
        this.shop = shop;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- commands ----------------------------------------------------------------------------

    /** One line asked for: the order's SKU, how many, and for an exchange the variant wanted (optional). */
    public record LineRequest(String sku, Integer quantity, String exchangeSku) {}

    /**
     * A customer's request.
     *
     * @param storefront the storefront the order was placed at (the API's caller; the portal's order)
     * @param settlement for a return: REFUND (default) or STORE_CREDIT
     * @param surveyAnswered the customer answered the survey some guarantee terms ask for
     * @param clientRequestId a storefront's idempotency key: the same key with the same request
     *     answers the first claim again; with a different request, {@link ClaimRequestConflict}
     * @param requestFingerprint what tells "the same request" apart (a hash of the body); needed
     *     with {@code clientRequestId}
     * @param openedBy {@link Claim#CUSTOMER}, or the operator's username for a claim taken down in the console
     */
    public record OpenClaim(
            StorefrontId storefront,
            String orderNumber,
            RequestType type,
            ReturnReason reason,
            List<LineRequest> lines,
            Settlement settlement,
            String note,
            boolean surveyAnswered,
            ClaimChannel channel,
            String clientRequestId,
            byte[] requestFingerprint,
            String openedBy) {}

    /** The RMA number; {@code existing} when an idempotent retry found the claim its first try opened. */
    public record Opened(String rma, ClaimStatus status, boolean existing) {}

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

    // ---- views -------------------------------------------------------------------------------

    /** What one order line allows for a request type and reason: shown before the customer submits. */
    public record LineEligibility(
            int lineNo,
            String sku,
            String name,
            int bought,
            int alreadyClaimed,
            int claimable,
            Eligibility eligibility) {}

    /**
     * What an order allows. {@code refusal} is a message key when nothing at all is possible
     * (cancelled, not delivered yet); then {@code lines} is empty.
     */
    public record OrderEligibility(String refusal, List<LineEligibility> lines) {

        public boolean possible() {
            return refusal == null
                    && lines.stream()
                            .anyMatch(l -> l.claimable() > 0 && l.eligibility().allowed());
        }
    }

    public record LineView(
            int orderLineNo,
            String sku,
            String name,
            String category,
            int quantity,
            long unitPriceYen,
            long amountYen,
            String exchangeSku) {}

    public record HistoryView(ClaimStatus from, ClaimStatus to, String actor, String note, Instant at) {}

    /** A claim as callers see it; the bank account only masked. */
    public record ClaimView(
            ClaimId id,
            String rma,
            RequestType type,
            ReturnReason reason,
            ClaimStatus status,
            StorefrontId storefront,
            OrderId order,
            String orderNumber,
            CustomerId customer,
            ClaimChannel channel,
            Settlement settlement,
            String customerNote,
            String rejectionReason,
            Claim.EligibilitySnapshot eligibility,
            GuaranteeTerms guaranteeTerms,
            String paymentMethod,
            RefundRoute refundRoute,
            Claim.RefundAmounts refund,
            Long storeCreditYen,
            String couponCode,
            String apologyCouponCode,
            Long quoteYen,
            boolean damageConfirmed,
            String inspectionNote,
            String exchangeTracking,
            String bankAccountMasked,
            boolean needsBankAccount,
            Instant bankAccountErasedAt,
            long linesValueYen,
            Instant requestedAt,
            Instant resolvedAt,
            Instant closedAt,
            List<LineView> lines,
            List<HistoryView> history,
            Set<ClaimAction> actions) {}

    /** One claim in a list (an order's claims, a customer's timeline). */
    public record ClaimSummary(
            String rma,
            RequestType type,
            ReturnReason reason,
            ClaimStatus status,
            String orderNumber,
            Instant requestedAt,
            Instant resolvedAt) {}

    // ---- opening -----------------------------------------------------------------------------

    /**
     * Opens a claim: finds the storefront's order, checks every line against the order (SKU,
     * quantity still claimable) and against the product's policy, snapshots the eligibility (and
     * the guarantee terms), numbers it, mails the confirmation and publishes {@link ClaimOpened}.
     */
    @Transactional
    public Opened open(OpenClaim command) {
        if (command.storefront() == null) {
            throw new InvalidValue("storefront", "must not be null");
        }
        if (command.type() == null) {
            throw new InvalidValue("type", "must be one of " + Arrays.toString(RequestType.values()));
        }
        if (command.reason() == null) {
            throw new InvalidValue("reason", "must be one of " + Arrays.toString(ReturnReason.values()));
        }
        String note = optionalText("note", command.note(), 2000);
        String requestId = optionalText("requestId", command.clientRequestId(), 200);
        if (requestId != null) {
            lock("claim-request:" + command.storefront().value() + ":" + requestId);
            Optional<Claim> earlier = claims.findByStorefrontIdAndClientRequestId(
                    command.storefront().value(), requestId);
            if (earlier.isPresent()) {
                if (!Arrays.equals(earlier.get().requestSha256(), command.requestFingerprint())) {
                    throw new ClaimRequestConflict(requestId, earlier.get().rma());
                }
                return new Opened(earlier.get().rma(), earlier.get().status(), true);
            }
        }
        OrderView order = orderOf(command.storefront(), command.orderNumber());
        // One claim at a time per order: what is "already claimed" must not change under us.
        lock("claim-order:" + order.id().value());
        LocalDate deliveredOn = deliveredOn(order).orElse(null);
        List<LineRequest> requested = command.lines() == null ? List.of() : command.lines();
        if (requested.isEmpty()) {
            throw new InvalidValue("lines", "must hold at least one line");
        }
        if (command.type() == RequestType.REFUND_GUARANTEE && requested.size() > 1) {
            throw new InvalidValue("lines", "a refund-guarantee claim covers one product");
        }
        LocalDate today = today();
        List<ClaimLine.Spec> lines = new ArrayList<>();
        List<Eligibility> decided = new ArrayList<>();
        GuaranteeTerms terms = null;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String field = "lines[" + i + "]";
            LineRequest line = requested.get(i);
            if (line == null) {
                throw new InvalidValue(field, "must not be null");
            }
            OrderView.Line bought = boughtLine(order, field, line.sku());
            if (!seen.add(bought.sku())) {
                throw new InvalidValue(field + ".sku", "is named twice");
            }
            if (line.quantity() == null || line.quantity() < 1) {
                throw new InvalidValue(field + ".quantity", "must be at least 1");
            }
            int claimable = bought.quantity() - alreadyClaimed(order.id(), bought.lineNo(), command.type());
            if (line.quantity() > claimable) {
                throw new InvalidValue(
                        field + ".quantity",
                        claimable <= 0
                                ? "nothing of this line can be claimed any more"
                                : "at most " + claimable + " can be claimed (bought " + bought.quantity() + ")");
            }
            String exchangeSku = optionalText(field + ".exchangeSku", line.exchangeSku(), 100);
            if (exchangeSku != null && command.type() != RequestType.EXCHANGE) {
                throw new InvalidValue(field + ".exchangeSku", "is only for exchanges");
            }
            requireDeliveredAndOpen(order, deliveredOn, today);
            ProductPolicy policy = policies.of(bought.sku(), bought.category());
            Eligibility eligibility = EligibilityRules.evaluate(
                    command.type(),
                    command.reason(),
                    policy,
                    deliveredOn,
                    today,
                    history(order, bought.sku(), command.surveyAnswered()));
            if (!eligibility.allowed()) {
                throw new ClaimNotEligible(field, eligibility.reason(), eligibility.arguments());
            }
            if (command.type() == RequestType.REFUND_GUARANTEE) {
                terms = termsOf(policy.guarantee());
            }
            decided.add(eligibility);
            lines.add(new ClaimLine.Spec(
                    bought.lineNo(),
                    bought.sku(),
                    bought.name(),
                    bought.category(),
                    line.quantity(),
                    bought.unitPrice().minor(),
                    exchangeSku));
        }
        Instant now = clock.instant();
        Claim claim = claims.saveAndFlush(Claim.open(new Claim.Opening(
                nextRma(now),
                command.type(),
                command.reason(),
                order.storefront(),
                order.id(),
                order.customer(),
                command.channel() == null ? ClaimChannel.API : command.channel(),
                requestId,
                requestId == null ? null : command.requestFingerprint(),
                command.settlement(),
                note,
                combined(decided),
                terms,
                order.paymentMethod(),
                lines,
                command.openedBy(),
                now)));
        mail(claim, order, now);
        events.publishEvent(new ClaimOpened(
                claim.id(),
                claim.rma(),
                claim.type(),
                claim.reason(),
                claim.storefront(),
                claim.order(),
                claim.customer(),
                now));
        return new Opened(claim.rma(), claim.status(), false);
    }

    /**
     * What each line of the order allows for this request type and reason, as the portal shows it
     * before the customer submits. The same rules {@link #open} enforces.
     */
    @Transactional(readOnly = true)
    public OrderEligibility eligibility(
            OrderId orderId, RequestType type, ReturnReason reason, boolean surveyAnswered) {
        OrderView order = orders.find(orderId).orElseThrow(() -> NotFound.order(String.valueOf(orderId.value())));
        LocalDate today = today();
        LocalDate deliveredOn = deliveredOn(order).orElse(null);
        try {
            requireDeliveredAndOpen(order, deliveredOn, today);
        } catch (ClaimNotEligible e) {
            return new OrderEligibility(e.messageKey(), List.of());
        }
        List<LineEligibility> lines = new ArrayList<>();
        for (OrderView.Line line : order.lines()) {
            int claimed = alreadyClaimed(order.id(), line.lineNo(), type);
            Eligibility eligibility = EligibilityRules.evaluate(
                    type,
                    reason,
                    policies.of(line.sku(), line.category()),
                    deliveredOn,
                    today,
                    history(order, line.sku(), surveyAnswered));
            lines.add(new LineEligibility(
                    line.lineNo(),
                    line.sku(),
                    line.name(),
                    line.quantity(),
                    claimed,
                    Math.max(0, line.quantity() - claimed),
                    eligibility));
        }
        return new OrderEligibility(null, lines);
    }

    /**
     * The refund-guarantee terms a product is sold under (empty without a guarantee), for the
     * portal to show before the customer asks: the same terms {@link #open} snapshots.
     */
    @Transactional(readOnly = true)
    public Optional<GuaranteeTerms> guaranteeTerms(String sku, String category) {
        return Optional.ofNullable(policies.of(sku, category).guarantee()).map(Claims::termsOf);
    }

    private static GuaranteeTerms termsOf(ProductPolicy.RefundGuarantee g) {
        return new GuaranteeTerms(
                g.periodDays(),
                g.minimumUseDays(),
                g.surveyRequired(),
                g.oncePerCustomerAndProduct(),
                g.returnShipping());
    }

    // ---- the workflow ------------------------------------------------------------------------

    @Transactional
    public void approve(String rma, String operator, String note) {
        String by = activeOperator(operator);
        String text = optionalText("note", note, 1000);
        transition(rma, c -> c.approve(by, text, clock.instant()));
    }

    /** Refuses the claim; {@code reasonForCustomer} is mailed to the customer and shown to them. */
    @Transactional
    public void reject(String rma, String operator, String reasonForCustomer) {
        String by = activeOperator(operator);
        transition(rma, c -> c.reject(reasonForCustomer, by, clock.instant()));
    }

    /** A repair outside the warranty: the customer gets {@code yen} to accept or decline. */
    @Transactional
    public void quote(String rma, String operator, long yen) {
        String by = activeOperator(operator);
        transition(rma, c -> c.quote(yen, by, clock.instant()));
    }

    /** The customer accepts the repair quote (portal). */
    @Transactional
    public void acceptQuote(String rma) {
        transition(rma, c -> c.acceptQuote(clock.instant()));
    }

    /** The customer declines the repair quote (portal). */
    @Transactional
    public void declineQuote(String rma) {
        transition(rma, c -> c.declineQuote(clock.instant()));
    }

    @Transactional
    public void awaitItem(String rma, String operator) {
        String by = activeOperator(operator);
        transition(rma, c -> c.awaitItem(by, clock.instant()));
    }

    @Transactional
    public void receive(String rma, String operator) {
        String by = activeOperator(operator);
        transition(rma, c -> c.receive(by, clock.instant()));
    }

    /**
     * @param damageConfirmed the item did arrive damaged in transit: the customer is offered an
     *     apology coupon with the mail of this step
     */
    @Transactional
    public void inspect(String rma, String operator, String note, boolean damageConfirmed) {
        String by = activeOperator(operator);
        transition(rma, c -> {
            c.inspect(note, damageConfirmed, by, clock.instant());
            if (damageConfirmed) {
                coupons.apology(c)
                        .ifPresent(coupon -> c.offerApology(coupon.code().display(), clock.instant()));
            }
        });
    }

    /**
     * Records the refund (or, for a return settled in store credit, the credit, issued as a coupon
     * code through the coupon core) worked out by {@link RefundCalculation}. A refund by transfer needs the customer's bank account, which is
     * erased once the refund is recorded.
     *
     * @return the amount refunded, in yen
     */
    @Transactional
    public long refund(Refund command) {
        String by = activeOperator(command.operator());
        if (command.kind() == null) {
            throw new InvalidValue("kind", "must be FULL or PARTIAL");
        }
        long[] total = new long[1];
        transition(command.rma(), c -> {
            Claim.RefundAmounts amounts = amounts(c, command);
            c.refund(amounts, by, clock.instant());
            if (c.refundRoute() == RefundRoute.STORE_CREDIT) {
                coupons.storeCredit(c, amounts.total())
                        .ifPresent(coupon -> c.attachCoupon(coupon.code().display(), clock.instant()));
            }
            total[0] = amounts.total();
        });
        return total[0];
    }

    @Transactional
    public void shipExchange(String rma, String operator, String trackingNumber) {
        String by = activeOperator(operator);
        transition(rma, c -> c.shipExchange(trackingNumber, by, clock.instant()));
    }

    @Transactional
    public void markRepaired(String rma, String operator) {
        String by = activeOperator(operator);
        transition(rma, c -> c.markRepaired(by, clock.instant()));
    }

    @Transactional
    public void close(String rma, String operator) {
        String by = activeOperator(operator);
        transition(rma, c -> c.close(by, clock.instant()));
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
        Claim claim = load(rma);
        claim.keepBankAccount(cipher.encrypt(account.serialized(), claim.rma()), account.masked(), clock.instant());
    }

    /**
     * The full bank account, for the operator who makes the transfer. Every opening is audited.
     *
     * @return empty when the claim holds no account (none given, or erased after the refund)
     */
    @Transactional
    public Optional<BankAccount> revealBankAccount(String rma, String operator) {
        String by = activeOperator(operator);
        Claim claim = claims.findByRma(rma).orElseThrow(() -> NotFound.claim(rma));
        byte[] stored = claim.bankAccountEncrypted();
        if (stored == null) {
            return Optional.empty();
        }
        audit.record(by, "claim.bank-account.revealed", "claim", claim.rma(), Map.of());
        return Optional.of(BankAccount.parse(cipher.decrypt(stored, claim.rma())));
    }

    // ---- reads -------------------------------------------------------------------------------

    /** For the console: any claim. */
    @Transactional(readOnly = true)
    public Optional<ClaimView> byRma(String rma) {
        return claims.findByRma(rma).map(this::view);
    }

    /** For the API: only the storefront's own claims (another's answers empty, like an unknown one). */
    @Transactional(readOnly = true)
    public Optional<ClaimView> byRma(StorefrontId storefront, String rma) {
        return claims.findByRmaAndStorefrontId(rma, storefront.value()).map(this::view);
    }

    /** The claims about an order, newest first. */
    @Transactional(readOnly = true)
    public List<ClaimSummary> forOrder(OrderId order) {
        return summaries("c.order_id = :id", order.value());
    }

    /** A customer's claims, newest first (at most 500), for their timeline. */
    @Transactional(readOnly = true)
    public List<ClaimSummary> forCustomer(CustomerId customer) {
        return summaries("c.customer_id = :id", customer.value());
    }

    // ---- inside ------------------------------------------------------------------------------

    private List<ClaimSummary> summaries(String condition, long id) {
        return jdbc.sql("""
                        select c.rma, c.type, c.reason, c.status, o.order_number, c.requested_at, c.resolved_at
                          from claim c join customer_order o on o.id = c.order_id
                         where %s
                         order by c.requested_at desc, c.id desc
                         limit 500
                        """.formatted(condition))
                .param("id", id)
                .query((rs, i) -> new ClaimSummary(
                        rs.getString(1),
                        RequestType.valueOf(rs.getString(2)),
                        ReturnReason.valueOf(rs.getString(3)),
                        ClaimStatus.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Applies one step under the row lock, mails the customer, and announces a decided outcome once. */
    private void transition(String rma, Consumer<Claim> step) {
        Claim claim = load(rma);
        boolean wasResolved = claim.resolvedAt() != null;
        step.accept(claim);
        claims.saveAndFlush(claim);
        OrderView order = orders.find(claim.order()).orElseThrow(() -> new IllegalStateException("Order vanished"));
        Instant now = clock.instant();
        mail(claim, order, now);
        if (!wasResolved && claim.resolvedAt() != null) {
            events.publishEvent(new ClaimResolved(
                    claim.id(), claim.rma(), claim.order(), claim.customer(), claim.status(), claim.resolvedAt()));
        }
    }

    private Claim.RefundAmounts amounts(Claim claim, Refund command) {
        List<Long> values = claim.lines().stream().map(ClaimLine::amountYen).toList();
        RefundCalculation.Refund refund;
        if (command.kind() == RefundKind.PARTIAL) {
            if (command.amountYen() == null) {
                throw new InvalidValue("amount", "is needed for a partial refund");
            }
            try {
                refund = RefundCalculation.partial(values, command.amountYen());
            } catch (IllegalArgumentException e) {
                throw new InvalidValue("amount", e.getMessage());
            }
        } else {
            if (command.restockingPercent() < 0 || command.restockingPercent() > 100) {
                throw new InvalidValue("restockingPercent", "must be 0-100");
            }
            if (command.returnShippingYen() < 0) {
                throw new InvalidValue("returnShipping", "must not be negative");
            }
            if (command.returnShippingYen() > 0 && claim.eligibility().returnShipping() != Payer.CUSTOMER) {
                throw new InvalidValue("returnShipping", "the shop pays return shipping for this claim");
            }
            refund = RefundCalculation.full(values, command.restockingPercent(), command.returnShippingYen());
        }
        return new Claim.RefundAmounts(refund.lines(), refund.restockingFee(), refund.returnShipping(), refund.total());
    }

    private void mail(Claim claim, OrderView order, Instant now) {
        CustomerView customer = customers
                .find(claim.customer())
                .orElseThrow(() -> new IllegalStateException("Customer " + claim.customer() + " vanished"));
        outbox.enqueue(ClaimMail.of(
                claim,
                new ClaimMail.Context(
                        customer, order.number(), order.isDiscreet(), shop.name(), shop.publicUrl() + "/portal"),
                now));
    }

    private ClaimView view(Claim c) {
        String orderNumber = orders.find(c.order()).map(OrderView::number).orElse(null);
        return new ClaimView(
                c.id(),
                c.rma(),
                c.type(),
                c.reason(),
                c.status(),
                c.storefront(),
                c.order(),
                orderNumber,
                c.customer(),
                c.channel(),
                c.settlement(),
                c.customerNote(),
                c.rejectionReason(),
                c.eligibility(),
                c.guaranteeTerms(),
                c.paymentMethod(),
                c.refundRoute(),
                c.refund(),
                c.storeCreditYen(),
                c.couponCode(),
                c.apologyCouponCode(),
                c.quoteYen(),
                c.damageConfirmed(),
                c.inspectionNote(),
                c.exchangeTracking(),
                c.bankAccountMasked(),
                c.needsBankAccount(),
                c.bankAccountErasedAt(),
                c.linesValueYen(),
                c.requestedAt(),
                c.resolvedAt(),
                c.closedAt(),
                c.lines().stream()
                        .map(l -> new LineView(
                                l.orderLineNo(),
                                l.sku(),
                                l.productName(),
                                l.category(),
                                l.quantity(),
                                l.unitPriceYen(),
                                l.amountYen(),
                                l.exchangeSku()))
                        .toList(),
                c.history().stream()
                        .map(h -> new HistoryView(h.from(), h.to(), h.actor(), h.note(), h.at()))
                        .toList(),
                ClaimAction.allowedFor(c.type(), c.status(), c.eligibility().free()));
    }

    private OrderView orderOf(StorefrontId storefront, String orderNumber) {
        if (orderNumber == null || orderNumber.isBlank()) {
            throw new InvalidValue("orderNumber", "must not be blank");
        }
        OrderNumber number;
        try {
            number = new OrderNumber(orderNumber.strip());
        } catch (InvalidValue e) {
            throw new InvalidValue("orderNumber", e.getMessage());
        }
        return orders.find(storefront, number).orElseThrow(() -> NotFound.order(number.value()));
    }

    private static OrderView.Line boughtLine(OrderView order, String field, String sku) {
        if (sku == null || sku.isBlank()) {
            throw new InvalidValue(field + ".sku", "must not be blank");
        }
        return order.lines().stream()
                .filter(l -> l.sku().equals(sku.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidValue(field + ".sku", "is not a line of this order"));
    }

    private static void requireDeliveredAndOpen(OrderView order, LocalDate deliveredOn, LocalDate today) {
        if (order.status() == OrderStatus.CANCELLED) {
            throw new ClaimNotEligible("orderNumber", "eligibility.orderCancelled", List.of());
        }
        if (deliveredOn == null || deliveredOn.isAfter(today)) {
            throw new ClaimNotEligible("orderNumber", "eligibility.notDeliveredYet", List.of());
        }
    }

    private Optional<LocalDate> deliveredOn(OrderView order) {
        return DeliveryDate.of(order.deliveredAt(), order.shippedAt(), properties.transitAllowanceDays(), shop.zone());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), shop.zone());
    }

    /** Units of the line already in claims of the same kind that were not refused. */
    private int alreadyClaimed(OrderId order, int lineNo, RequestType type) {
        List<String> types =
                SENT_BACK.contains(type) ? SENT_BACK.stream().map(Enum::name).toList() : List.of(type.name());
        return jdbc.sql("""
                        select coalesce(sum(l.quantity), 0) from claim_line l join claim c on c.id = l.claim_id
                         where c.order_id = :order and l.order_line_no = :line and c.type in (:types)
                           and c.status not in ('REJECTED', 'QUOTE_DECLINED')
                        """)
                .param("order", order.value())
                .param("line", lineNo)
                .param("types", types)
                .query(Integer.class)
                .single();
    }

    private EligibilityRules.History history(OrderView order, String sku, boolean surveyAnswered) {
        boolean usedBefore = jdbc.sql("""
                        select count(*) from claim c join claim_line l on l.claim_id = c.id
                         where c.customer_id = :customer and l.sku = :sku and c.type = 'REFUND_GUARANTEE'
                           and c.status not in ('REJECTED', 'QUOTE_DECLINED')
                        """)
                        .param("customer", order.customer().value())
                        .param("sku", sku)
                        .query(Long.class)
                        .single()
                > 0;
        return new EligibilityRules.History(usedBefore, surveyAnswered);
    }

    /**
     * What a multi-line claim tells the customer: the earliest deadline, the customer pays return
     * shipping if they do for any line, free only if every line is, the fees added up.
     */
    private static Claim.EligibilitySnapshot combined(List<Eligibility> lines) {
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
        return new Claim.EligibilitySnapshot(lines.get(0).reason(), until, payer, free, fee);
    }

    private String nextRma(Instant now) {
        long number =
                jdbc.sql("select nextval('claim_rma_seq')").query(Long.class).single();
        return "RMA-%d-%06d".formatted(ZonedDateTime.ofInstant(now, shop.zone()).getYear(), number);
    }

    private void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                .param("key", key)
                .query()
                .singleValue();
    }

    private Claim load(String rma) {
        return (rma == null ? Optional.<Claim>empty() : claims.lockByRma(rma)).orElseThrow(() -> NotFound.claim(rma));
    }

    private String activeOperator(String username) {
        return Optional.ofNullable(username)
                .flatMap(operators::find)
                .filter(Operators.Account::enabled)
                .map(Operators.Account::username)
                .orElseThrow(() -> new InvalidValue("operator", "is not an enabled operator"));
    }

    private static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidValue(field, "must be at most " + max + " characters");
        }
        if (Text.hasControlCharacters(text, true)) {
            throw new InvalidValue(field, "must not contain control characters");
        }
        return text;
    }
}
