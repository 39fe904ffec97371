package com.aftercare.domain.mail;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.domain.order.TrackingLinks;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.Storefronts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The variables every order mail may use, built in one place so that the discreet-shipping rule
 * (家族にもばれたくない: no product is ever named) cannot be forgotten by a new mail: a discreet
 * order's {@code lines} are empty, so neither names nor usage tips appear.
 *
 * <p>Links: {@code trackingUrl} (the carrier's tracking page, empty for a carrier we do not know
 * or no tracking number yet), {@code portalUrl} (a signed link to the order's page in the portal,
 * where the customer asks for a return or exchange; valid {@link PortalOrderLinks#MAIL_VALIDITY}
 * from rendering) and {@code surveyUrl} (the shop's review or survey page from {@code
 * aftercare.mail.survey-url}, with {@code {orderNumber}} and {@code {storefront}} filled in;
 * empty when not set).
 */
@Component
public class OrderMailVariables {

    private static final DateTimeFormatter JAPANESE_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm", Locale.JAPAN);

    private final ShopProperties shop;
    private final PortalOrderLinks portalLinks;
    private final ObjectProvider<LineTips> tips;
    private final Storefronts storefronts;
    private final String surveyUrl;

    OrderMailVariables(
            ShopProperties shop,
            PortalOrderLinks portalLinks,
            ObjectProvider<LineTips> tips,
            Storefronts storefronts,
            @Value("${aftercare.mail.survey-url:}") String surveyUrl) {
        this.shop = shop;
        this.portalLinks = portalLinks;
        this.tips = tips;
        this.storefronts = storefronts;
        this.surveyUrl = surveyUrl.strip();
    }

    public Map<String, Object> of(OrderView order, CustomerView customer) {
        Map<String, Object> variables = forCustomer(customer);
        variables.put("orderNumber", order.number());
        variables.put("placedAt", JAPANESE_DATE_TIME.format(order.placedAt().atZone(shop.zone())));
        variables.put("total", order.total().formatted());
        variables.put("discreet", order.isDiscreet());
        variables.put("carrier", order.carrier() == null ? "" : order.carrier());
        variables.put("trackingNumber", order.trackingNumber() == null ? "" : order.trackingNumber());
        variables.put(
                "trackingUrl",
                TrackingLinks.url(order.carrier(), order.trackingNumber()).orElse(""));
        variables.put("portalUrl", portalLinks.mailUrlFor(order.id()));
        variables.put("surveyUrl", surveyUrlFor(order));
        variables.put("lines", order.isDiscreet() ? List.of() : lines(order.lines()));
        return variables;
    }

    private List<Map<String, Object>> lines(List<OrderView.Line> lines) {
        Map<Integer, String> tipsByLine =
                tips.getIfAvailable(() -> none -> Map.of()).forLines(lines);
        return lines.stream()
                .map(l -> Map.<String, Object>of(
                        "name", l.name(),
                        "quantity", l.quantity(),
                        "amount", l.amount().formatted(),
                        "tips", tipsByLine.getOrDefault(l.lineNo(), "")))
                .toList();
    }

    private String surveyUrlFor(OrderView order) {
        if (surveyUrl.isEmpty()) {
            return "";
        }
        String storefront = storefronts
                .find(order.storefront())
                .map(Storefronts.StorefrontView::code)
                .orElse("");
        return surveyUrl
                .replace("{orderNumber}", URLEncoder.encode(order.number(), StandardCharsets.UTF_8))
                .replace("{storefront}", URLEncoder.encode(storefront, StandardCharsets.UTF_8));
    }

    /** What every customer mail knows without an order: the shop's and the customer's name. */
    public Map<String, Object> forCustomer(CustomerView customer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("shopName", shop.name());
        variables.put("customerName", customer.name());
        return variables;
    }

    /**
     * Every order variable, blank (empty text, false, no lines), for a mail that may be about an
     * order but is not: a template written for mails with an order still renders, and can test
     * {@code orderNumber} for emptiness. Derived from the declared ones, so a new order variable
     * cannot be forgotten here.
     */
    public static final Map<String, Object> NO_ORDER = TemplateVariables.ORDER.samples().entrySet().stream()
            .filter(e -> !TemplateVariables.CUSTOMER.names().contains(e.getKey()))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> blank(e.getValue())));

    private static Object blank(Object sample) {
        if (sample instanceof Boolean) {
            return false;
        }
        return sample instanceof List ? List.of() : "";
    }
}
