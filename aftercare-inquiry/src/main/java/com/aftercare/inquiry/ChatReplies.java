package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.inquiry.InquiryEvents.ChatReplySent;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.webhook.WebhookEvent;
import com.aftercare.domain.webhook.WebhookSubscriptions;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Which way an operator's reply leaves, and for a storefront's chat, sending it there. A CHAT
 * inquiry that came through a storefront is answered in that storefront's chat: the reply is
 * announced as {@link ChatReplySent}, which queues the {@code inquiry.message_sent} webhook in the
 * same transaction. When the storefront takes no such webhook, the answer would reach nobody; the
 * reply is refused unless the operator confirmed sending it by mail instead (and the customer has
 * an address), so a chat customer never gets an unexpected mail and never silently nothing.
 */
@Component
class ChatReplies {

    /** How a reply leaves: in the storefront's chat, or by whatever the channel does otherwise (mail, LINE). */
    enum Route {
        STOREFRONT_CHAT,
        USUAL
    }

    private final WebhookSubscriptions subscriptions;
    private final Customers customers;
    private final Operators operators;
    private final ApplicationEventPublisher events;

    ChatReplies(
            WebhookSubscriptions subscriptions,
            Customers customers,
            Operators operators,
            ApplicationEventPublisher events) {
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.operators = operators;
        this.events = events;
    }

    /**
     * Decided before anything is written.
     *
     * @param mailInstead the operator confirmed mailing the reply when the storefront's chat cannot take it
     * @throws InvalidValue naming {@code mailInstead} when the reply could reach the customer no way allowed
     */
    Route route(Inquiry inquiry, boolean mailInstead) {
        if (inquiry.channel() != Channel.CHAT || inquiry.storefront() == null) {
            return Route.USUAL;
        }
        if (subscriptions.wants(inquiry.storefront(), WebhookEvent.INQUIRY_MESSAGE_SENT)) {
            return Route.STOREFRONT_CHAT;
        }
        if (!mailInstead) {
            throw new InvalidValue("mailInstead", "the storefront takes no inquiry.message_sent webhook");
        }
        if (customers.find(inquiry.customer()).map(CustomerView::email).isEmpty()) {
            throw new InvalidValue("mailInstead", "the customer has no email address");
        }
        return Route.USUAL;
    }

    /** Announces the reply (already flushed, so it has its id) for the storefront's chat. */
    void send(Inquiry inquiry, InquiryMessage reply, Instant now) {
        ChatThread thread = inquiry.chatThread();
        String author = operators
                .find(reply.author())
                .map(Operators.Account::displayName)
                .orElse(reply.author());
        events.publishEvent(new ChatReplySent(
                inquiry.id(),
                inquiry.reference(),
                inquiry.storefront(),
                thread == null ? null : thread.conversationId(),
                thread == null ? null : thread.customerId(),
                reply.id(),
                reply.body(),
                author,
                now));
    }
}
