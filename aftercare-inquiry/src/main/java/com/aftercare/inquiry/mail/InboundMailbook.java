package com.aftercare.inquiry.mail;

import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.inquiry.Inquiries;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The memory of the mailbox ({@code inbound_mail}): one row per (mailbox, UIDVALIDITY, UID). The
 * row is written first, in the same transaction as the inquiry change, so a mail is taken once:
 * a second poller's insert waits on the unique key and then finds the row, and a failure rolls
 * back both.
 */
@Service
class InboundMailbook {

    enum Outcome {
        NEW_INQUIRY,
        ADDED_TO_INQUIRY,
        REJECTED
    }

    private final JdbcClient jdbc;
    private final Inquiries inquiries;

    InboundMailbook(JdbcClient jdbc, Inquiries inquiries) {
        this.jdbc = jdbc;
        this.inquiries = inquiries;
    }

    /** The highest UID taken from this folder incarnation; 0 when none. */
    @Transactional(readOnly = true)
    long lastUid(String mailbox, long uidValidity) {
        return jdbc.sql("select coalesce(max(uid), 0) from inbound_mail where mailbox = :mailbox and uid_validity = :v")
                .param("mailbox", mailbox)
                .param("v", uidValidity)
                .query(Long.class)
                .single();
    }

    /**
     * Records the mail and files it, in one transaction.
     *
     * @return empty when another poller already took it
     */
    @Transactional
    Optional<Outcome> take(
            String mailbox, long uidValidity, long uid, MailReader.ParsedMail mail, StorefrontId storefront) {
        // Written as REJECTED and set right below, in the same transaction: nobody sees the placeholder.
        Optional<Long> row = insert(mailbox, uidValidity, uid, mail.messageId(), Outcome.REJECTED, null);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Inquiries.MailTaken taken = inquiries.takeInboundMail(new Inquiries.InboundMail(
                storefront,
                mail.fromAddress(),
                mail.fromName(),
                mail.subject(),
                mail.body(),
                mail.messageId(),
                mail.inReplyTo(),
                mail.references(),
                mail.attachments().stream()
                        .map(a -> new Inquiries.MailAttachment(a.filename(), a.contentType(), a.content()))
                        .toList()));
        Outcome outcome = taken.newInquiry() ? Outcome.NEW_INQUIRY : Outcome.ADDED_TO_INQUIRY;
        jdbc.sql("""
                        update inbound_mail set outcome = :outcome, reason = :reason,
                               inquiry_id = (select id from inquiry where reference = :reference)
                         where id = :id
                        """)
                .param("outcome", outcome.name())
                .param("reason", taken.duplicate() ? "same Message-ID already taken; not added again" : null)
                .param("reference", taken.reference())
                .param("id", row.get())
                .update();
        return Optional.of(outcome);
    }

    /** A mail that cannot be filed: kept with the reason, so the poller goes on and an operator can look. */
    @Transactional
    boolean reject(String mailbox, long uidValidity, long uid, String messageId, String reason) {
        String shortReason = reason == null ? "unknown" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        return insert(mailbox, uidValidity, uid, messageId, Outcome.REJECTED, shortReason)
                .isPresent();
    }

    private Optional<Long> insert(
            String mailbox, long uidValidity, long uid, String messageId, Outcome outcome, String reason) {
        return jdbc.sql("""
                        insert into inbound_mail (mailbox, uid_validity, uid, message_id, outcome, reason)
                        values (:mailbox, :v, :uid, :messageId, :outcome, :reason)
                        on conflict (mailbox, uid_validity, uid) do nothing
                        returning id
                        """)
                .param("mailbox", mailbox)
                .param("v", uidValidity)
                .param("uid", uid)
                .param("messageId", messageId)
                .param("outcome", outcome.name())
                .param("reason", reason)
                .query(Long.class)
                .optional();
    }
}
