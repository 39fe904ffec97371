package com.aftercare.web.inquiries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An operator's reply leaves as one outbox mail, in the reply's transaction, threaded under the customer's mail. */
@AftercareIntegrationTest
class InquiryReplyMailTest {

    @Autowired
    Inquiries inquiries;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    String email;
    String operator;

    @BeforeEach
    void setUp() {
        storefront = TestStorefronts.create(storefronts);
        email = Events.unique("reply") + "@example.jp";
        operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(operator, "{noop}x", "オペレーター", Operators.Role.OPERATOR);
    }

    @Test
    void shouldEnqueueExactlyOneMailThreadedUnderTheCustomersMessageId() {
        String reference = open(Channel.EMAIL);
        jdbc.sql("""
                        update inquiry_message set message_id = :mid
                         where direction = 'INBOUND' and inquiry_id = (select id from inquiry where reference = :r)
                        """)
                .param("mid", "<customer-1@mail.example.jp>")
                .param("r", reference)
                .update();

        long messageId = inquiries.reply(new Inquiries.Reply(reference, operator, "12月1日の午前中に変更いたしました。"));

        List<Map<String, Object>> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        Map<String, Object> mail = mails.get(0);
        assertThat(mail.get("dedup_key")).isEqualTo("inquiry-reply:" + messageId);
        assertThat(mail.get("kind")).isEqualTo("TRANSACTIONAL");
        assertThat(mail.get("template")).isEqualTo("inquiry-reply");
        assertThat(mail.get("subject")).isEqualTo("Re: お届け日の変更について [" + reference + "]");
        assertThat((String) mail.get("text_body")).contains("12月1日の午前中に変更いたしました。");
        assertThat(mail.get("in_reply_to")).isEqualTo("<customer-1@mail.example.jp>");
        assertThat(mail.get("refs")).isEqualTo("<customer-1@mail.example.jp>");
        assertThat(jdbc.sql("select outbound_mail_id from inquiry_message where id = :id")
                        .param("id", messageId)
                        .query(Long.class)
                        .single())
                .isEqualTo(((Number) mail.get("id")).longValue());
    }

    @Test
    void shouldSendAWebFormReplyWithoutThreadingHeaders() {
        String reference = open(Channel.WEB_FORM);

        inquiries.reply(new Inquiries.Reply(reference, operator, "ご連絡ありがとうございます。"));

        List<Map<String, Object>> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("in_reply_to")).isNull();
    }

    @Test
    void shouldRecordAPhoneReplyWithoutSendingMail() {
        String reference = open(Channel.PHONE);

        long messageId = inquiries.reply(new Inquiries.Reply(reference, operator, "お電話でご説明しました。"));

        assertThat(mailsTo(email)).isEmpty();
        assertThat(jdbc.sql("select outbound_mail_id from inquiry_message where id = :id")
                        .param("id", messageId)
                        .query(Long.class)
                        .optional())
                .isEmpty();
    }

    @Test
    void shouldRefuseAnEmptyReplyAndWriteNothing() {
        String reference = open(Channel.EMAIL);

        assertThatThrownBy(() -> inquiries.reply(new Inquiries.Reply(reference, operator, "  \n ")))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("body"));

        assertThat(mailsTo(email)).isEmpty();
        assertThat(inquiries.find(reference).orElseThrow().messages()).hasSize(1);
    }

    private String open(Channel channel) {
        return inquiries
                .open(new Inquiries.OpenInquiry(
                        storefront.id(),
                        channel,
                        email,
                        "山田 花子",
                        null,
                        null,
                        Category.SHIPPING,
                        null,
                        "お届け日の変更について",
                        "12月1日の午前中に変更できますか。",
                        null))
                .reference();
    }

    private List<Map<String, Object>> mailsTo(String address) {
        return jdbc.sql("""
                        select id, dedup_key, kind, template, subject, text_body,
                               headers ->> 'In-Reply-To' as in_reply_to, headers ->> 'References' as refs
                          from outbound_mail where to_address = :to order by id
                        """).param("to", address).query().listOfRows();
    }
}
