package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A customer's (or an order's) inquiries, newest first, for their timeline and a claim's page. */
@Component
public class CustomerInquiries {

    private static final int LIMIT = 200;

    private final JdbcClient jdbc;

    CustomerInquiries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One inquiry as the timeline lists it; {@code callbackAt} when a callback was promised on the
     * phone, {@code callbackDoneAt} once it was made.
     */
    public record Summary(
            String reference,
            String subject,
            String status,
            String channel,
            Instant openedAt,
            Instant resolvedAt,
            Instant callbackAt,
            Instant callbackDoneAt) {}

    @Transactional(readOnly = true)
    public List<Summary> of(CustomerId customer) {
        return list("customer_id", customer.value());
    }

    /** The inquiries about one order (a claim's page shows them), newest first. */
    @Transactional(readOnly = true)
    public List<Summary> aboutOrder(OrderId order) {
        return list("order_id", order.value());
    }

    /** One answer to the satisfaction survey, with the inquiry it was about. */
    public record Satisfaction(String reference, String subject, int score, String comment, Instant answeredAt) {}

    /**
     * The customer's satisfaction answers about inquiries of one storefront (null: any), newest first, at most
     * {@code limit}, in one query (the inquiry workspace's CSAT history).
     */
    @Transactional(readOnly = true)
    public List<Satisfaction> satisfactionOf(CustomerId customer, StorefrontId storefront, int limit) {
        return jdbc.sql("""
                        select i.reference, i.subject, s.score, s.comment, s.answered_at
                          from inquiry_satisfaction s join inquiry i on i.id = s.inquiry_id
                         where i.customer_id = :customer and (cast(:storefront as bigint) is null or i.storefront_id = :storefront)
                         order by s.answered_at desc, i.id desc
                         limit :limit
                        """)
                .param("customer", customer.value())
                .param("storefront", storefront == null ? null : storefront.value())
                .param("limit", limit)
                .query((rs, i) -> new Satisfaction(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private List<Summary> list(String column, long id) {
        return jdbc.sql("""
                        select reference, subject, status, channel, created_at, resolved_at,
                               case when callback_wanted then callback_at end, callback_done_at
                          from inquiry
                         where %s = :id order by created_at desc limit :limit
                        """.formatted(column))
                .param("id", id)
                .param("limit", LIMIT)
                .query((rs, i) -> new Summary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8))))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
