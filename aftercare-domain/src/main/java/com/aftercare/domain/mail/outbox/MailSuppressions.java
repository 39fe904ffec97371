package com.aftercare.domain.mail.outbox;

import com.aftercare.domain.mail.AddressBounced;
import com.aftercare.domain.mail.BouncingAddress;
import com.aftercare.domain.shared.Exports;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Addresses that bounced hard. A hard bounce (the receiving server refused the recipient with a
 * 5xx, or a delivery report says it failed for good) stops all mail to the address: waiting mail
 * is cancelled at once, the outbox cancels new mail to it as it is enqueued, and the dispatcher
 * never claims any. Only an operator clears it (a mailbox that works again), and the console
 * audits that.
 */
@Service
public class MailSuppressions {

    private static final int MAX_REASON = 1000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MailSuppressions(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Marks the address as bouncing (again, if an operator had cleared it) and cancels its waiting
     * mail.
     *
     * @param source where we learned it: {@code smtp} (the dispatcher's 5xx) or {@code dsn} (a
     *     delivery report that came back by mail)
     * @return whether the address was not bouncing before
     */
    @Transactional
    public boolean recordHardBounce(String address, String reason, String source) {
        String normalized = normalize(address);
        String shortReason =
                reason == null ? "hard bounce" : reason.substring(0, Math.min(reason.length(), MAX_REASON));
        boolean fresh = jdbc.sql("""
                        insert into mail_suppression (address, reason, source) values (:address, :reason, :source)
                        on conflict (address) do update
                           set reason = excluded.reason, source = excluded.source, bounced_at = now(),
                               cleared_at = null, cleared_by = null
                         where mail_suppression.cleared_at is not null
                        returning address
                        """)
                .param("address", normalized)
                .param("reason", shortReason)
                .param("source", source)
                .query(String.class)
                .optional()
                .isPresent();
        jdbc.sql("""
                        update outbound_mail set status = 'CANCELLED', last_error = 'address is bouncing', updated_at = now()
                         where lower(to_address) = :address and status = 'PENDING'
                        """).param("address", normalized).update();
        if (fresh) {
            events.publishEvent(new AddressBounced(normalized, shortReason));
        }
        return fresh;
    }

    /**
     * A delivery report that came back by mail says a mail failed for good. Believed only when it
     * names a mail we really sent to that address (its Message-ID): anyone can write a "bounce",
     * and a forged one must not cut a customer off.
     *
     * @return whether the address is bouncing now because of this report
     */
    @Transactional
    public boolean recordBounceReport(String address, String originalMessageId, String reason) {
        if (originalMessageId == null) {
            return false;
        }
        boolean ours = jdbc.sql("""
                                select count(*) from outbound_mail
                                 where message_id = :id and lower(to_address) = :address
                                """)
                        .param("id", originalMessageId.strip())
                        .param("address", normalize(address))
                        .query(Long.class)
                        .single()
                > 0;
        if (ours) {
            recordHardBounce(address, reason, "dsn");
        }
        return ours;
    }

    @Transactional(readOnly = true)
    public boolean isBouncing(String address) {
        return jdbc.sql("select count(*) from mail_suppression where address = :address and cleared_at is null")
                        .param("address", normalize(address))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The addresses bouncing now, the latest first. */
    @Transactional(readOnly = true)
    public List<BouncingAddress> bouncing(int limit) {
        return bouncingStatement(" limit :limit")
                .param("limit", limit)
                .query(MailSuppressions::bouncing)
                .list();
    }

    /** Every address bouncing now, in {@link #bouncing}'s order, streamed with a cursor (for the CSV export). */
    @Transactional(readOnly = true)
    public void eachBouncing(Consumer<BouncingAddress> address) {
        bouncingStatement("").withFetchSize(Exports.FETCH_SIZE).query((RowCallbackHandler)
                rs -> address.accept(bouncing(rs, 0)));
    }

    private JdbcClient.StatementSpec bouncingStatement(String limit) {
        return jdbc.sql("""
                select address, reason, source, bounced_at from mail_suppression
                 where cleared_at is null order by bounced_at desc, address
                """ + limit);
    }

    private static BouncingAddress bouncing(ResultSet rs, int row) throws SQLException {
        return new BouncingAddress(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant());
    }

    /** Lets mail go to the address again; false if it was not bouncing. Mail cancelled meanwhile stays cancelled. */
    @Transactional
    public boolean clear(String address, String by) {
        return jdbc.sql("""
                        update mail_suppression set cleared_at = now(), cleared_by = :by
                         where address = :address and cleared_at is null
                        """)
                        .param("address", normalize(address))
                        .param("by", by)
                        .update()
                == 1;
    }

    private static String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
