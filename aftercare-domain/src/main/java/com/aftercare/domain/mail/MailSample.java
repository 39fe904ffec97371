package com.aftercare.domain.mail;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.order.Money;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderStatus;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Shipping;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.List;

/**
 * A made-up order and customer that previews render with: each module's real variable builder runs
 * on it, so a preview shows what a customer would get, and a preview of the discreet version shows
 * that no product is named (家族にもばれたくない). Never stored; the ids point at nothing.
 *
 * @param language the language the mail is rendered in
 */
public record MailSample(OrderView order, CustomerView customer, String language) {

    /** The product the sample order is for: a discreet preview must not show it anywhere. */
    public static final String PRODUCT_NAME = "オーガニックコットンTシャツ";

    public static final String SKU = "TS-ORGANIC-01";

    public static MailSample of(boolean discreet, String language) {
        Instant placed = Instant.parse("2026-11-20T01:00:00Z");
        Money price = Money.yen(1800);
        OrderView order = new OrderView(
                new OrderId(0),
                new StorefrontId(0),
                "A-1001",
                new CustomerId(0),
                OrderStatus.DELIVERED,
                price,
                Money.yen(0),
                Money.yen(0),
                price,
                "card",
                new Shipping("山田 花子", "150-0001", "東京都", "渋谷区神宮前1-2-3", "090-1234-5678", discreet),
                "ヤマト運輸",
                "400011112222",
                placed,
                placed,
                placed.plusSeconds(86_400),
                placed.plusSeconds(2 * 86_400),
                null,
                List.of(new OrderView.Line(1, SKU, PRODUCT_NAME, "apparel", 1, price, price)),
                List.of());
        CustomerView customer = new CustomerView(
                new CustomerId(0), EmailAddress.of("hanako@example.jp"), "山田 花子", "ヤマダ ハナコ", "090-1234-5678");
        return new MailSample(order, customer, language);
    }

    public boolean discreet() {
        return order.isDiscreet();
    }
}
