package com.aftercare.web.api.shopify;

import static com.aftercare.web.api.shopify.ShopifyFields.firstText;
import static com.aftercare.web.api.shopify.ShopifyFields.normalised;
import static com.aftercare.web.api.shopify.ShopifyFields.require;
import static com.aftercare.web.api.shopify.ShopifyFields.text;

import com.aftercare.domain.order.LineItem;
import com.aftercare.domain.order.Money;
import com.aftercare.domain.order.Shipping;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.web.api.shopify.ShopifyPayloads.Address;
import com.aftercare.web.api.shopify.ShopifyPayloads.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The parts of a Shopify order Aftercare keeps: its lines, amounts (Shopify's decimal strings read
 * exactly, in the order's currency), shipping address and whether it ships discreetly. Complaints
 * name Shopify's fields.
 */
final class ShopifyOrderParts {

    /**
     * Cart attributes that ask for discreet shipping (家族にもばれたくない), compared without regard to
     * case and width, and the answers that mean yes (a checkbox posts one of these).
     */
    static final Set<String> DISCREET_ATTRIBUTES = Set.of("discreet", "家族にもばれたくない");

    static final Set<String> YES = Set.of("true", "yes", "on", "1", "はい", "希望する");

    private ShopifyOrderParts() {}

    static List<LineItem> lines(List<ShopifyPayloads.LineItem> items, Currency currency) {
        if (items == null || items.isEmpty()) {
            throw new InvalidValue("line_items", "must hold at least one line");
        }
        if (items.size() > 500) {
            throw new InvalidValue("line_items", "must hold at most 500 lines");
        }
        List<LineItem> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ShopifyPayloads.LineItem item = Objects.requireNonNull(items.get(i), "line item");
            String field = "line_items[" + i + "]";
            try {
                lines.add(new LineItem(
                        sku(item),
                        firstText(item.name(), item.title()),
                        null,
                        require(field + ".quantity", item.quantity()),
                        amount(item.price(), currency, field + ".price"),
                        product(item),
                        variant(item)));
            } catch (InvalidValue e) {
                throw e.field().startsWith(field) ? e : e.within(field);
            }
        }
        return lines;
    }

    /**
     * The Shopify product the line's variant belongs to ({@code product_id}), so the catalogue
     * knows the product's other variants for an exchange (docs/integrations-shopify.md).
     */
    static String product(ShopifyPayloads.LineItem item) {
        return item.productId() == null ? null : "shopify-" + item.productId();
    }

    /**
     * What sets the variant apart: Shopify's line item carries only the option values joined
     * ({@code variant_title}: "M / ネイビー"), not the option names, so it is kept as one
     * attribute; "Default Title" is Shopify's word for a product without options.
     */
    static Map<String, String> variant(ShopifyPayloads.LineItem item) {
        String title = firstText(item.variantTitle());
        if (title == null || title.equals("Default Title")) {
            return Map.of();
        }
        return Map.of(VARIANT_ATTRIBUTE, title);
    }

    /** The attribute name a Shopify variant title is shown under on the portal. */
    static final String VARIANT_ATTRIBUTE = "サイズ・カラー";

    /** A line without a SKU (Shopify allows that) is known by its variant, its product or itself. */
    static String sku(ShopifyPayloads.LineItem item) {
        String sku = firstText(item.sku());
        if (sku != null) {
            return sku;
        }
        Long id = Stream.of(item.variantId(), item.productId(), item.id())
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new InvalidValue("line_items.sku", "is empty and the line has no id"));
        return "shopify-" + id;
    }

    static long shippingFee(Order order, Currency currency) {
        if (order.totalShippingPriceSet() != null
                && order.totalShippingPriceSet().shopMoney() != null) {
            return amount(order.totalShippingPriceSet().shopMoney().amount(), currency, "total_shipping_price_set");
        }
        long fee = 0;
        List<ShopifyPayloads.ShippingLine> lines = order.shippingLines() == null ? List.of() : order.shippingLines();
        for (int i = 0; i < lines.size(); i++) {
            fee = Math.addExact(fee, amount(lines.get(i).price(), currency, "shipping_lines[" + i + "].price"));
        }
        return fee;
    }

    static Shipping shipping(Order order) {
        Address address = order.shippingAddress();
        boolean discreet = discreet(order.noteAttributes());
        if (address == null) {
            return new Shipping(null, null, null, null, null, discreet);
        }
        String street = Stream.of(address.city(), address.address1(), address.address2())
                .filter(t -> t != null && !t.isBlank())
                .map(String::strip)
                .reduce((a, b) -> a + " " + b)
                .orElse(null);
        return new Shipping(
                text(
                        "shipping_address.name",
                        firstText(address.name(), ShopifyCustomers.fullName(address.firstName(), address.lastName())),
                        200),
                text("shipping_address.zip", address.zip(), 20),
                text("shipping_address.province", address.province(), 50),
                text("shipping_address.address1", street, 500),
                text("shipping_address.phone", address.phone(), 30),
                discreet);
    }

    static boolean discreet(List<ShopifyPayloads.NoteAttribute> attributes) {
        return attributes != null
                && attributes.stream()
                        .filter(Objects::nonNull)
                        .anyMatch(a -> DISCREET_ATTRIBUTES.contains(normalised(a.name()))
                                && YES.contains(normalised(a.value())));
    }

    static long amount(String amount, Currency currency, String field) {
        return amount == null
                ? 0
                : Money.ofMajor(decimal(amount, field), currency, field).minor();
    }

    static BigDecimal decimal(String amount, String field) {
        try {
            BigDecimal value = new BigDecimal(require(field, amount).strip());
            if (value.signum() < 0) {
                throw new InvalidValue(field, "must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidValue(field, "must be a decimal amount such as 1800.00");
        }
    }
}
