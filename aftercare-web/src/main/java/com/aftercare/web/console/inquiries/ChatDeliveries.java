package com.aftercare.web.console.inquiries;

import com.aftercare.domain.inquiry.InquiryEvents.ChatReplySent;
import com.aftercare.domain.webhook.WebhookDeliveries;
import com.aftercare.domain.webhook.WebhookEvent;
import com.aftercare.domain.webhook.WebhookSubscriptions;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.InquiryView;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the inquiry page shows about a storefront's chat: the delivery state of each reply sent
 * there ({@code inquiry.message_sent}), and whether the storefront takes such replies at all (if
 * not, the reply form asks before mailing instead; see {@code ChatReplies}).
 */
@Component
class ChatDeliveries {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;

    ChatDeliveries(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    static boolean storefrontChat(InquiryView inquiry) {
        return inquiry.channel() == Channel.CHAT && inquiry.storefront() != null;
    }

    /** A storefront chat nothing would carry a reply to. */
    boolean unreachable(InquiryView inquiry) {
        return storefrontChat(inquiry) && !subscriptions.wants(inquiry.storefront(), WebhookEvent.INQUIRY_MESSAGE_SENT);
    }

    /** By message id, for the replies that went to the storefront's chat. */
    Map<Long, WebhookDeliveries.State> states(InquiryView inquiry) {
        Map<Long, WebhookDeliveries.State> byMessage = new HashMap<>();
        if (!storefrontChat(inquiry)) {
            return byMessage;
        }
        Map<String, Long> subjects = new HashMap<>();
        inquiry.messages().stream()
                .filter(m -> m.direction().equals("OUTBOUND"))
                .forEach(m -> subjects.put(ChatReplySent.deliverySubject(m.id()), m.id()));
        deliveries.states(subjects.keySet()).forEach((subject, state) -> byMessage.put(subjects.get(subject), state));
        return byMessage;
    }
}
