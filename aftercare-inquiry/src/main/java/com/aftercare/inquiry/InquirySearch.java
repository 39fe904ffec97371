package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.search.NewestFirst;
import com.aftercare.domain.search.SearchPage;
import com.aftercare.domain.search.SearchQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
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

    static final long FIRST_WINDOW = 20_000;
    static final int WIDENING = 8;

    private final JdbcClient jdbc;

    InquirySearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Newest first, in keyset pages. A common word (配送 in a shop that ships) matches a large share
     * of all messages, and sorting every match to show the newest few would grow with the table;
     * so the search looks at the newest {@value #FIRST_WINDOW} inquiry ids first and widens the
     * window ({@value #WIDENING} times each step) only while the page is not full ({@link
     * NewestFirst}). A rare word costs a few index look-ups more; a common one reads only the
     * newest rows.
     */
    @Transactional(readOnly = true)
    public SearchPage<Match> inquiries(SearchQuery query, Long before, int size) {
        long upper = before != null
                ? before
                : jdbc.sql("select coalesce(max(id), 0) + 1 from inquiry")
                        .query(Long.class)
                        .single();
        String sql = sql(query);
        List<Match> found = NewestFirst.rows(
                upper,
                FIRST_WINDOW,
                WIDENING,
                size + 1,
                (floor, below, limit) -> query.bind(jdbc, sql)
                        .param("limit", limit)
                        .param("floor", floor)
                        .param("upper", below)
                        .query(InquirySearch::match)
                        .list());
        return SearchPage.of(found, size, Match::id);
    }

    /**
     * An inquiry is one document: each term may occur in its reference, its subject or any of its
     * messages (one branch per GIN index; UNION counts an inquiry once), and an inquiry matches
     * when every term does (INTERSECT). Ids in [floor, upper); the newest are picked before the
     * join, so the join reads one page of rows.
     */
    private static String sql(SearchQuery query) {
        String matchingIds = IntStream.range(0, query.terms().size())
                .mapToObj(term -> "(select s.id from inquiry s where " + query.matches("s.search_text", term)
                        + " and s.id >= :floor and s.id < :upper"
                        + " union select m.inquiry_id from inquiry_message m where "
                        + query.matches("m.search_text", term)
                        + " and m.inquiry_id >= :floor and m.inquiry_id < :upper)")
                .collect(Collectors.joining(" intersect "));
        return "select i.id, i.reference, i.subject, i.status, i.channel, i.created_at,"
                + " c.id as customer_id, c.name"
                + " from (select id from (" + matchingIds + ") ids order by id desc limit :limit) hit"
                + " join inquiry i on i.id = hit.id join customer_view c on c.id = i.customer_id"
                + " order by i.id desc";
    }

    private static Match match(ResultSet rs, int row) throws SQLException {
        return new Match(
                rs.getLong("id"),
                rs.getString("reference"),
                rs.getString("subject"),
                InquiryStatus.valueOf(rs.getString("status")),
                Channel.valueOf(rs.getString("channel")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                new CustomerId(rs.getLong("customer_id")),
                rs.getString("name"));
    }
}
