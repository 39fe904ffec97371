package com.aftercare.domain.mail;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One mail to send from a template, as a module asks for it. The pipeline picks the template's
 * version (the storefront's own, the shop's, the shipped one; the customer's language, else the
 * shop's), renders it with {@link #variables}, adds what the law asks of a promotional mail (the
 * sender's address, a one-click opt-out link and its headers), and stores it in the outbox in the
 * caller's transaction.
 *
 * @param dedupKey unique per logical mail ({@code order-thanks:42}): asking twice keeps the first,
 *     so a listener that runs again never doubles a mail
 * @param template the template's code ({@code claim-approved}); for a composed mail (a newsletter)
 *     the name the delivery log shows
 * @param customer who it is for, when a customer (timeline, opt-out, cap); null for staff mail
 * @param order the order it is about, if any
 * @param storefront whose version of the template to use; null for the shop's
 * @param to the address; null only for a notice to a customer without email, which may still go
 *     on LINE ({@code Notices}): queued as a mail, it is refused
 * @param headers extra headers such as {@code In-Reply-To}
 * @param dueAt the earliest time it may be sent
 */
public record MailRequest(
        String dedupKey,
        MailKind kind,
        String template,
        CustomerId customer,
        OrderId order,
        StorefrontId storefront,
        String to,
        Map<String, Object> variables,
        Map<String, String> headers,
        Instant dueAt) {

    public MailRequest {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(dueAt, "dueAt");
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (kind == MailKind.PROMOTIONAL && customer == null) {
            throw new IllegalArgumentException("A promotional mail goes to a customer, who can opt out");
        }
    }

    /** A service mail to a customer, due now. */
    public static MailRequest transactional(
            String dedupKey,
            String template,
            CustomerId customer,
            OrderId order,
            StorefrontId storefront,
            String to,
            Map<String, Object> variables,
            Instant now) {
        return new MailRequest(
                dedupKey, MailKind.TRANSACTIONAL, template, customer, order, storefront, to, variables, Map.of(), now);
    }

    public MailRequest withHeaders(Map<String, String> more) {
        return new MailRequest(dedupKey, kind, template, customer, order, storefront, to, variables, more, dueAt);
    }
}
