package com.aftercare.web.portal;

import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.domain.storefront.Storefronts.StorefrontView;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Whose portal a customer is on. The shared layout asks it for every page it draws
 * ({@code @portalBrands.forPage(order)}): on a portal page the answer is the order's storefront
 * (its name, its logo, a link back to its shop), before an order is known the shop's only
 * storefront or else the shop itself; on any other page nothing, and the layout draws the
 * console's header. Asked by the view rather than by each controller so that the portal's error
 * pages (an unknown claim, a dead link) carry the brand too.
 */
@Component("portalBrands")
public class PortalBrands {

    /**
     * The portal's header.
     *
     * @param logoUrl null without a logo
     * @param href the shop's site, or the portal's own first page; never the staff login
     */
    public record Brand(String name, String logoUrl, String href) {}

    private final Storefronts storefronts;
    private final ShopProperties shop;

    PortalBrands(Storefronts storefronts, ShopProperties shop) {
        this.storefronts = storefronts;
        this.shop = shop;
    }

    /**
     * The brand of the portal page being drawn, or null when the page is not the portal's.
     *
     * @param order the page's {@code order} model attribute, if any
     */
    public Brand forPage(Object order) {
        Optional<HttpServletRequest> request = currentRequest();
        if (request.isEmpty() || !isPortal(request.get())) {
            return null;
        }
        String portalHome = request.get().getContextPath() + "/portal";
        return storefrontOf(order)
                .map(s -> new Brand(s.name(), s.logoUrl(), s.siteUrl() == null ? portalHome : s.siteUrl()))
                .orElseGet(() -> new Brand(shop.name(), null, portalHome));
    }

    private Optional<StorefrontView> storefrontOf(Object order) {
        if (order instanceof OrderView o) {
            return storefronts.find(o.storefront());
        }
        // A shop that sells through one storefront is that storefront, even before an order is known.
        List<StorefrontView> all = storefronts.all();
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    private static boolean isPortal(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/portal") || path.startsWith("/portal/");
    }

    private static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest())
                : Optional.empty();
    }
}
