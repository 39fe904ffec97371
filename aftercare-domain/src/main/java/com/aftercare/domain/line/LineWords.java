package com.aftercare.domain.line;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.line.LineIdentities.NoticeChannel;

/**
 * The words the LINE channel says to a customer or keeps for a message that has none, in the
 * customer's language (the shop's, until customers carry their own). The web module says them from
 * the messages files, where every word a person reads lives; the modules that take LINE's webhook
 * only ask.
 */
public interface LineWords {

    /**
     * What a message without words is called (a picture, a sticker, a file), so the desk keeps a
     * word rather than a symbol an emoji-less font draws as an empty box.
     *
     * @param kind {@code IMAGE}, {@code STICKER}, {@code FILE}, {@code VIDEO}, {@code AUDIO} or {@code LOCATION}
     */
    String contentKind(String kind, CustomerId customer);

    /**
     * The answer to a customer who chose with a rich menu button where notices go.
     *
     * @param onLineNow whether their notices now come on LINE (the storefront sends notices on LINE
     *     and the account is linked to them); when they chose LINE and it is not so yet, the answer
     *     says notices keep coming by mail until it is
     */
    String noticesChosen(NoticeChannel chosen, boolean onLineNow, CustomerId customer);

    /**
     * The default words of the automatic first reply to a LINE-only customer's new conversation: a
     * greeting, that an operator answers in turn, and the order lookup {@code link}.
     */
    String firstReply(String link, CustomerId customer);
}
