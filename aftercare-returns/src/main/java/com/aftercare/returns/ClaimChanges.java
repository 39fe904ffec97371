package com.aftercare.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
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
 * A storefront's claims in the order they last changed, for the read API: a storefront's systems
 * poll it to learn of new claims and of claims that moved. Keyset paging on (updated at, id), so
 * a page costs the same at the millionth claim as at the first.
 */
@Service
public class ClaimChanges {

    private final JdbcClient jdbc;

    ClaimChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One claim in the list; {@link Claims#byRma(StorefrontId, String)} gives the whole of it. */
    public record ClaimChange(
            long id,
            String rma,
            RequestType type,
            ReturnReason reason,
            ClaimStatus status,
            String orderNumber,
            Instant requestedAt,
            Instant resolvedAt,
            Instant updatedAt) {

        public Keyset key() {
            return new Keyset(updatedAt, id);
        }
    }

    /**
     * @param status only claims in this status, when given
     * @param updatedSince only claims changed at or after this time, when given
     * @param after the last claim of the previous page, or null for the first page
     * @param limit at most this many (the caller checks its bounds)
     */
    @Transactional(readOnly = true)
    public ChangePage<ClaimChange> page(
            StorefrontId storefront, Optional<ClaimStatus> status, Instant updatedSince, Keyset after, int limit) {
        var statement = jdbc.sql("""
                        select c.id, c.rma, c.type, c.reason, c.status, o.order_number, c.requested_at, c.resolved_at,
                               c.updated_at
                          from claim c join order_view o on o.id = c.order_id
                         where c.storefront_id = :storefront
                           and (cast(:status as text) is null or c.status = :status)
                           and (cast(:since as timestamptz) is null or c.updated_at >= :since)
                           and (cast(:afterAt as timestamptz) is null or (c.updated_at, c.id) > (:afterAt, :afterId))
                         order by c.updated_at, c.id
                         limit :limit
                        """)
                .param("storefront", storefront.value())
                .param("status", status.map(Enum::name).orElse(null));
        return ChangePage.read(statement, updatedSince, after, limit, ClaimChanges::change, ClaimChange::key);
    }

    private static ClaimChange change(ResultSet rs, int row) throws SQLException {
        return new ClaimChange(
                rs.getLong(1),
                rs.getString(2),
                RequestType.valueOf(rs.getString(3)),
                ReturnReason.valueOf(rs.getString(4)),
                ClaimStatus.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant());
    }
}
