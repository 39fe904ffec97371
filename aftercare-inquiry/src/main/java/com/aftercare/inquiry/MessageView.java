package com.aftercare.inquiry;

import java.time.Instant;

/**
 * One message of an inquiry's conversation: the customer's, an operator's reply or note, or the
 * desk's own answer.
 *
 * @param contentKind what a LINE message carried besides text ({@code IMAGE}, {@code STICKER},
 *     {@code FILE}, {@code VIDEO}, {@code AUDIO}, {@code LOCATION}, {@code POSTBACK}), or null
 * @param linePushId the LINE text that carried an operator's reply (its state: {@code LinePushes}), or null
 */
public record MessageView(
        long id,
        String direction,
        String author,
        String authorName,
        String body,
        Channel channel,
        Instant at,
        String contentKind,
        Long linePushId) {

    /** The desk's own answer (the LINE first reply), not an operator's: it stopped no SLA clock. */
    public boolean automatic() {
        return "OUTBOUND".equals(direction) && LineFirstReplies.ACTOR.equals(author);
    }
}
