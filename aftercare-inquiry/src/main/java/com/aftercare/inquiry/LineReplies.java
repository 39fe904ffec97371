package com.aftercare.inquiry;

import com.aftercare.domain.line.LineOutbox;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Queues an operator's reply to a LINE conversation in the LINE outbox, in the caller's
 * transaction: the reply and its LINE text commit together or not at all. When the reply answers
 * the customer's last message directly (no other reply between), that message's reply token goes
 * with it, and the dispatcher uses it while LINE still takes it (a reply is free; a push counts
 * against the shop's monthly message allowance).
 */
@Component
class LineReplies {

    private final LineOutbox outbox;

    LineReplies(LineOutbox outbox) {
        this.outbox = outbox;
    }

    void queue(Inquiry inquiry, InquiryMessage reply, Instant now) {
        if (inquiry.channel() != Channel.LINE || inquiry.lineIdentityId() == null) {
            return;
        }
        InquiryMessage answered = lastWordBefore(inquiry.messages(), reply);
        boolean tokenUsable = answered != null
                && answered.direction() == InquiryMessage.Direction.INBOUND
                && answered.lineReplyToken() != null;
        long pushId = outbox.send(
                new LineOutbox.LineText(
                        ReplyMail.dedupKey(reply.id()),
                        inquiry.lineIdentityId(),
                        reply.body(),
                        tokenUsable ? answered.lineReplyToken() : null,
                        tokenUsable ? answered.createdAt() : null),
                now);
        reply.sentOnLine(pushId);
    }

    /** The message before {@code reply} that the customer or an operator said (notes are internal). */
    private static InquiryMessage lastWordBefore(List<InquiryMessage> messages, InquiryMessage reply) {
        int at = messages.indexOf(reply);
        for (int i = (at < 0 ? messages.size() : at) - 1; i >= 0; i--) {
            if (messages.get(i).direction() != InquiryMessage.Direction.NOTE) {
                return messages.get(i);
            }
        }
        return null;
    }
}
