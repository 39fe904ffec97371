package com.aftercare.web.support;

import com.aftercare.domain.storefront.StorefrontId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts a test's inquiries out of the shared queue when it is done, so that tests which look for
 * their own inquiry on the queue's first page are not pushed off it by other tests' open work.
 * Only for cleaning up: it skips the workflow on purpose.
 */
public final class TestInquiries {

    private static final String CLOSE = """
            update inquiry set status = 'CLOSED', resolved_at = coalesce(resolved_at, now()), closed_at = now()
             where status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER') and %s
            """;

    private TestInquiries() {}

    public static void closeAllOf(JdbcClient jdbc, StorefrontId storefront) {
        jdbc.sql(CLOSE.formatted("storefront_id = :s"))
                .param("s", storefront.value())
                .update();
    }

    /**
     * Closes every open inquiry but one, so a browser test finds it on the queue's first page
     * whatever earlier tests of the same database left open (the queue is ordered by due time).
     */
    public static void closeAllBut(JdbcClient jdbc, String reference) {
        jdbc.sql(CLOSE.formatted("reference <> :r")).param("r", reference).update();
    }

    public static void closeAllOfCustomer(JdbcClient jdbc, String email) {
        jdbc.sql(CLOSE.formatted("customer_id in (select id from customer where email_normalized = :e)"))
                .param("e", email.toLowerCase(java.util.Locale.ROOT))
                .update();
    }
}
