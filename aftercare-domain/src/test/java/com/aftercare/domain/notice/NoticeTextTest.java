package com.aftercare.domain.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.line.LineOutbox;
import org.junit.jupiter.api.Test;

class NoticeTextTest {

    @Test
    void shouldPutTheSubjectAboveTheTextWithLinksKeptAsText() {
        assertThat(NoticeText.of("【店】発送しました", "山田 様\r\n\r\n追跡：https://example.jp/t?n=1\r\n"))
                .isEqualTo("【店】発送しました\n\n山田 様\n\n追跡：https://example.jp/t?n=1");
    }

    @Test
    void shouldCutALongTextToLinesLimitWithAnEllipsis() {
        String text = NoticeText.of("件名", "あ".repeat(6000));

        assertThat(text).hasSize(LineOutbox.MAX_TEXT).endsWith(NoticeText.CUT);
    }

    @Test
    void shouldNeverCutAnEmojiInHalf() {
        // "件名\n\n" is 4 units; pad so that the cut falls between the two halves of a surrogate pair
        String body = "x".repeat(LineOutbox.MAX_TEXT - 1 - 4 - 1) + "🙇".repeat(10);

        String text = NoticeText.of("件名", body);

        assertThat(text.length()).isLessThanOrEqualTo(LineOutbox.MAX_TEXT);
        assertThat(Character.isHighSurrogate(text.charAt(text.length() - 2))).isFalse();
        assertThat(text).endsWith("x" + NoticeText.CUT);
    }
}
