package com.aftercare.inquiry;

import com.aftercare.domain.customer.Customer;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.customer.PersonalDetails;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.shared.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's mail into the desk: which inquiry it answers (threading), else a new one, with its
 * attachments. Our own reply mails are known by their outbox ids, which the mail pipeline's face
 * ({@link Mails}) finds from the Message-IDs a reply names; the desk never reads the outbox.
 * Runs in the caller's transaction.
 */
@Component
class InboundMailIntake {

    private static final Pattern REFERENCE_IN_SUBJECT = Pattern.compile("\\[(INQ-[0-9]{4}-[0-9]{6,})\\]");

    private final InquiryIntake intake;
    private final InquiryStore store;
    private final Customers customers;
    private final Mails mails;
    private final JdbcClient jdbc;

    InboundMailIntake(InquiryIntake intake, InquiryStore store, Customers customers, Mails mails, JdbcClient jdbc) {
        this.intake = intake;
        this.store = store;
        this.customers = customers;
        this.mails = mails;
        this.jdbc = jdbc;
    }

    Inquiries.MailTaken take(Inquiries.InboundMail mail) {
        EmailAddress from = InquiryIntake.customerEmail(mail.fromAddress());
        if (mail.messageId() != null) {
            Optional<String> holder = jdbc.sql("""
                            select i.reference from inquiry_message m join inquiry i on i.id = m.inquiry_id
                             where m.message_id = :id
                            """)
                    .param("id", mail.messageId())
                    .query(String.class)
                    .optional();
            if (holder.isPresent()) {
                return new Inquiries.MailTaken(holder.get(), false, true, 0);
            }
        }
        InquiryIntake.MailIds ids = new InquiryIntake.MailIds(mail.messageId(), mail.inReplyTo());
        Optional<String> thread = threadOf(mail).or(() -> referenceInSubjectOf(mail.subject(), from));
        if (thread.isPresent()) {
            Inquiry inquiry = store.lock(null, thread.get());
            Inquiries.MessageAdded added = intake.addCustomerMessageTo(inquiry, mail.body(), mail.fromName(), ids);
            storeAttachments(added.messageId(), mail.attachments());
            return new Inquiries.MailTaken(added.reference(), added.followUpOf() != null, false, added.messageId());
        }
        InquiryText.line("subject", mail.subject(), InquiryText.MAX_SUBJECT, true);
        InquiryText.body("body", mail.body());
        Customer customer = customers.recogniseFromUntrustedSource(
                from, new PersonalDetails(nameOf(mail.fromName(), from), null, null), mail.storefront());
        Inquiry inquiry = intake.openFor(
                Channel.EMAIL,
                null,
                null,
                customer.id(),
                mail.storefront(),
                null,
                null,
                mail.subject(),
                mail.body(),
                mail.fromName(),
                Inquiry.CUSTOMER,
                ids);
        long messageId = inquiry.messages().get(0).id();
        storeAttachments(messageId, mail.attachments());
        return new Inquiries.MailTaken(inquiry.reference(), true, false, messageId);
    }

    /**
     * The inquiry whose message or reply mail the mail answers (the most recent when several
     * match): a customer's mail by its own Message-ID, our reply by the outbox row it went out as.
     */
    private Optional<String> threadOf(Inquiries.InboundMail mail) {
        List<String> ids = new ArrayList<>(mail.references());
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        ids.removeIf(id -> id == null || id.isBlank());
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ourMails = mails.sentWithMessageIds(ids);
        return jdbc.sql("""
                        select i.reference from inquiry_message m join inquiry i on i.id = m.inquiry_id
                         where m.message_id in (:ids) %s
                         order by m.created_at desc, m.id desc
                         limit 1
                        """.formatted(ourMails.isEmpty() ? "" : "or m.outbound_mail_id in (:mails)"))
                .param("ids", ids)
                .param("mails", ourMails)
                .query(String.class)
                .optional();
    }

    /** {@code [INQ-…]} in the subject, if that inquiry exists and belongs to the sender. */
    private Optional<String> referenceInSubjectOf(String subject, EmailAddress from) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = REFERENCE_IN_SUBJECT.matcher(subject);
        while (m.find()) {
            String reference = m.group(1);
            boolean sendersOwn = jdbc.sql("""
                            select count(*) from inquiry i join customer_view c on c.id = i.customer_id
                             where i.reference = :reference and c.email_normalized = :email
                            """)
                            .param("reference", reference)
                            .param("email", from.normalized())
                            .query(Long.class)
                            .single()
                    > 0;
            if (sendersOwn) {
                return Optional.of(reference);
            }
        }
        return Optional.empty();
    }

    private void storeAttachments(long messageId, List<Inquiries.MailAttachment> attachments) {
        for (Inquiries.MailAttachment a : attachments) {
            jdbc.sql("""
                            insert into inquiry_attachment (message_id, filename, content_type, size_bytes, content)
                            values (:message, :filename, :type, :size, :content)
                            """)
                    .param("message", messageId)
                    .param("filename", a.filename())
                    .param("type", a.contentType())
                    .param("size", a.content().length)
                    .param("content", a.content())
                    .update();
        }
    }

    /** A customer needs a name: the mail's display name, else the local part of the address. */
    private static String nameOf(String displayName, EmailAddress from) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 200 || Text.hasControlCharacters(name, false)) {
            String address = from.value();
            name = address.substring(0, Math.max(1, address.indexOf('@')));
        }
        return name;
    }
}
