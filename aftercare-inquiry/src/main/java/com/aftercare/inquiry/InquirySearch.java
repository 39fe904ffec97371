package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.search.SearchPage;
import com.aftercare.domain.search.SearchQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
        // An inquiry is one document: each term may occur in its reference, its subject or any of
        // its messages (one branch per GIN index; UNION counts an inquiry once), and an inquiry
        // matches when every term does (INTERSECT). The newest ids are picked before the join, so
        // the join reads one page of rows.
        String matchingIds = IntStream.range(0, query.terms().size())
                .mapToObj(term -> "(select s.id from inquiry s where " + query.matches("s.search_text", term)
                        + SearchPage.before("s.id", before)
                        + " union select m.inquiry_id from inquiry_message m where "
                        + query.matches("m.search_text", term)
                        + SearchPage.before("m.inquiry_id", before) + ")")
                .collect(Collectors.joining(" intersect "));
        String sql = "select i.id, i.reference, i.subject, i.status, i.channel, i.created_at,"
                + " c.id as customer_id, c.name"
                + " from (select id from (" + matchingIds + ") ids order by id desc limit :limit) hit"
                + " join inquiry i on i.id = hit.id join customer c on c.id = i.customer_id"
                + " order by i.id desc";
        return SearchPage.of(
                query.page(jdbc, sql, before, size)
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
