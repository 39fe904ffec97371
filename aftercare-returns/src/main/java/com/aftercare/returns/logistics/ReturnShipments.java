package com.aftercare.returns.logistics;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Shipping;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.policy.Payer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One claim's way back. Before approval the customer is shown where the goods will go; once the
 * claim is approved (or the item asked for) the shipment is kept ({@code return_shipment}) with
 * the address and method decided then, and the customer may book a pick-up (when the shop pays
 * and the storefront offers it) and enter the parcel's tracking number. The caller (the portal)
 * has checked that the claim is the customer's own; every rule about what is allowed is here, and
 * a refusal ({@link PickupRefused}, {@link ReturnStepRefused}, an {@link InvalidValue} on
 * {@code trackingNumber}) writes nothing.
 */
@Service
public class ReturnShipments {

    private static final Set<ClaimStatus> SENDING = Set.of(ClaimStatus.APPROVED, ClaimStatus.AWAITING_ITEM);

    private final JdbcClient jdbc;
    private final ReturnLogisticsSetup setup;
    private final ShopProperties shop;
    private final AuditLog audit;
    private final Clock clock;

    ReturnShipments(JdbcClient jdbc, ReturnLogisticsSetup setup, ShopProperties shop, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.setup = setup;
        this.shop = shop;
        this.audit = audit;
        this.clock = clock;
    }

    /** The claim's way back, or empty when no goods travel (refused, a pending quote) or no address is set up. */
    @Transactional(readOnly = true)
    public Optional<ReturnPlan> plan(ClaimView claim) {
        Optional<Stored> stored = stored(claim);
        if (stored.isPresent()) {
            return Optional.of(planOf(claim, stored.get()));
        }
        ReturnState state = state(claim, null);
        if (state == null || state == ReturnState.RECEIVED) {
            return Optional.empty();
        }
        return decide(claim).map(s -> planOf(claim, s));
    }

    /** Books (or moves) the pick-up; a parcel exported before goes into the next export again. */
    @Transactional
    public ReturnPlan bookPickup(ClaimView claim, String date, String slot) {
        Stored shipment = lockForChange(claim);
        LogisticsSettings settings = setup.settings(claim.storefront());
        if (!pickupAllowed(claim, shipment, settings)) {
            throw new ReturnStepRefused(
                    ReturnStepRefused.Reason.PICKUP_NOT_OFFERED, "no pick-up for claim " + claim.rma());
        }
        PickupCalendar.Pickup pickup = calendar(claim).check(date, slot);
        jdbc.sql("""
                        update return_shipment
                           set method = 'PICKUP', pickup_date = :day, pickup_slot = :slot, exported_at = null
                         where claim_id = :id
                        """)
                .param("day", pickup.date())
                .param("slot", pickup.slot().name())
                .param("id", claim.id().value())
                .update();
        audit.record(
                ReturnShipments.CUSTOMER,
                "returns.pickup.booked",
                "claim",
                claim.rma(),
                AuditLog.details(
                        "day", pickup.date().toString(), "slot", pickup.slot().name()));
        return plan(claim).orElseThrow();
    }

    /** The customer's tracking number for the parcel (again: corrected); the console then shows it in transit. */
    @Transactional
    public ReturnPlan enterTracking(ClaimView claim, String typed) {
        TrackingNumber number = TrackingNumber.typed(typed);
        lockForChange(claim);
        jdbc.sql("""
                        update return_shipment set tracking_number = :number, tracking_entered_at = :at
                         where claim_id = :id
                        """)
                .param("number", number.value())
                .param("at", Timestamp.from(clock.instant()))
                .param("id", claim.id().value())
                .update();
        audit.record(
                CUSTOMER, "returns.tracking.entered", "claim", claim.rma(), Map.of("trackingNumber", number.value()));
        return plan(claim).orElseThrow();
    }

    /**
     * The return slip of the claim as a PDF, while it is useful (approved, goods not yet received);
     * empty otherwise. {@code labels} words it (message keys {@code slip.*}).
     */
    @Transactional(readOnly = true)
    public Optional<byte[]> slip(ClaimView claim, OrderView order, String shopName, Function<String, String> labels) {
        return plan(claim).filter(ReturnPlan::slipAvailable).map(plan -> {
            Shipping to = order.shipping() == null ? Shipping.none() : order.shipping();
            List<String> from = java.util.stream.Stream.of(
                            to.postalCode() == null ? null : "〒" + to.postalCode(),
                            (to.prefecture() == null ? "" : to.prefecture())
                                    + (to.address() == null ? "" : to.address()),
                            to.recipientName())
                    .filter(line -> line != null && !line.isBlank())
                    .toList();
            List<String> items = order.isDiscreet()
                    ? List.of()
                    : claim.lines().stream()
                            .map(l -> l.name() + " × " + l.quantity())
                            .toList();
            String pickup = plan.pickupDate() == null
                    ? null
                    : plan.pickupDate().format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd")) + " "
                            + labels.apply("slip.slot." + plan.pickupSlot().name());
            return ReturnSlip.render(
                    new ReturnSlip.Content(
                            claim.rma(),
                            order.number(),
                            shopName,
                            plan.address(),
                            from,
                            plan.method(),
                            plan.carrier(),
                            pickup,
                            items),
                    labels);
        });
    }

    /** Who the audit names for the customer's own steps on the portal. */
    public static final String CUSTOMER = "customer";

    /**
     * Keeps the shipment of a claim that is now asking for its goods (in the caller's
     * transaction): the mail that asks for the item names the address this fixes.
     */
    @Transactional
    public Optional<ReturnPlan> keep(ClaimView claim) {
        if (!SENDING.contains(claim.status())) {
            return plan(claim);
        }
        Optional<Stored> decided = decide(claim);
        decided.ifPresent(s -> jdbc.sql("""
                        insert into return_shipment (claim_id, storefront_id, address_id, method, carrier, created_at)
                        values (:id, :storefront, :address, :method, :carrier, :at)
                        on conflict (claim_id) do nothing
                        """)
                .param("id", claim.id().value())
                .param("storefront", claim.storefront().value())
                .param("address", s.address().id())
                .param("method", s.method().name())
                .param("carrier", s.carrier().name())
                .param("at", Timestamp.from(clock.instant()))
                .update());
        return plan(claim);
    }

    private Stored lockForChange(ClaimView claim) {
        if (!SENDING.contains(claim.status())) {
            throw new ReturnStepRefused(
                    ReturnStepRefused.Reason.NOT_NOW, "claim " + claim.rma() + " is " + claim.status());
        }
        keep(claim);
        return jdbc.sql(STORED + " where s.claim_id = :id for update of s")
                .param("id", claim.id().value())
                .query(ReturnShipments::stored)
                .optional()
                .orElseThrow(() -> new ReturnStepRefused(
                        ReturnStepRefused.Reason.NO_ADDRESS, "no return address for " + claim.rma()));
    }

    private ReturnPlan planOf(ClaimView claim, Stored s) {
        ReturnState state = state(claim, s);
        boolean sending = SENDING.contains(claim.status());
        LogisticsSettings settings = setup.settings(claim.storefront());
        List<LocalDate> days =
                sending && pickupAllowed(claim, s, settings) ? calendar(claim).days() : List.of();
        return new ReturnPlan(
                claim.rma(),
                s.address(),
                s.method(),
                s.carrier(),
                state,
                s.pickupDate(),
                s.pickupSlot(),
                days,
                s.trackingNumber(),
                s.trackingEnteredAt(),
                sending,
                s.remindedAt(),
                s.flaggedAt(),
                s.exportedAt());
    }

    private static boolean pickupAllowed(ClaimView claim, Stored s, LogisticsSettings settings) {
        return s.method().shopPays()
                && s.trackingNumber() == null
                && (settings.pickupOffered() || claim.type() == RequestType.RECYCLE_PICKUP);
    }

    private PickupCalendar calendar(ClaimView claim) {
        return new PickupCalendar(
                LocalDateTime.ofInstant(clock.instant(), shop.zone()), setup.nonWorkingDays(claim.storefront()));
    }

    /** Where a claim is; null when no goods travel for it. */
    private static ReturnState state(ClaimView claim, Stored s) {
        boolean received = claim.history().stream().anyMatch(step -> step.to() == ClaimStatus.RECEIVED);
        if (received) {
            return ReturnState.RECEIVED;
        }
        if (claim.status() == ClaimStatus.REQUESTED) {
            return ReturnState.WAITING_FOR_APPROVAL;
        }
        if (!SENDING.contains(claim.status())) {
            return null;
        }
        if (s != null && s.trackingNumber() != null) {
            return ReturnState.IN_TRANSIT;
        }
        if (s != null && s.pickupDate() != null) {
            return ReturnState.PICKUP_BOOKED;
        }
        return ReturnState.READY_TO_SEND;
    }

    /** What the rules decide for a claim today: the address, the method, the carrier. */
    private Optional<Stored> decide(ClaimView claim) {
        List<String> categories = claim.lines().stream()
                .map(ClaimView.Line::category)
                .filter(c -> c != null)
                .toList();
        Carrier carrier = setup.settings(claim.storefront()).carrier();
        return ReturnAddressRules.choose(setup.addresses(claim.storefront()), claim.type(), claim.reason(), categories)
                .map(address ->
                        new Stored(address, methodFor(claim), carrier, null, null, null, null, null, null, null));
    }

    /** 集荷 for a recycling pick-up; else 着払い when the shop pays return shipping, 元払い when the customer does. */
    static ReturnMethod methodFor(ClaimView claim) {
        if (claim.type() == RequestType.RECYCLE_PICKUP) {
            return ReturnMethod.PICKUP;
        }
        return claim.eligibility() != null && claim.eligibility().returnShipping() == Payer.SHOP
                ? ReturnMethod.RECEIVER_PAYS
                : ReturnMethod.SENDER_PAYS;
    }

    private Optional<Stored> stored(ClaimView claim) {
        return jdbc.sql(STORED + " where s.claim_id = :id")
                .param("id", claim.id().value())
                .query(ReturnShipments::stored)
                .optional();
    }

    static final String STORED = """
            select a.id, a.storefront_id, a.label, a.recipient, a.postal_code, a.address, a.phone,
                   a.request_type, a.reason, a.category,
                   s.method, s.carrier, s.pickup_date, s.pickup_slot, s.tracking_number, s.tracking_entered_at,
                   s.reminded_at, s.flagged_at, s.exported_at
              from return_shipment s join return_address a on a.id = s.address_id
            """;

    /** A shipment as kept. */
    record Stored(
            ReturnAddress address,
            ReturnMethod method,
            Carrier carrier,
            LocalDate pickupDate,
            PickupSlot pickupSlot,
            String trackingNumber,
            Instant trackingEnteredAt,
            Instant remindedAt,
            Instant flaggedAt,
            Instant exportedAt) {}

    static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                ReturnLogisticsSetup.address(rs, 1),
                ReturnMethod.valueOf(rs.getString(11)),
                Carrier.valueOf(rs.getString(12)),
                rs.getObject(13, LocalDate.class),
                rs.getString(14) == null ? null : PickupSlot.valueOf(rs.getString(14)),
                rs.getString(15),
                instant(rs.getTimestamp(16)),
                instant(rs.getTimestamp(17)),
                instant(rs.getTimestamp(18)),
                instant(rs.getTimestamp(19)));
    }

    static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
