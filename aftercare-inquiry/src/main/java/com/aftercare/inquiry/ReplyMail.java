package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailRequest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The mail that carries an operator's reply to the customer (template {@value #TEMPLATE}). A pure
 * function of the inquiry, the reply and the customer, so the rules (which channels get mail,
 * the subject the customer's answer is threaded by, the headers) are tested without SMTP.
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
    static MailRequest of(
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
        return new MailRequest(
                dedupKey(replyMessageId),
                MailKind.TRANSACTIONAL,
                TEMPLATE,
                inquiry.customer(),
                inquiry.order(),
                inquiry.storefront(),
                customer.email().value(),
                variables(inquiry.subject(), inquiry.reference(), body, customer.name(), shopName),
                headers,
                now);
    }

    /** What the template gets; {@code referenceTag} ({@code [INQ-…]}) is what a customer's answer is found by. */
    static Map<String, Object> variables(
            String subject, String reference, String reply, String customerName, String shopName) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("shopName", shopName);
        variables.put("customerName", customerName == null ? "" : customerName.strip());
        variables.put("inquirySubject", baseSubject(subject));
        variables.put("inquiryReference", reference);
        variables.put("referenceTag", referenceTag(reference));
        variables.put("replyBody", reply.strip());
        return variables;
    }

    /** {@code [INQ-2026-000123]}: in a subject, it lets a reply without headers find its inquiry. */
    static String referenceTag(String reference) {
        return "[" + reference + "]";
    }

    /** The subject without the {@code Re:} prefixes a thread piles up. */
    static String baseSubject(String subject) {
        String base = subject.strip();
        while (base.regionMatches(true, 0, "Re:", 0, 3)) {
            base = base.substring(3).strip();
        }
        return base;
    }

    private static String angled(String messageId) {
        return messageId.startsWith("<") ? messageId : "<" + messageId + ">";
    }
}
