package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.OutgoingMail;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The mail that carries an operator's reply to the customer. A pure function of the inquiry, the
 * reply and the customer, so the rules (which channels get mail, subject, signature, threading)
 * are tested without SMTP.
 */
final class ReplyMail {

    static final String TEMPLATE = "inquiry-reply";

    /**
     * Written channels get the reply by mail: the customer wrote and expects a written answer at
     * the address they gave. A reply to a PHONE call or a VISIT records what the operator said
     * there; mailing it as well would surprise the customer.
     */
    private static final Set<Channel> BY_MAIL = EnumSet.of(Channel.EMAIL, Channel.WEB_FORM, Channel.CHAT);

    private ReplyMail() {}

    static boolean goesOutByMail(Channel channel) {
        return BY_MAIL.contains(channel);
    }

    static String dedupKey(long messageId) {
        return "inquiry-reply:" + messageId;
    }

    /**
     * @param lastInboundMessageId the {@code Message-ID} of the customer's last mail, or null:
     *     the reply threads under it ({@code In-Reply-To}, {@code References})
     */
    static OutgoingMail of(
            Inquiry inquiry,
            long replyMessageId,
            String body,
            CustomerView customer,
            String lastInboundMessageId,
            String shopName,
            Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (lastInboundMessageId != null && !lastInboundMessageId.isBlank()) {
            String id = angled(lastInboundMessageId.strip());
            headers.put("In-Reply-To", id);
            headers.put("References", id);
        }
        return new OutgoingMail(
                dedupKey(replyMessageId),
                MailKind.TRANSACTIONAL,
                TEMPLATE,
                inquiry.customer().value(),
                inquiry.order() == null ? null : inquiry.order().value(),
                customer.email().value(),
                subject(inquiry.subject(), inquiry.reference()),
                body(body, customer.name(), shopName, inquiry.reference()),
                null,
                headers,
                now);
    }

    /** {@code Re: <subject> [INQ-2026-000123]}: the reference lets a reply without headers find its inquiry. */
    static String subject(String subject, String reference) {
        String base = subject.strip();
        while (base.regionMatches(true, 0, "Re:", 0, 3)) {
            base = base.substring(3).strip();
        }
        return "Re: " + base + " [" + reference + "]";
    }

    static String body(String reply, String customerName, String shopName, String reference) {
        StringBuilder text = new StringBuilder();
        if (customerName != null && !customerName.isBlank()) {
            text.append(customerName.strip()).append(" 様\n\n");
        }
        text.append(reply.strip()).append("\n\n");
        text.append("--\n");
        text.append(shopName).append('\n');
        text.append("お問い合わせ番号: ").append(reference).append('\n');
        text.append("ご返信の際は、件名のお問い合わせ番号を消さずにお送りください。\n");
        return text.toString();
    }

    private static String angled(String messageId) {
        return messageId.startsWith("<") ? messageId : "<" + messageId + ">";
    }
}
