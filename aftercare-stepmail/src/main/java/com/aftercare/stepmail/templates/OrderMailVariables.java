package com.aftercare.stepmail.templates;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.shop.ShopProperties;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The variables every order mail may use, built in one place so that the discreet-shipping rule
 * (家族にもばれたくない: no product is ever named) cannot be forgotten by a new mail.
 */
@Component
public class OrderMailVariables {

    private static final DateTimeFormatter JAPANESE_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm", Locale.JAPAN);

    private final ShopProperties shop;

    OrderMailVariables(ShopProperties shop) {
        this.shop = shop;
    }

    public Map<String, Object> of(OrderView order, CustomerView customer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("shopName", shop.name());
        variables.put("customerName", customer.name());
        variables.put("orderNumber", order.number());
        variables.put("placedAt", JAPANESE_DATE_TIME.format(order.placedAt().atZone(shop.zone())));
        variables.put("total", order.total().formatted());
        variables.put("discreet", order.isDiscreet());
        variables.put("carrier", order.carrier() == null ? "" : order.carrier());
        variables.put("trackingNumber", order.trackingNumber() == null ? "" : order.trackingNumber());
        variables.put(
                "lines",
                order.isDiscreet()
                        ? List.of()
                        : order.lines().stream()
                                .map(l -> Map.of(
                                        "name",
                                        l.name(),
                                        "quantity",
                                        l.quantity(),
                                        "amount",
                                        l.amount().formatted()))
                                .toList());
        return variables;
    }

    /**
     * What a resolution trigger adds: the claim's RMA number or the inquiry's reference (either may
     * be null). An inquiry about no order leaves the order variables blank, so a template written
     * for inquiries with an order still renders, and can test {@code orderNumber} for emptiness.
     */
    public void addResolution(Map<String, Object> variables, String claimRma, String inquiryReference) {
        if (claimRma != null) {
            variables.put("claimRma", claimRma);
        }
        if (inquiryReference != null) {
            variables.put("inquiryReference", inquiryReference);
            NO_ORDER.forEach(variables::putIfAbsent);
        }
    }

    private static final Map<String, Object> NO_ORDER = Map.of(
            "orderNumber", "",
            "placedAt", "",
            "total", "",
            "discreet", false,
            "carrier", "",
            "trackingNumber", "",
            "lines", List.of());

    /**
     * The variables of one step mail: an order mail's, or for a customer event only the shop's
     * and the customer's name; with an opt-out link, the promotional ones too (the sender's
     * address, 特定電子メール法). Matches {@link TemplateVariables#forTrigger}.
     */
    public Map<String, Object> forMail(CustomerView customer, OrderView order, String unsubscribeUrl) {
        Map<String, Object> variables = new HashMap<>();
        if (order != null) {
            variables.putAll(of(order, customer));
        } else {
            variables.put("shopName", shop.name());
            variables.put("customerName", customer.name());
        }
        if (unsubscribeUrl != null) {
            variables.put("unsubscribeUrl", unsubscribeUrl);
            variables.put("shopAddress", shop.address());
        }
        return variables;
    }
}
