package com.aftercare.web.api.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.line.LineIdentities.NoticeChannel;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The confirmation of a customer's own choice, in Japanese and English, from the messages files. */
class MessagesLineWordsTest {

    private final MessagesLineWords words = new MessagesLineWords(messages(), null);

    @Test
    void shouldConfirmTheChoiceInJapaneseAndInEnglish() {
        assertThat(words.noticesChosen(NoticeChannel.LINE, true, Locale.JAPANESE))
                .isEqualTo("ありがとうございます。発送のお知らせなどのご案内は、この LINE でお届けします。");
        assertThat(words.noticesChosen(NoticeChannel.MAIL, false, Locale.ENGLISH))
                .isEqualTo("Thank you. We will send you notices (shipping, order follow-ups) by email.");
        assertThat(words.noticesChosen(NoticeChannel.LINE, true, Locale.ENGLISH))
                .isEqualTo("Thank you. We will send you notices (shipping, order follow-ups) here on LINE.");
    }

    @Test
    void shouldNotPromiseLineWhileNoticesStillGoByMail() {
        assertThat(words.noticesChosen(NoticeChannel.LINE, false, Locale.ENGLISH))
                .contains("keep coming by email");
        assertThat(words.noticesChosen(NoticeChannel.LINE, false, Locale.JAPANESE))
                .contains("これまでどおりメールでお届けします");
    }

    @Test
    void shouldGreetWithTheLookupLinkInJapaneseAndInEnglish() {
        String link = "https://shop.example/portal?line=t";

        assertThat(words.firstReply(link, Locale.JAPANESE))
                .startsWith("お問い合わせありがとうございます。担当者が順にお返事します。")
                .endsWith("\n" + link);
        assertThat(words.firstReply(link, Locale.ENGLISH))
                .startsWith("Thank you for your message. Our staff will answer you in turn.")
                .endsWith("\n" + link);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
