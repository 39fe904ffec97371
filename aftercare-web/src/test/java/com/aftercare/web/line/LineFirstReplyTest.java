package com.aftercare.web.line;

import static com.aftercare.web.line.LineWebhook.event;
import static com.aftercare.web.line.LineWebhook.newUser;
import static com.aftercare.web.line.LineWebhook.textEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The automatic first reply on LINE (#12): a LINE-only customer's new conversation is answered
 * once, through the LINE outbox with the message's reply token, with a greeting and the order
 * lookup link; never twice for a redelivered webhook, never for a linked account, a known customer,
 * a second message or an event that opens no conversation; never as an operator's first response.
 */
@AftercareIntegrationTest
class LineFirstReplyTest extends LineIntegrationTest {

    static final String SECRET = "f1r5t0r3p1y0s3cr3t0123456789abcd";

    Connected line;

    @BeforeEach
    void connect() {
        line = connectNewStorefront(SECRET);
    }

    @Test
    void shouldAnswerALineOnlyCustomersNewConversationOnceWithTheLookupLinkEvenWhenLineRedeliversIt() throws Exception {
        channels.saveFirstReply(line.storefront().id(), true, null, "test");
        String user = newUser();
        String eventId = UUID.randomUUID().toString();

        HttpResponse<String> first = line.webhook().signed(textEvent(eventId, user, "注文した商品について質問です", false));
        HttpResponse<String> again = line.webhook().signed(textEvent(eventId, user, "注文した商品について質問です", true));
        dispatcher.dispatchDue();

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicates\":1");
        assertThat(rows().statuses(user)).as("one text for the conversation").containsExactly("SENT");
        assertThat(LINE.sends())
                .filteredOn(r -> r.body().contains("token-" + user))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.path()).as("the message's reply token").isEqualTo("/v2/bot/message/reply");
                    String text = r.json().get("messages").get(0).get("text").asString();
                    assertThat(text)
                            .startsWith("お問い合わせありがとうございます。担当者が順にお返事します。")
                            .contains("/portal?line=");
                });
        assertThat(jdbc.sql("""
                        select count(*) from line_link_token t join line_identity i on i.id = t.identity_id
                         where i.line_user_id = :u and t.created_by = 'line-first-reply'
                        """).param("u", user).query(Long.class).single())
                .as("the link is a lookup token of its own")
                .isOne();
    }

    @Test
    void shouldNotStopTheFirstResponseClockAndShowTheAnswerAsAutomatic() throws Exception {
        channels.saveFirstReply(line.storefront().id(), true, null, "test");
        String user = newUser();
        line.webhook().signed(textEvent(UUID.randomUUID().toString(), user, "届いた商品が違います", false));
        dispatcher.dispatchDue();
        String reference = rows().referenceOf(user);

        InquiryView answered = inquiries.find(reference).orElseThrow();
        assertThat(answered.messages()).hasSize(2);
        assertThat(answered.messages().get(1)).satisfies(m -> {
            assertThat(m.direction()).isEqualTo("OUTBOUND");
            assertThat(m.author()).isEqualTo("line-first-reply");
            assertThat(m.automatic()).isTrue();
        });
        assertThat(answered.firstRespondedAt()).as("nobody has answered yet").isNull();
        assertThat(answered.status().name()).as("still waiting for an operator").isEqualTo("NEW");
        assertThat(answered.trail())
                .filteredOn(t -> t.type().equals("REPLIED"))
                .singleElement()
                .satisfies(t -> assertThat(t.actor()).isEqualTo("line-first-reply"));

        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        String inquiryPage = "/console/inquiries/" + reference;
        Document page = Jsoup.parse(admin.get(inquiryPage).body());
        long automatic = answered.messages().get(1).id();
        assertThat(page.getElementById("message-" + automatic).text())
                .contains("LINE の自動応答")
                .contains("初回対応には数えません");
        assertThat(page.getElementById("promote-" + automatic)).isNull();
        assertThat(admin.postForm(inquiryPage, inquiryPage + "/messages/" + automatic + "/faq", Map.of())
                        .statusCode())
                .as("the greeting is no operator's answer to propose for the FAQ")
                .isEqualTo(404);
        assertThat(page.getElementById("trail").text()).contains("LINE の自動応答");

        inquiries.reply(new Inquiries.Reply(reference, "admin", "担当の者です。ご注文番号を教えてください。"));
        dispatcher.dispatchDue();

        assertThat(inquiries.find(reference).orElseThrow().firstRespondedAt())
                .as("the operator's answer is the first response")
                .isNotNull();
        assertThat(LINE.sends())
                .filteredOn(r -> r.body().contains("ご注文番号を教えてください"))
                .singleElement()
                .satisfies(r -> assertThat(r.path())
                        .as("the first reply used the token")
                        .isEqualTo("/v2/bot/message/push"));
    }

    @Test
    void shouldAnswerOnlyTheConversationsFirstMessage() throws Exception {
        channels.saveFirstReply(line.storefront().id(), true, null, "test");
        String user = newUser();

        line.webhook().signed(textEvent(UUID.randomUUID().toString(), user, "こんにちは", false));
        line.webhook().signed(textEvent(UUID.randomUUID().toString(), user, "返品について教えてください", false));
        dispatcher.dispatchDue();

        assertThat(rows().statuses(user)).containsExactly("SENT");
    }

    @Test
    void shouldNeverAnswerALinkedAccountOrACustomerTheShopKnows() throws Exception {
        channels.saveFirstReply(line.storefront().id(), true, null, "test");
        String linked = newUser();
        String known = newUser();
        for (String user : List.of(linked, known)) {
            line.webhook()
                    .signed(event(
                            UUID.randomUUID().toString(),
                            "follow",
                            user,
                            ", \"replyToken\": \"f-" + user + "\"",
                            false));
        }
        jdbc.sql("update line_identity set linked_at = now() where line_user_id = :u")
                .param("u", linked)
                .update();
        String email = Events.unique("line-known") + "@example.jp";
        jdbc.sql("""
                        update customer set email = :email, email_normalized = :email
                         where id = (select customer_id from line_identity where line_user_id = :u)
                        """).param("email", email).param("u", known).update();

        for (String user : List.of(linked, known)) {
            line.webhook().signed(textEvent(UUID.randomUUID().toString(), user, "在庫はありますか", false));
        }
        dispatcher.dispatchDue();

        assertThat(rows().statuses(linked)).isEmpty();
        assertThat(rows().statuses(known)).isEmpty();
        assertThat(inquiries.find(rows().referenceOf(linked)).orElseThrow().messages())
                .singleElement();
    }

    @Test
    void shouldNotAnswerAFollowAnUnfollowOrAPostbackAlone() throws Exception {
        channels.saveFirstReply(line.storefront().id(), true, null, "test");
        String user = newUser();

        line.webhook()
                .signed(event(
                        UUID.randomUUID().toString(), "follow", user, ", \"replyToken\": \"f-" + user + "\"", false));
        line.webhook()
                .signed(event(
                        UUID.randomUUID().toString(),
                        "postback",
                        user,
                        ", \"replyToken\": \"p-" + user + "\", \"postback\": {\"data\": \"action=menu\"}",
                        false));
        line.webhook().signed(event(UUID.randomUUID().toString(), "unfollow", user, "", false));
        dispatcher.dispatchDue();

        assertThat(rows().statuses(user)).isEmpty();
        assertThat(jdbc.sql("""
                        select count(*) from inquiry i join line_identity l on l.id = i.line_identity_id
                         where l.line_user_id = :u
                        """).param("u", user).query(Long.class).single()).isZero();
    }

    @Test
    void shouldStayOffUntilAnAdminTurnsItOn() throws Exception {
        String user = newUser();

        line.webhook().signed(textEvent(UUID.randomUUID().toString(), user, "問い合わせです", false));
        dispatcher.dispatchDue();

        assertThat(channels.settings(line.storefront().id()).firstReply()).isFalse();
        assertThat(rows().statuses(user)).isEmpty();
    }

    @Test
    void shouldSendTheShopsOwnWordsWithTheLinkWhereTheyPutIt() throws Exception {
        channels.saveFirstReply(line.storefront().id(), true, "こもれびです。{link} からご注文をご確認ください。", "test");
        String user = newUser();

        line.webhook().signed(textEvent(UUID.randomUUID().toString(), user, "質問です", false));
        dispatcher.dispatchDue();

        assertThat(LINE.delivered())
                .filteredOn(t -> t.startsWith("こもれびです。"))
                .singleElement()
                .satisfies(t -> assertThat(t).matches("(?s)こもれびです。http\\S+/portal\\?line=\\S+ からご注文をご確認ください。"));
    }
}
