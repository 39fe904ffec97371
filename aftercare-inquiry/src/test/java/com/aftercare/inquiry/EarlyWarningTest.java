package com.aftercare.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EarlyWarningTest {

    @Test
    void shouldFindWordsOfComplaintInJapanese() {
        assertThat(EarlyWarning.complaintIn("対応が最悪でした。"))
                .contains(new EarlyWarning.Warning(EarlyWarning.Code.COMPLAINT_WORDS, "最悪"));
        assertThat(EarlyWarning.complaintIn("消費者センターに相談します")).isPresent();
    }

    @Test
    void shouldMatchHalfWidthKatakanaAsWritten() {
        assertThat(EarlyWarning.complaintIn("ｸﾚｰﾑを入れます"))
                .contains(new EarlyWarning.Warning(EarlyWarning.Code.COMPLAINT_WORDS, "クレーム"));
    }

    @Test
    void shouldKeepAWarningAsItsCodeAndArgumentOnTheTrail() {
        assertThat(EarlyWarning.repeatContact("INQ-2026-000042").trailDetail())
                .isEqualTo("REPEAT_CONTACT:INQ-2026-000042");
        assertThat(EarlyWarning.lowSatisfaction(2).trailDetail()).isEqualTo("LOW_SATISFACTION:2");
    }

    @Test
    void shouldLeaveAPoliteQuestionAlone() {
        assertThat(EarlyWarning.complaintIn("お届け日を変更できますか。よろしくお願いします。")).isEmpty();
        assertThat(EarlyWarning.complaintIn(null)).isEmpty();
    }
}
