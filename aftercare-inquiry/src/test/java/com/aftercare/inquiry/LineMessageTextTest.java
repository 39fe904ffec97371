package com.aftercare.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class LineMessageTextTest {

    @Test
    void shouldKeepATextMessageWithEmojiSequencesAsWritten() {
        String text = "届きました🙇\u200D♀\uFE0F ありがとう👨\u200D👩\u200D👧";

        assertThat(LineMessageText.bodyOf(
                        new LineConversations.Message("1", LineConversations.Kind.TEXT, text, null), null))
                .isEqualTo(text);
    }

    @Test
    void shouldRefuseATextWithAZeroWidthJoinerHidingInsideWords() {
        assertThatThrownBy(() -> LineMessageText.bodyOf(
                        new LineConversations.Message("1", LineConversations.Kind.TEXT, "山田\u200D花子", null), null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("message.text"));
    }

    @Test
    void shouldLabelAPictureAStickerAndAFileInWordsWithoutASymbol() {
        assertThat(LineMessageText.bodyOf(
                        new LineConversations.Message("1", LineConversations.Kind.IMAGE, null, null), "画像"))
                .isEqualTo("[画像]");
        assertThat(LineMessageText.bodyOf(
                        new LineConversations.Message("2", LineConversations.Kind.STICKER, "Happy, Smile", null),
                        "スタンプ"))
                .isEqualTo("[スタンプ] Happy, Smile");
        assertThat(LineMessageText.bodyOf(
                        new LineConversations.Message("3", LineConversations.Kind.FILE, null, "領収書.pdf"), "ファイル"))
                .isEqualTo("[ファイル] 領収書.pdf");
    }

    @Test
    void shouldMakeASubjectOfTheFirstLineWithoutCuttingASurrogatePair() {
        String subject = LineMessageText.subjectOf("😊".repeat(45) + "\n二行目");

        assertThat(subject).isEqualTo("😊".repeat(40) + "…");
        assertThat(LineMessageText.subjectOf("サイズ交換\nできますか")).isEqualTo("サイズ交換");
    }
}
