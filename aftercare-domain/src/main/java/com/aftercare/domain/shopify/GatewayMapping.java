package com.aftercare.domain.shopify;

import com.aftercare.domain.order.PaymentMethod;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a Shopify store's payment gateways map to our payment methods. Gateway names are what the
 * shop called its payment methods in Shopify (代金引換, コンビニ決済, …) or Shopify's own gateway ids
 * ({@code shopify_payments}, {@code paypal}), compared without regard to case, width or spaces
 * around them. The method decides how a claim is paid back (COD, konbini and bank transfer by
 * transfer to the customer's account).
 */
public final class GatewayMapping {

    /**
     * What a storefront starts with, until an admin saves a mapping of its own: Shopify's manual
     * payment methods as Japanese shops name them, and the two gateway ids every shop meets.
     */
    public static final List<Gateway> DEFAULTS = List.of(
            new Gateway("代金引換", "COD"),
            new Gateway("Cash on Delivery (COD)", "COD"),
            new Gateway("コンビニ決済", "KONBINI"),
            new Gateway("銀行振込", "BANK_TRANSFER"),
            new Gateway("Bank Deposit", "BANK_TRANSFER"),
            new Gateway("shopify_payments", "CARD"),
            new Gateway("paypal", "ONLINE"));

    private GatewayMapping() {}

    /** One gateway's payment method; checks itself. */
    public record Gateway(String name, String paymentMethod) {
        public Gateway {
            name = Text.line("name", name == null ? null : Normalizer.normalize(name, Normalizer.Form.NFKC), 100);
            if (name == null) {
                throw new InvalidValue("name", "must name the gateway as Shopify shows it");
            }
            if (!PaymentMethod.isKnown(paymentMethod)) {
                throw new InvalidValue("paymentMethod", "must be one of " + String.join(", ", PaymentMethod.names()));
            }
        }
    }

    static String methodFor(List<Gateway> mapping, List<String> gatewayNames) {
        if (gatewayNames == null) {
            return null;
        }
        for (String name : gatewayNames) {
            String key = key(name);
            for (Gateway gateway : mapping) {
                if (key(gateway.name()).equals(key)) {
                    return gateway.paymentMethod();
                }
            }
        }
        return null;
    }

    /** @throws InvalidValue on {@code gateways[i].name} for a gateway listed twice */
    static void requireDistinct(List<Gateway> gateways) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < gateways.size(); i++) {
            if (!seen.add(key(gateways.get(i).name()))) {
                throw new InvalidValue("gateways[" + i + "].name", "is listed twice");
            }
        }
    }

    private static String key(String name) {
        return name == null
                ? ""
                : Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
