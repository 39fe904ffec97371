package com.aftercare.domain.customer;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' notes about a customer as a person (顧客情報の共有), kept apart from the notes on one
 * inquiry or claim: the customer's page shows them all, an inquiry page the latest few.
 */
@Component
public class CustomerNotes {

    public static final int MAX_BODY = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    CustomerNotes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Note(long id, String body, String author, Instant at) {}

    /**
     * @throws InvalidValue naming {@code body} when it is empty, longer than {@value #MAX_BODY}
     *     characters or holds control characters
     * @throws NotFound for an unknown customer
     */
    @Transactional
    public Note add(CustomerId customer, String body, String author) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_BODY || Text.hasControlCharacters(text, true)) {
            throw new InvalidValue("body", "must be 1-" + MAX_BODY + " characters of text");
        }
        Instant at = clock.instant();
        long id = jdbc.sql("""
                        insert into customer_note (customer_id, body, author, created_at)
                        select c.id, :body, :author, :at from customer c where c.id = :customer
                        returning id
                        """)
                .param("customer", customer.value())
                .param("body", text)
                .param("author", author)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .optional()
                .orElseThrow(() -> NotFound.customer(customer.value()));
        return new Note(id, text, author, at);
    }

    /** The customer's notes, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Note> of(CustomerId customer, int limit) {
        return jdbc.sql("""
                        select id, body, author, created_at from customer_note
                         where customer_id = :customer
                         order by created_at desc, id desc
                         limit :limit
                        """)
                .param("customer", customer.value())
                .param("limit", limit)
                .query((rs, i) -> new Note(
                        rs.getLong("id"),
                        rs.getString("body"),
                        rs.getString("author"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
