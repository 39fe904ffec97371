package com.aftercare.domain.mail.outbox;

import com.aftercare.domain.privacy.Erasures;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores mails in {@code outbound_mail}. It opens no transaction of its own: {@link JdbcClient}
 * takes the connection bound to the caller's transaction (also under the JPA transaction
 * manager), so the mail commits or rolls back together with whatever decided to send it.
 */
@Repository
class JdbcMailOutbox implements MailOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    JdbcMailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the mail; mail to an address that bounced hard is stored already cancelled, so the
     * record shows it was meant and why it never went ({@link MailSuppressions}).
     */
    @Override
    public boolean enqueue(OutgoingMail mail) {
        return insert(mail).isPresent();
    }

    @Override
    public long enqueueForId(OutgoingMail mail) {
        // the key is the caller's own, so the row is theirs whether this call or a retry inserted it
        return insert(mail)
                .orElseGet(() -> jdbc.sql("select id from outbound_mail where dedup_key = :key")
                        .param("key", mail.dedupKey())
                        .query(Long.class)
                        .single());
    }

    /** The new row's id, or empty when the key was queued before (one round trip either way). */
    private Optional<Long> insert(OutgoingMail mail) {
        MailSafety.requireSafe(mail);
        // pgjdbc binds OffsetDateTime as timestamptz; it has no mapping for Instant
        OffsetDateTime due = mail.dueAt().atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                        insert into outbound_mail (dedup_key, kind, template, customer_id, order_id, storefront_id,
                                                   to_address, subject, text_body, html_body, headers, due_at,
                                                   next_attempt_at, status, last_error)
                        select :dedupKey, :kind, :template, :customerId, :orderId, :storefrontId, :to,
                               :subject, :textBody, :htmlBody, cast(:headers as jsonb), :due, :due,
                               case when b.address is null and not erased then 'PENDING' else 'CANCELLED' end,
                               case when erased then :erasedReason
                                    when b.address is not null then 'address is bouncing' end
                          from (select lower(:to) like :erasedPattern as erased) as one
                          left join mail_suppression b on b.address = lower(:to) and b.cleared_at is null
                        on conflict (dedup_key) do nothing
                        returning id
                        """)
                .param("dedupKey", mail.dedupKey())
                .param("kind", mail.kind().name())
                .param("template", mail.template())
                .param("customerId", mail.customerId())
                .param("orderId", mail.orderId())
                .param("storefrontId", mail.storefrontId())
                .param("to", mail.to())
                .param("subject", mail.subject())
                .param("textBody", mail.textBody())
                .param("htmlBody", mail.htmlBody())
                .param("headers", JSON.writeValueAsString(mail.headers()))
                .param("due", due)
                // an erased customer's address (a mail decided before the erasure, queued after it)
                .param("erasedPattern", "%@" + Erasures.ERASED_ADDRESS_DOMAIN)
                .param("erasedReason", ErasedCustomerMail.REASON)
                .query(Long.class)
                .optional();
    }
}
