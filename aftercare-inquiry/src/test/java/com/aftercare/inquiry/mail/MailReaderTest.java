package com.aftercare.inquiry.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.inquiry.AttachmentPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parsing without a server: raw RFC 822 text in, what the desk stores out. */
class MailReaderTest {

    final MailReader reader = new MailReader(new AttachmentPolicy(1024, Set.of("image/png", "text/plain")));

    MailReader.ParsedMail read(String raw) throws MailReader.Unreadable {
        return reader.read(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldDecodeAnEncodedSubjectAndSenderAndKeepTheThreadingHeaders() throws Exception {
        MailReader.ParsedMail mail = read("""
                From: =?UTF-8?B?5bGx55SwIOiKseWtkA==?= <hanako@example.jp>
                Subject: =?UTF-8?B?44Oe44Kw44Kr44OD44OX?=
                Message-ID: <m2@example.jp>
                In-Reply-To: <m1@example.jp>
                References: <m0@example.jp>
                 <m1@example.jp>
                Content-Type: text/plain; charset=UTF-8

                本文です。
                """);

        assertThat(mail.fromAddress()).isEqualTo("hanako@example.jp");
        assertThat(mail.fromName()).isEqualTo("山田 花子");
        assertThat(mail.subject()).isEqualTo("マグカップ");
        assertThat(mail.body()).isEqualTo("本文です。");
        assertThat(mail.messageId()).isEqualTo("<m2@example.jp>");
        assertThat(mail.inReplyTo()).isEqualTo("<m1@example.jp>");
        assertThat(mail.references()).containsExactly("<m0@example.jp>", "<m1@example.jp>");
    }

    @Test
    void shouldDecodeNecCharactersInAnIso2022JpSubject() throws Exception {
        String word = java.util.Base64.getEncoder().encodeToString("①の件".getBytes("x-windows-iso2022jp"));

        MailReader.ParsedMail mail =
                read("From: a@example.jp\nSubject: =?ISO-2022-JP?B?" + word + "?=\nContent-Type: text/plain\n\nx\n");

        assertThat(mail.subject()).isEqualTo("①の件");
    }

    @Test
    void shouldPreferThePlainTextOfAnAlternative() throws Exception {
        MailReader.ParsedMail mail = read("""
                From: a@example.jp
                Subject: x
                Content-Type: multipart/alternative; boundary="b"

                --b
                Content-Type: text/plain; charset=UTF-8

                プレーン
                --b
                Content-Type: text/html; charset=UTF-8

                <p>エイチティーエムエル</p>
                --b--
                """);

        assertThat(mail.body()).isEqualTo("プレーン");
    }

    @Test
    void shouldDropControlAndInvisibleCharactersAndFillAMissingSubject() throws Exception {
        MailReader.ParsedMail mail =
                read("From: a@example.jp\nContent-Type: text/plain; charset=UTF-8\n\nA\u0007B\u200bC\u202eD\n");

        assertThat(mail.subject()).isEqualTo(MailReader.NO_SUBJECT);
        assertThat(mail.body()).isEqualTo("ABCD");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "From: hanako@example.jp\nAuto-Submitted: auto-replied\nSubject: 不在のお知らせ\n\n休暇中です。\n",
                "From: hanako@example.jp\nPrecedence: bulk\nSubject: お知らせ\n\n本文\n",
                "From: hanako@example.jp\nX-Autoreply: yes\nSubject: Re: ご注文\n\n自動返信\n",
                "From: MAILER-DAEMON@mx.example.jp\nSubject: Undelivered Mail\n\nbounce\n",
            })
    void shouldNotFileMailWrittenByAMachine(String raw) {
        assertThatThrownBy(() -> read(raw))
                .isInstanceOf(MailReader.Unreadable.class)
                .hasMessageContaining("automatic mail");
    }

    @Test
    void shouldFileAMailThatSaysItWasNotAutomatic() throws Exception {
        assertThat(read("From: hanako@example.jp\nAuto-Submitted: no\nSubject: 質問\n\n本文\n")
                        .subject())
                .isEqualTo("質問");
    }

    @Test
    void shouldRefuseAMailWithoutSender() {
        assertThatThrownBy(() -> read("Subject: x\n\nbody\n"))
                .isInstanceOf(MailReader.Unreadable.class)
                .hasMessageContaining("no From address");
    }

    @Test
    void shouldTurnHtmlIntoTextWithoutScriptsOrTags() {
        assertThat(HtmlText.of("<p>一行目<br>二行目</p><script>alert(1)</script><style>p{}</style>"
                        + "<div onclick=\"x()\">三&lt;行&gt;目</div><!-- comment -->"))
                .isEqualTo("一行目\n二行目\n三<行>目");
    }
}
