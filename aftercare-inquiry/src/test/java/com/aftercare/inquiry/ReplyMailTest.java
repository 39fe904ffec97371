package com.aftercare.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyMailTest {

    @Test
    void shouldGiveTheTemplateTheReferenceTagThatAnAnswerWithoutHeadersIsFoundBy() {
        Map<String, Object> variables =
                ReplyMail.variables("お届け日の変更について", "INQ-2026-000123", "お待たせいたしました。\n", "山田 花子", "テスト商店");

        assertThat(variables)
                .containsEntry("referenceTag", "[INQ-2026-000123]")
                .containsEntry("inquirySubject", "お届け日の変更について")
                .containsEntry("replyBody", "お待たせいたしました。")
                .containsEntry("shopName", "テスト商店");
    }

    @Test
    void shouldNotStackReplyPrefixes() {
        assertThat(ReplyMail.baseSubject("RE: Re: 返品")).isEqualTo("返品");
    }

    @Test
    void shouldLeaveTheGreetingOutForACustomerWithoutAName() {
        assertThat(ReplyMail.variables("件名", "INQ-2026-000001", "本文", null, "テスト商店"))
                .containsEntry("customerName", "");
    }

    @Test
    void shouldMailRepliesOnlyOnWrittenChannels() {
        assertThat(ReplyMail.goesOutByMail(Channel.EMAIL)).isTrue();
        assertThat(ReplyMail.goesOutByMail(Channel.WEB_FORM)).isTrue();
        assertThat(ReplyMail.goesOutByMail(Channel.CHAT)).isTrue();
        assertThat(ReplyMail.goesOutByMail(Channel.PHONE)).isFalse();
        assertThat(ReplyMail.goesOutByMail(Channel.VISIT)).isFalse();
    }
}
