package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.line.LineChannels;
import com.aftercare.domain.line.LineIdentities;
import com.aftercare.domain.line.LineIdentities.LineIdentity;
import com.aftercare.domain.line.LineLinks;
import com.aftercare.domain.line.LineWords;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The automatic first reply on LINE: a new conversation of a LINE-only customer (the account is
 * not linked to an order, the customer has no email) is answered at once with a
 * greeting and the portal's order lookup link, when the storefront turned it on ({@link
 * LineChannels#firstReply}). An operator would otherwise send the same link by hand.
 *
 * <p>It runs in the transaction that takes the webhook event and opens the conversation, so a
 * redelivered event (already recorded) answers nothing more, and the text goes through the LINE
 * outbox as an operator's reply does ({@link LineReplies}: the message's reply token while LINE
 * takes it, else a push). It is the desk's answer, not a person's: it does not stop the
 * first-response clock ({@link Inquiry#recordAutomaticReply}).
 */
@Component
class LineFirstReplies {

    /** Who the conversation and its trail name for the answer (said as {@code actor.line-first-reply}). */
    static final String ACTOR = "line-first-reply";

    private final LineChannels channels;
    private final LineIdentities identities;
    private final LineLinks links;
    private final LineWords words;
    private final Customers customers;
    private final LineReplies replies;
    private final InquiryStore store;

    LineFirstReplies(
            LineChannels channels,
            LineIdentities identities,
            LineLinks links,
            LineWords words,
            Customers customers,
            LineReplies replies,
            InquiryStore store) {
        this.channels = channels;
        this.identities = identities;
        this.links = links;
        this.words = words;
        this.customers = customers;
        this.replies = replies;
        this.store = store;
    }

    /** Answers the conversation {@code opened} just now for {@code identity}, if the storefront wants it. */
    void answer(Inquiry opened, LineIdentity identity, Instant now) {
        channels.firstReply(identity.storefront())
                .filter(reply -> lineOnly(identity))
                .ifPresent(reply -> {
                    String link = links.issue(identity.id(), ACTOR);
                    String text = reply.with(link, url -> words.firstReply(url, identity.customer()));
                    // never stamped before the message it answers (the intake read the clock after the caller)
                    Instant at = now.isAfter(opened.createdAt()) ? now : opened.createdAt();
                    opened.recordAutomaticReply(ACTOR, text, at);
                    replies.queue(opened, store.flushAndLast(opened), at);
                });
    }

    /**
     * A customer the shop does not know beyond the LINE account: an account the person linked, or
     * one an operator's merge put on a customer with an email (every order has one), has no use
     * for the lookup link.
     */
    private boolean lineOnly(LineIdentity identity) {
        return !identities.linked(identity.id())
                && !customers
                        .find(identity.customer())
                        .map(CustomerView::hasEmail)
                        .orElse(true);
    }
}
