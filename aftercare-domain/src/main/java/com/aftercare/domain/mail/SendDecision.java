package com.aftercare.domain.mail;

import java.time.Instant;

/**
 * What to do with a mail the shop sends on its own initiative once it is due: send it at
 * {@link #sendAt} (now, or later when quiet hours or the frequency cap say so), or skip it for
 * {@link #skipReason}.
 */
public record SendDecision(Instant sendAt, String skipReason) {

    public static SendDecision skip(String reason) {
        return new SendDecision(null, reason);
    }

    public static SendDecision at(Instant sendAt) {
        return new SendDecision(sendAt, null);
    }

    public boolean skipped() {
        return skipReason != null;
    }

    public boolean sendsNow(Instant now) {
        return !skipped() && !sendAt.isAfter(now);
    }
}
