package com.aftercare.returns;

import com.aftercare.domain.claim.ClaimEvents.ClaimOpened;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.returns.policy.Eligibility;
import com.aftercare.returns.policy.EligibilityRules;
import com.aftercare.returns.policy.GuaranteeTerms;
import com.aftercare.returns.policy.ProductPolicy;
import com.aftercare.returns.variants.ExchangeVariants;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asking for a claim, for the portal, the API and the console: what an order allows before the
 * customer submits, and opening the claim. A request is checked against the order and the
 * product's policy on the server ({@link EligibilityRules}) before anything is written, gets an RMA
 * number ({@code RMA-2026-000123}), mails the confirmation through the outbox and publishes
 * {@link ClaimOpened}. Refusals: a bad input names its field ({@link InvalidValue}), a request the
 * rules refuse is {@link ClaimNotEligible}, an unknown order is {@link NotFound}, a reused
 * idempotency key with another request is {@link ClaimRequestConflict}. A new claim is then
 * screened ({@link ClaimScreening}: fraud signals, the storefront's automatic approval rules). One
 * transaction: a refusal writes nothing.
 */
@Service
public class ClaimRequests {

    /** The actor to give as {@code openedBy} when the customer asks (portal, storefront). */
    public static final String CUSTOMER = Claim.CUSTOMER;

    private final ClaimRepository claims;
    private final Orders orders;
    private final ClaimEligibility eligibility;
    private final ClaimPhotos photos;
    private final ClaimMailer mailer;
    private final ExchangeVariants variants;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ShopProperties shop;
    private final Clock clock;
    private final ClaimScreening screening;

    ClaimRequests(
            ClaimRepository claims,
            Orders orders,
            ClaimEligibility eligibility,
            ClaimPhotos photos,
            ClaimMailer mailer,
            ExchangeVariants variants,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            ShopProperties shop,
            Clock clock,
            ClaimScreening screening) {
        this.claims = claims;
        this.orders = orders;
        this.eligibility = eligibility;
        this.photos = photos;
        this.mailer = mailer;
        this.variants = variants;
        this.jdbc = jdbc;
        this.events = events;
        this.shop = shop;
        this.clock = clock;
        this.screening = screening;
    }

    /**
     * One line asked for: the order's SKU, how many, and for an exchange the variant wanted: another
     * variant of the same product at the storefront, or the same SKU (null: the same SKU).
     */
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
     * @param openedBy {@link #CUSTOMER}, or the operator's username for a claim taken down in the console
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

    /**
     * Opens a claim: finds the storefront's order, checks every line against the order (SKU,
     * quantity still claimable) and against the product's policy, snapshots the eligibility (and
     * the guarantee terms), numbers it, mails the confirmation and publishes {@link ClaimOpened}.
     */
    @Transactional
    public Opened open(OpenClaim command) {
        return open(command, List.of());
    }

    /**
     * Opens a claim with the photos the customer attached ({@link ClaimPhotos#check}), in one
     * transaction: a refused photo leaves no claim behind.
     */
    @Transactional
    public Opened open(OpenClaim command, List<byte[]> attachedPhotos) {
        ClaimPhotos.check(attachedPhotos);
        Opened opened = openChecked(command);
        if (opened.existing()) {
            return opened;
        }
        photos.attach(opened.rma(), attachedPhotos);
        // signals and the storefront's automatic rules, before the customer is answered
        return new Opened(opened.rma(), screening.screen(opened.rma()), false);
    }

    /**
     * What each line of the order allows for this request type and reason, as the portal shows it
     * before the customer submits. The same rules {@link #open} enforces.
     */
    @Transactional(readOnly = true)
    public OrderEligibility eligibility(
            OrderId orderId, RequestType type, ReturnReason reason, boolean surveyAnswered) {
        OrderView order = orders.find(orderId).orElseThrow(() -> NotFound.order(String.valueOf(orderId.value())));
        ClaimEligibility.OrderToday today = eligibility.today(order);
        try {
            today.requireDeliveredAndOpen();
        } catch (ClaimNotEligible e) {
            return new OrderEligibility(e.messageKey(), List.of());
        }
        List<LineEligibility> lines = new ArrayList<>();
        for (OrderView.Line line : order.lines()) {
            int claimed = eligibility.alreadyClaimed(order.id(), line.lineNo(), type);
            lines.add(new LineEligibility(
                    line.lineNo(),
                    line.sku(),
                    line.name(),
                    line.quantity(),
                    claimed,
                    Math.max(0, line.quantity() - claimed),
                    eligibility.evaluate(today, line, eligibility.policyOf(line), type, reason, surveyAnswered)));
        }
        return new OrderEligibility(null, lines);
    }

    /**
     * The refund-guarantee terms a product is sold under (empty without a guarantee), for the
     * portal to show before the customer asks: the same terms {@link #open} snapshots.
     */
    @Transactional(readOnly = true)
    public Optional<GuaranteeTerms> guaranteeTerms(String sku, String category) {
        return Optional.ofNullable(eligibility.policyOf(sku, category).guarantee());
    }

    private Opened openChecked(OpenClaim command) {
        if (command.storefront() == null) {
            throw new InvalidValue("storefront", "must not be null");
        }
        if (command.type() == null) {
            throw new InvalidValue("type", "must be one of " + Arrays.toString(RequestType.values()));
        }
        if (command.reason() == null) {
            throw new InvalidValue("reason", "must be one of " + Arrays.toString(ReturnReason.values()));
        }
        String note = ClaimText.optional("note", command.note(), 2000);
        String requestId = ClaimText.optional("requestId", command.clientRequestId(), ClientRequest.MAX_LENGTH);
        if (requestId != null) {
            TransactionLocks.hold(jdbc, "claim-request:" + command.storefront().value() + ":" + requestId);
            Optional<Claim> earlier =
                    claims.findByClientRequest(command.storefront().value(), requestId);
            if (earlier.isPresent()) {
                if (!earlier.get().openedBySameRequest(command.requestFingerprint())) {
                    throw new ClaimRequestConflict(requestId, earlier.get().rma());
                }
                return new Opened(earlier.get().rma(), earlier.get().status(), true);
            }
        }
        OrderView order = orderOf(command.storefront(), command.orderNumber());
        // One claim at a time per order: what is "already claimed" must not change under us.
        TransactionLocks.hold(jdbc, "claim-order:" + order.id().value());
        List<LineRequest> requested = command.lines() == null ? List.of() : command.lines();
        if (requested.isEmpty()) {
            throw new InvalidValue("lines", "must hold at least one line");
        }
        if (command.type() == RequestType.REFUND_GUARANTEE && requested.size() > 1) {
            throw new InvalidValue("lines", "a refund-guarantee claim covers one product");
        }
        ClaimEligibility.OrderToday today = eligibility.today(order);
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
            if (command.type() == RequestType.REFUND_GUARANTEE) {
                // "Once per customer and product" spans orders and storefronts, which the order's lock
                // does not cover: two tabs, a double submit, the portal and the API at the same moment
                // go one after the other here, and the second sees the first's claim.
                TransactionLocks.hold(
                        jdbc, "claim-guarantee:" + order.customer().value() + ":" + bought.sku());
            }
            if (!seen.add(bought.sku())) {
                throw new InvalidValue(field + ".sku", "is named twice");
            }
            if (line.quantity() == null || line.quantity() < 1) {
                throw new InvalidValue(field + ".quantity", "must be at least 1");
            }
            int claimable = bought.quantity() - eligibility.alreadyClaimed(order.id(), bought.lineNo(), command.type());
            if (line.quantity() > claimable) {
                throw new InvalidValue(
                        field + ".quantity",
                        claimable <= 0
                                ? "nothing of this line can be claimed any more"
                                : "at most " + claimable + " can be claimed (bought " + bought.quantity() + ")");
            }
            String exchangeSku = ClaimText.optional(field + ".exchangeSku", line.exchangeSku(), 100);
            if (exchangeSku != null && command.type() != RequestType.EXCHANGE) {
                throw new InvalidValue(field + ".exchangeSku", "is only for exchanges");
            }
            if (exchangeSku != null) {
                exchangeSku = variants.requireVariantOfSameProduct(
                        order.storefront(), bought.sku(), exchangeSku, field + ".exchangeSku");
            }
            today.requireDeliveredAndOpen();
            ProductPolicy policy = eligibility.policyOf(bought);
            Eligibility verdict = eligibility.evaluate(
                    today, bought, policy, command.type(), command.reason(), command.surveyAnswered());
            if (!verdict.allowed()) {
                throw new ClaimNotEligible(field, verdict.reason(), verdict.arguments());
            }
            if (command.type() == RequestType.REFUND_GUARANTEE) {
                terms = policy.guarantee();
            }
            decided.add(verdict);
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
        Claim claim = claims.saveAndFlush(Claim.open(new ClaimOpening(
                nextRma(now),
                command.type(),
                command.reason(),
                order.storefront(),
                order.id(),
                order.customer(),
                command.channel() == null ? ClaimChannel.API : command.channel(),
                requestId == null ? null : new ClientRequest(requestId, command.requestFingerprint()),
                command.settlement(),
                note,
                new TermsSnapshot(EligibilitySnapshot.combining(decided), terms),
                order.paymentMethod(),
                lines,
                command.openedBy(),
                now)));
        mailer.mail(claim, order);
        events.publishEvent(new ClaimOpened(
                claim.id(),
                claim.rma(),
                claim.type(),
                claim.reason(),
                claim.storefront(),
                claim.order(),
                claim.customer(),
                now,
                ClaimAnnouncements.details(claim, order)));
        return new Opened(claim.rma(), claim.status(), false);
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

    private String nextRma(Instant now) {
        long number =
                jdbc.sql("select nextval('claim_rma_seq')").query(Long.class).single();
        return "RMA-%d-%06d".formatted(ZonedDateTime.ofInstant(now, shop.zone()).getYear(), number);
    }
}
