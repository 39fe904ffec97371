package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.shop.ShopProperties;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Asks for the mail of an operator's reply, in the caller's transaction: the reply and its
 * mail commit together or not at all. The message remembers the outbox row
 * ({@code outbound_mail_id}), whose Message-ID (set when the dispatcher sends it) is what a
 * customer's answer names in {@code In-Reply-To}.
 */
@Component
class ReplyMailer {

    private final Mails mails;
    private final Customers customers;
    private final ShopProperties shop;

    ReplyMailer(Mails mails, Customers customers, ShopProperties shop) {
        this.mails = mails;
        this.customers = customers;
        this.shop = shop;
    }

    /** Queues the mail for {@code reply} (already flushed, so it has its id) when the channel is answered by mail. */
    void queue(Inquiry inquiry, InquiryMessage reply, Instant now) {
        if (!ReplyMail.goesOutByMail(inquiry.channel())) {
            return;
        }
        Optional<CustomerView> customer = customers.find(inquiry.customer());
        if (customer.isEmpty() || !customer.get().hasEmail()) {
            // the reply stays on the inquiry; its page tells the operator no mail goes out (#12 §2)
            return;
        }
        MailRequest mail = ReplyMail.of(
                inquiry, reply.id(), reply.body(), customer.get(), lastInboundMessageId(inquiry), shop.name(), now);
        long mailId = mails.send(mail);
        reply.sentAsMail(mailId);
    }

    /** The Message-ID of the customer's latest mail, if they wrote by mail at all. */
    private static String lastInboundMessageId(Inquiry inquiry) {
        List<InquiryMessage> messages = inquiry.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            InquiryMessage m = messages.get(i);
            if (m.direction() == InquiryMessage.Direction.INBOUND && m.messageId() != null) {
                return m.messageId();
            }
        }
        return null;
    }
}
