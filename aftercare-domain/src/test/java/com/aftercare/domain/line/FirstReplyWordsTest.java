package com.aftercare.domain.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

/** The shop's words of the automatic first reply on LINE, and where the link goes in them. */
class FirstReplyWordsTest {

    private static final String LINK = "https://shop.example/portal?line=t";

    @Test
    void shouldPutTheLinkWhereTheShopWroteItElseOnALineOfItsOwn() {
        assertThat(new LineChannels.FirstReply("こちら {link} からどうぞ").with(LINK, l -> "default " + l))
                .isEqualTo("こちら " + LINK + " からどうぞ");
        assertThat(new LineChannels.FirstReply("ようこそ").with(LINK, l -> "default " + l))
                .isEqualTo("ようこそ\n" + LINK);
        assertThat(new LineChannels.FirstReply(null).with(LINK, l -> "default " + l))
                .isEqualTo("default " + LINK);
    }

    @Test
    void shouldKeepBlankWordsAsTheDefaultAndRefuseLongOrControlledOnes() {
        assertThat(LineChannels.firstReplyWords("   ")).isNull();
        assertThat(LineChannels.firstReplyWords(" 一行目\r\n二行目 ")).isEqualTo("一行目\n二行目");
        assertThat(LineChannels.firstReplyWords("あ".repeat(LineChannels.MAX_FIRST_REPLY)))
                .hasSize(LineChannels.MAX_FIRST_REPLY);
        assertThatThrownBy(() -> LineChannels.firstReplyWords("あ".repeat(LineChannels.MAX_FIRST_REPLY + 1)))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("firstReplyText"));
        assertThatThrownBy(() -> LineChannels.firstReplyWords("bell\u0007"))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("firstReplyText"));
    }
}
