package com.aftercare.web.support;

import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.PortalOrderLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The order's signed portal link, as the lookup would mail it, for tests that start on the order. */
public final class PortalLinks {

    private PortalLinks() {}

    /** The URL-encoded {@code token} of the order with that number. */
    public static String token(JdbcClient jdbc, PortalOrderLinks links, String orderNumber) {
        long id = jdbc.sql("select id from customer_order where order_number = :n")
                .param("n", orderNumber)
                .query(Long.class)
                .single();
        return URLEncoder.encode(
                links.tokenFor(new OrderId(id), PortalOrderLinks.LOOKUP_VALIDITY), StandardCharsets.UTF_8);
    }
}
