package com.aftercare.web.console.admin;

import com.aftercare.domain.line.LineChannels;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The storefront's automatic first reply on LINE: on or off, and the shop's own words (blank: the default). */
record LineFirstReplyForm(
        @NotNull Boolean firstReply,
        @Size(max = LineChannels.MAX_FIRST_REPLY) String firstReplyText) {

    static LineFirstReplyForm of(LineChannels.Settings settings) {
        return new LineFirstReplyForm(settings.firstReply(), settings.firstReplyText());
    }
}
