package com.aftercare.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyMailTest {

    @Test
    void shouldPutTheReferenceInTheSubjectSoThatAnAnswerWithoutHeadersFindsItsInquiry() {
        assertThat(ReplyMail.subject("お届け日の変更について", "INQ-2026-000123")).isEqualTo("Re: お届け日の変更について [INQ-2026-000123]");
    }

    @Test
    void shouldNotStackReplyPrefixes() {
        assertThat(ReplyMail.subject("RE: Re: 返品", "INQ-2026-000001")).isEqualTo("Re: 返品 [INQ-2026-000001]");
    }

    @Test
    void shouldSignTheBodyWithTheShopName() {
        String body = ReplyMail.body("お待たせいたしました。\n", "山田 花子", "テスト商店", "INQ-2026-000001");

        assertThat(body).startsWith("山田 花子 様\n\nお待たせいたしました。\n\n--\nテスト商店\n").contains("INQ-2026-000001");
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
