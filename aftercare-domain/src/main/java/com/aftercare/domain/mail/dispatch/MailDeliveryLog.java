package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.mail.MailDelivery;
import com.aftercare.domain.shared.Exports;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the console shows of the outbox: mails in a given state, newest first, a page at a time
 * (keyset on the id, so a page costs the same on the millionth row as on the first).
 */
@Component
public class MailDeliveryLog {

    /** States an operator may list. */
    public static final Set<String> STATES =
            Set.of("PENDING", "CLAIMED", "IN_FLIGHT", "SENT", "FAILED", "UNKNOWN", "CANCELLED");

    private final JdbcClient jdbc;

    MailDeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param beforeId the smallest id of the previous page, or null for the first page
     */
    @Transactional(readOnly = true)
    public List<MailDelivery> list(Set<String> states, Long beforeId, int limit) {
        return inStates(states, " and (cast(:before as bigint) is null or id < :before) order by id desc limit :limit")
                .param("before", beforeId)
                .param("limit", Math.max(1, Math.min(limit, 200)))
                .query(MailDeliveryLog::entry)
                .list();
    }

    /**
     * Every mail in the given states, newest first as {@link #list} pages them, streamed row by
     * row with a cursor (for the CSV export): nothing is held but the driver's fetch buffer.
     */
    @Transactional(readOnly = true)
    public void each(Set<String> states, Consumer<MailDelivery> mail) {
        inStates(states, " order by id desc").withFetchSize(Exports.FETCH_SIZE).query((RowCallbackHandler)
                rs -> mail.accept(entry(rs, 0)));
    }

    private JdbcClient.StatementSpec inStates(Set<String> states, String rest) {
        if (states.isEmpty() || !STATES.containsAll(states)) {
            throw new IllegalArgumentException("Unknown mail states " + states);
        }
        return jdbc.sql("""
                        select id, template, kind, to_address, subject, status, attempts, last_error, due_at,
                               next_attempt_at, sent_at, message_id
                          from outbound_mail
                         where status in (:states)
                        """ + rest).param("states", states);
    }

    /** The mails of one customer, any state, newest first: their part of the customer timeline. */
    @Transactional(readOnly = true)
    public List<MailDelivery> forCustomer(long customerId, Long storefrontId, int limit) {
        return jdbc.sql("""
                        select id, template, kind, to_address, subject, status, attempts, last_error, due_at,
                               next_attempt_at, sent_at, message_id
                          from outbound_mail
                         where customer_id = :customer
                           and (cast(:storefront as bigint) is null or storefront_id is null or storefront_id = :storefront)
                         order by id desc
                         limit :limit
                        """)
                .param("customer", customerId)
                .param("storefront", storefrontId)
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query(MailDeliveryLog::entry)
                .list();
    }

    private static MailDelivery entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new MailDelivery(
                rs.getLong("id"),
                rs.getString("template"),
                rs.getString("kind"),
                rs.getString("to_address"),
                rs.getString("subject"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("sent_at")),
                rs.getString("message_id"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
