package com.aftercare.web.api.line;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.line.LineIdentities.NoticeChannel;
import com.aftercare.domain.line.LineWords;
import com.aftercare.domain.mail.Mails;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The LINE channel's words from the messages files ({@code inquiry.line.kind.*}, {@code
 * line.notices.chosen.*}, {@code line.firstReply.text}), in the language the customer's mail is
 * written in.
 */
@Component
class MessagesLineWords implements LineWords {

    private final MessageSource messages;
    private final Mails mails;

    MessagesLineWords(MessageSource messages, Mails mails) {
        this.messages = messages;
        this.mails = mails;
    }

    @Override
    public String contentKind(String kind, CustomerId customer) {
        return messages.getMessage("inquiry.line.kind." + kind, null, localeOf(customer));
    }

    @Override
    public String noticesChosen(NoticeChannel chosen, boolean onLineNow, CustomerId customer) {
        return noticesChosen(chosen, onLineNow, localeOf(customer));
    }

    String noticesChosen(NoticeChannel chosen, boolean onLineNow, Locale locale) {
        String key = chosen == NoticeChannel.LINE && !onLineNow ? "LINE.later" : chosen.name();
        return messages.getMessage("line.notices.chosen." + key, null, locale);
    }

    @Override
    public String firstReply(String link, CustomerId customer) {
        return firstReply(link, localeOf(customer));
    }

    String firstReply(String link, Locale locale) {
        return messages.getMessage("line.firstReply.text", new Object[] {link}, locale);
    }

    private Locale localeOf(CustomerId customer) {
        return Locale.forLanguageTag(mails.languageFor(customer));
    }
}
