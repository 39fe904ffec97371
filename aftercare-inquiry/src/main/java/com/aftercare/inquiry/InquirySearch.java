package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.search.SearchPage;
import com.aftercare.domain.search.SearchQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds inquiries by reference, subject or the text of any of their messages (what the customer
 * wrote, replies and internal notes), newest first in keyset pages. Japanese free text works for
 * words of any length through V11's character-pair index; see docs/search.md.
 */
@Service
public class InquirySearch {

    /** An inquiry found; like the queue, it carries no personal data beyond the customer's name. */
    public record Match(
            long id,
            String reference,
            String subject,
            InquiryStatus status,
            Channel channel,
            Instant openedAt,
            CustomerId customer,
            String customerName) {}

    private final JdbcClient jdbc;

    InquirySearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public SearchPage<Match> inquiries(SearchQuery query, Long before, int size) {
        StringBuilder sql = new StringBuilder("select i.id, i.reference, i.subject, i.status, i.channel,"
                + " i.created_at, c.id as customer_id, c.name"
                + " from inquiry i join customer c on c.id = i.customer_id where true");
        // An inquiry is one document: each term may occur in the subject or in any message. Each
        // branch uses its own GIN index; a term in several messages still finds one inquiry.
        for (int term = 0; term < query.terms().size(); term++) {
            sql.append(" and i.id in (select s.id from inquiry s where ")
                    .append(query.matches("s.search_text", term))
                    .append(SearchPage.before("s.id", before))
                    .append(" union all select m.inquiry_id from inquiry_message m where ")
                    .append(query.matches("m.search_text", term))
                    .append(SearchPage.before("m.inquiry_id", before))
                    .append(")");
        }
        sql.append(SearchPage.before("i.id", before)).append(" order by i.id desc limit :limit");
        return SearchPage.of(
                query.page(jdbc, sql.toString(), before, size)
                        .query((rs, n) -> new Match(
                                rs.getLong("id"),
                                rs.getString("reference"),
                                rs.getString("subject"),
                                InquiryStatus.valueOf(rs.getString("status")),
                                Channel.valueOf(rs.getString("channel")),
                                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                                new CustomerId(rs.getLong("customer_id")),
                                rs.getString("name")))
                        .list(),
                size,
                Match::id);
    }
}
