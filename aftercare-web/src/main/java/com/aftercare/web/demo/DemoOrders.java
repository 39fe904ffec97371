package com.aftercare.web.demo;

import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.IssuedCoupon;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.customer.PersonalDetails;
import com.aftercare.domain.ingest.EventIngestion;
import com.aftercare.domain.ingest.StorefrontEvent;
import com.aftercare.domain.order.LineItem;
import com.aftercare.domain.order.Milestone;
import com.aftercare.domain.order.Money;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.Shipping;
import com.aftercare.domain.shared.Sha256;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.web.demo.DemoShop.Person;
import com.aftercare.web.demo.DemoShop.Product;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo shop's orders over the past days, as its two storefronts report them: placed, paid,
 * shipped with tracking, delivered (or cancelled), each an event through {@link EventIngestion}
 * exactly as {@code POST /api/v1/events} hands it on, so thank-you mails, step-mail enrolment and
 * coupon uses follow as they do for a real shop.
 */
final class DemoOrders {

    /** An order as planned: when it reaches each stage ({@code null}: it does not). */
    record PlannedOrder(
            StorefrontId storefront,
            String number,
            Person customer,
            List<LineItem> lines,
            String payment,
            Instant placed,
            Instant shipped,
            Instant delivered,
            boolean cancelled) {

        boolean contains(Product product) {
            return lines.stream().anyMatch(l -> l.sku().equals(product.sku()));
        }

        long totalYen() {
            return lines.stream().mapToLong(l -> l.unitPrice() * l.quantity()).sum() + SHIPPING_FEE;
        }
    }

    static final long SHIPPING_FEE = 550;
    private static final String CONSENT_WORDING = "こもれびからのお得なお知らせ（メールマガジン）を受け取る";
    private static final List<String> CARRIERS = List.of("yamato", "sagawa", "japanpost");

    private final EventIngestion ingestion;
    private final Customers customers;
    private final Coupons coupons;
    private final DemoClock clock;

    DemoOrders(EventIngestion ingestion, Customers customers, Coupons coupons, DemoClock clock) {
        this.ingestion = ingestion;
        this.clock = clock;
        this.customers = customers;
        this.coupons = coupons;
    }

    /**
     * Plans {@code count} orders spread over the {@code days} before {@code now}, busier at
     * weekends and in the evening; regular customers (the first of {@code people}) order often.
     */
    List<PlannedOrder> plan(
            Random random,
            List<Person> people,
            List<StorefrontId> storefronts,
            List<String> prefixes,
            int count,
            int days,
            Instant now,
            ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<PlannedOrder> orders = new ArrayList<>();
        int[] numbers = {2001, 30001};
        while (orders.size() < count) {
            LocalDate day = today.minusDays(random.nextInt(days));
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            if (!weekend && random.nextInt(10) < 3) {
                continue; // fewer orders on weekdays
            }
            int hour = random.nextInt(10) < 6 ? 19 + random.nextInt(4) : 8 + random.nextInt(11);
            Instant placed = day.atTime(hour, random.nextInt(60)).atZone(zone).toInstant();
            if (!placed.isBefore(now)) {
                continue;
            }
            int shop = random.nextInt(10) < 6 ? 0 : 1;
            Person customer = people.get((int) (Math.pow(random.nextDouble(), 2.2) * people.size()));
            List<LineItem> lines = new ArrayList<>();
            List<String> skus = new ArrayList<>();
            for (int n = 1 + (random.nextInt(10) < 3 ? 1 : 0); n > 0; n--) {
                Product product = DemoShop.SHELF.get(random.nextInt(DemoShop.SHELF.size()));
                if (!skus.contains(product.sku())) {
                    skus.add(product.sku());
                    lines.add(product.line(product.priceYen() < 3000 && random.nextBoolean() ? 2 : 1));
                }
            }
            int paymentDraw = random.nextInt(20);
            String payment = paymentDraw < 15 ? "CARD" : paymentDraw < 17 ? "KONBINI" : "COD";
            boolean cancelled = random.nextInt(40) == 0;
            Instant shipped = cancelled
                    ? null
                    : day.plusDays(1 + random.nextInt(2))
                            .atTime(14 + random.nextInt(4), random.nextInt(60))
                            .atZone(zone)
                            .toInstant();
            Instant delivered = shipped == null
                    ? null
                    : shipped.atZone(zone)
                            .toLocalDate()
                            .plusDays(1 + random.nextInt(2))
                            .atTime(10 + random.nextInt(9), random.nextInt(60))
                            .atZone(zone)
                            .toInstant();
            String number = prefixes.get(shop) + numbers[shop]++;
            orders.add(new PlannedOrder(
                    storefronts.get(shop),
                    number,
                    customer,
                    List.copyOf(lines),
                    payment,
                    placed,
                    shipped,
                    delivered,
                    cancelled));
        }
        return orders;
    }

    /** Puts each order's events on the timeline. */
    void replay(DemoTimeline timeline, List<PlannedOrder> orders, Random random) {
        for (PlannedOrder order : orders) {
            timeline.at(order.placed(), "order " + order.number() + " placed", () -> placed(order));
            if ("CARD".equals(order.payment())) {
                timeline.at(
                        order.placed().plusSeconds(30),
                        "order " + order.number() + " paid",
                        () -> progress(order, Milestone.PAID, null, null));
            } else if ("KONBINI".equals(order.payment())) {
                timeline.at(
                        order.placed().plus(Duration.ofHours(20)),
                        "order " + order.number() + " paid",
                        () -> progress(order, Milestone.PAID, null, null));
            }
            if (order.cancelled()) {
                timeline.at(
                        order.placed().plus(Duration.ofHours(3)),
                        "order " + order.number() + " cancelled",
                        () -> progress(order, Milestone.CANCELLED, null, null));
                continue;
            }
            String carrier = CARRIERS.get(random.nextInt(CARRIERS.size()));
            String tracking = (4000 + random.nextInt(5000)) + "-" + (1000 + random.nextInt(9000)) + "-"
                    + (1000 + random.nextInt(9000));
            timeline.at(
                    order.shipped(),
                    "order " + order.number() + " shipped",
                    () -> progress(order, Milestone.SHIPPED, carrier, tracking));
            timeline.at(
                    order.delivered(),
                    "order " + order.number() + " delivered",
                    () -> progress(order, Milestone.DELIVERED, null, null));
        }
    }

    /**
     * The storefront reports the use of the customer's newsletter coupon on {@code order} (the
     * checkout took 10% off); nothing when the customer holds no unused code of {@code campaign}.
     */
    void redeemCoupon(PlannedOrder order, CampaignId campaign) {
        CustomerView customer =
                customers.findByEmail(EmailAddress.of(order.customer().email())).orElseThrow();
        List<Coupons.Use> used = coupons.usesBy(customer.id(), 20);
        coupons.issuedTo(customer.id(), 20).stream()
                .filter(c -> c.campaign().equals(campaign))
                .map(IssuedCoupon::code)
                .filter(code -> used.stream().noneMatch(u -> u.code().equals(code)))
                .findFirst()
                .ifPresent(code -> {
                    long discount = Math.max(1, (order.totalYen() - SHIPPING_FEE) / 10);
                    // as a storefront reports it: the total the customer paid, after the discount
                    ingest(
                            order.storefront(),
                            "demo-" + order.number() + "-coupon",
                            new StorefrontEvent.CouponRedeemed(
                                    new OrderNumber(order.number()), code, discount, order.totalYen() - discount));
                });
    }

    private void placed(PlannedOrder order) {
        Person c = order.customer();
        StorefrontEvent.ConsentStatement consent =
                c.newsletter() ? new StorefrontEvent.ConsentStatement(true, CONSENT_WORDING) : null;
        ingest(
                order.storefront(),
                "demo-" + order.number() + "-placed",
                new StorefrontEvent.OrderPlaced(
                        new OrderNumber(order.number()),
                        new StorefrontEvent.Customer(
                                EmailAddress.of(c.email()),
                                new PersonalDetails(c.name(), c.kana(), c.phone()),
                                null,
                                consent),
                        Money.JPY,
                        order.lines(),
                        SHIPPING_FEE,
                        0,
                        order.payment(),
                        new Shipping(c.name(), c.postalCode(), c.prefecture(), c.address(), c.phone(), false)));
    }

    private void progress(PlannedOrder order, Milestone milestone, String carrier, String tracking) {
        ingest(
                order.storefront(),
                "demo-" + order.number() + "-" + milestone.name().toLowerCase(java.util.Locale.ROOT),
                new StorefrontEvent.OrderProgressed(new OrderNumber(order.number()), milestone, carrier, tracking));
    }

    /** As the event API does, keyed by event id: a second start adds nothing. */
    void ingest(StorefrontId storefront, String eventId, StorefrontEvent.Payload payload) {
        // the event's time is the (demo) clock's: the storefront reports as it happens
        ingestion.ingest(
                storefront,
                new StorefrontEvent(eventId, clock.instant(), payload),
                Sha256.of("demo:" + eventId),
                "{\"demo\":\"" + eventId + "\"}");
    }
}
