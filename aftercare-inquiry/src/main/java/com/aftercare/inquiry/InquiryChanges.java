package com.aftercare.inquiry;

import com.aftercare.domain.shared.ChangePage;
import com.aftercare.domain.shared.Keyset;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inquiries that came through a storefront, in the order they last changed, for the read
 * API. Inquiries opened in the console belong to no storefront and are never listed. Keyset
 * paging on (updated at, id).
 */
@Service
public class InquiryChanges {

    private final JdbcClient jdbc;

    InquiryChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One inquiry in the list; {@link Inquiries#find(StorefrontId, String)} gives its messages. */
    public record InquiryChange(
            long id,
            String reference,
            InquiryStatus status,
            Channel channel,
            Category category,
            String subject,
            String orderNumber,
            Instant createdAt,
            Instant resolvedAt,
            Instant updatedAt) {

        public Keyset key() {
            return new Keyset(updatedAt, id);
        }
    }

    /**
     * @param status only inquiries in this status, when given
     * @param updatedSince only inquiries changed at or after this time, when given
     * @param after the last inquiry of the previous page, or null for the first page
     */
    @Transactional(readOnly = true)
    public ChangePage<InquiryChange> page(
            StorefrontId storefront, Optional<InquiryStatus> status, Instant updatedSince, Keyset after, int limit) {
        var statement = jdbc.sql("""
                        select i.id, i.reference, i.status, i.channel, i.category, i.subject, o.order_number,
                               i.created_at, i.resolved_at, i.updated_at
                          from inquiry i left join order_view o on o.id = i.order_id
                         where i.storefront_id = :storefront
                           and (cast(:status as text) is null or i.status = :status)
                           and (cast(:since as timestamptz) is null or i.updated_at >= :since)
                           and (cast(:afterAt as timestamptz) is null or (i.updated_at, i.id) > (:afterAt, :afterId))
                         order by i.updated_at, i.id
                         limit :limit
                        """)
                .param("storefront", storefront.value())
                .param("status", status.map(Enum::name).orElse(null));
        return ChangePage.read(statement, updatedSince, after, limit, InquiryChanges::change, InquiryChange::key);
    }

    private static InquiryChange change(ResultSet rs, int row) throws SQLException {
        return new InquiryChange(
                rs.getLong(1),
                rs.getString(2),
                InquiryStatus.valueOf(rs.getString(3)),
                Channel.valueOf(rs.getString(4)),
                Category.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant());
    }
}
