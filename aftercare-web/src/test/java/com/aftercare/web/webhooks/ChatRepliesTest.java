package com.aftercare.web.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.domain.webhook.WebhookAllowedHosts;
import com.aftercare.domain.webhook.WebhookDispatcher;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A storefront's chat answered through its webhook, over real HTTP: the chat inquiry opened by the
 * API with the storefront's own ids, the operator's reply in the console queued as
 * {@code inquiry.message_sent} (no mail), signed and checked by the in-process receiver as
 * docs/integrations-webhooks.md tells storefronts to, retried after a 500, its state on the
 * message; without a subscription the form refuses until the operator confirms a mail; another
 * storefront reaches neither the inquiry nor its replies.
 */
@AftercareIntegrationTest
class ChatRepliesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    WebhookAllowedHosts allowedHosts;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    static final Browser browser = new Browser();

    TestStorefront storefront;
    Api api;
    TestReceiver receiver;
    ConsoleClient console;

    @BeforeEach
    void setUp() {
        allowedHosts.add("127.0.0.1", "test");
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        receiver = new TestReceiver();
        console = ConsoleClient.loggedInAsAdmin(port);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    long subscribe(Api as, TestReceiver to, String event) {
        Api.Answer answer = as.postJson(
                "/api/v1/webhook-subscriptions", "{\"url\": \"" + to.url() + "\", \"events\": [\"" + event + "\"]}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        to.secret(answer.json().get("secret").asString());
        return answer.json().get("id").asLong();
    }

    String openChat(String email) {
        Api.Answer answer = api.postJson("/api/v1/inquiries", """
                {"channel": "CHAT", "customer": {"email": "%s", "name": "山田 花子"},
                 "subject": "チャットでのお問い合わせ", "body": "届け先を変えたいです。",
                 "chat": {"conversationId": "conv_8f3a2", "customerId": "cust_1042"}}
                """.formatted(email));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("reference").asString();
    }

    HttpResponse<String> reply(String reference, Map<String, String> fields) {
        String page = "/console/inquiries/" + reference;
        return console.postForm(page, page + "/reply", fields);
    }

    List<Map<String, Object>> outbound(String reference) {
        return jdbc.sql("""
                        select m.id, m.outbound_mail_id from inquiry_message m join inquiry i on i.id = m.inquiry_id
                         where i.reference = :r and m.direction = 'OUTBOUND' order by m.id
                        """).param("r", reference).query().listOfRows();
    }

    void dueNow() {
        jdbc.sql("update webhook_delivery set next_attempt_at = now() where storefront_id = :s and status = 'PENDING'")
                .param("s", storefront.id().value())
                .update();
    }

    @Test
    void shouldDeliverAnOperatorsChatReplyToTheStorefrontSignedRetriedAndShowItsState() {
        subscribe(api, receiver, "inquiry.message_sent");
        String reference = openChat(Events.unique("chat") + "@example.jp");
        receiver.answer(500);

        HttpResponse<String> sent = reply(reference, Map.of("body", "承知しました。変更いたします。"));

        assertThat(sent.statusCode()).isEqualTo(302);
        List<Map<String, Object>> replies = outbound(reference);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).get("outbound_mail_id"))
                .as("no mail for a chat")
                .isNull();
        long messageId = ((Number) replies.get(0).get("id")).longValue();
        String page = "/console/inquiries/" + reference;
        assertThat(console.get(page).body())
                .contains("chat-delivery-" + messageId)
                .contains("チャット: 送信待ち");

        dispatcher.dispatchDue();
        assertThat(console.get(page).body()).contains("チャット: 配信失敗(再試行します)");
        dueNow();
        dispatcher.dispatchDue();

        assertThat(console.get(page).body()).contains("チャット: 配信済み");
        List<TestReceiver.Received> got = receiver.received();
        assertThat(got).hasSize(2).allMatch(TestReceiver.Received::signatureValid);
        assertThat(got.get(0).id()).isEqualTo(got.get(1).id());
        JsonNode body = JSON.readTree(got.get(1).body());
        assertThat(body.get("type").asString()).isEqualTo("inquiry.message_sent");
        JsonNode inquiry = body.get("data").get("inquiry");
        assertThat(inquiry.get("reference").asString()).isEqualTo(reference);
        assertThat(inquiry.get("conversationId").asString()).isEqualTo("conv_8f3a2");
        assertThat(inquiry.get("customerId").asString()).isEqualTo("cust_1042");
        assertThat(inquiry.has("storefrontId")).as("no internal ids").isFalse();
        JsonNode message = body.get("data").get("message");
        assertThat(message.get("id").asLong()).isEqualTo(messageId);
        assertThat(message.get("body").asString()).isEqualTo("承知しました。変更いたします。");
        assertThat(message.get("authorName").asString()).isNotBlank();
        assertThat(message.get("sentAt").asString()).isNotBlank();
    }

    @Test
    void shouldRefuseAChatReplyNothingWouldCarryUntilTheOperatorConfirmsAMail() {
        String reference = openChat(Events.unique("chat") + "@example.jp");
        String page = "/console/inquiries/" + reference;
        assertThat(console.get(page).body()).contains("id=\"chat-unreachable\"").contains("reply-mail-instead");

        HttpResponse<String> refused = reply(reference, Map.of("body", "ご連絡ありがとうございます。"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("reply-mail-instead-error").contains("ストアのチャットにはこの返信を届けられません");
        assertThat(outbound(reference)).isEmpty();

        HttpResponse<String> mailed = reply(reference, Map.of("body", "ご連絡ありがとうございます。", "mailInstead", "true"));

        assertThat(mailed.statusCode()).isEqualTo(302);
        assertThat(outbound(reference))
                .singleElement()
                .satisfies(m -> assertThat(m.get("outbound_mail_id")).isNotNull());
        assertThat(jdbc.sql("select count(*) from webhook_delivery where storefront_id = :s")
                        .param("s", storefront.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldShowTheOperatorInTheBrowserWhereAChatReplyGoesAndHowItFared() {
        String unreachable = openChat(Events.unique("chat") + "@example.jp");
        browser.on(port);
        browser.fresh().logIn("admin", com.aftercare.web.support.TestEnvironment.ADMIN_PASSWORD);
        browser.open("/console/inquiries/" + unreachable);
        assertThat(browser.waitForVisible(By.id("chat-unreachable")).getText()).contains("このストアはチャットへの返信を受け取っていません");
        browser.screenshot("chat-reply-unreachable");

        subscribe(api, receiver, "inquiry.message_sent");
        String reference = openChat(Events.unique("chat") + "@example.jp");
        browser.open("/console/inquiries/" + reference);
        assertThat(browser.text()).contains("返信はストアのチャットに表示されます");
        browser.type(By.id("reply-body"), "承知しました。午後にお届けします。");
        browser.driver().findElement(By.id("send-reply")).click();
        browser.waitFor(d -> !d.findElements(By.cssSelector(".chat-delivery")).isEmpty());
        dispatcher.dispatchDue();
        browser.open("/console/inquiries/" + reference);

        assertThat(browser.waitForVisible(By.cssSelector(".chat-delivery-delivered"))
                        .getText())
                .isEqualTo("チャット: 配信済み");
        assertThat(receiver.received()).singleElement().matches(TestReceiver.Received::signatureValid);
        browser.screenshot("chat-reply-delivered");
    }

    @Test
    void shouldKeepAChatAndItsRepliesFromAnotherStorefront() {
        subscribe(api, receiver, "inquiry.message_sent");
        TestStorefront other = TestStorefronts.create(storefronts);
        Api otherApi = new Api(port, other.key());
        try (TestReceiver otherReceiver = new TestReceiver()) {
            long otherSubscription = subscribe(otherApi, otherReceiver, "inquiry.message_sent");
            String reference = openChat(Events.unique("chat") + "@example.jp");

            assertThat(otherApi.get("/api/v1/inquiries/" + reference).status()).isEqualTo(404);
            Api.Answer write =
                    otherApi.postJson("/api/v1/inquiries/" + reference + "/messages", "{\"body\": \"他店からの書き込み\"}");
            assertThat(write.status()).isEqualTo(404);
            assertThat(write.isProblem()).isTrue();

            assertThat(reply(reference, Map.of("body", "承知しました。")).statusCode()).isEqualTo(302);
            dispatcher.dispatchDue();

            assertThat(otherReceiver.received()).isEmpty();
            assertThat(jdbc.sql("select count(*) from webhook_delivery where subscription_id = :s")
                            .param("s", otherSubscription)
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void shouldTakeTheCustomersNextChatMessageOnceForTheSameStorefrontMessageId() {
        String reference = openChat(Events.unique("chat") + "@example.jp");
        String path = "/api/v1/inquiries/" + reference + "/messages";

        Api.Answer first = api.postJson(path, "{\"body\": \"午後でも大丈夫です。\"}", "Idempotency-Key", "chatmsg_77");
        Api.Answer again = api.postJson(path, "{\"body\": \"午後でも大丈夫です。\"}", "Idempotency-Key", "chatmsg_77");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.json().get("messageId").asLong())
                .isEqualTo(first.json().get("messageId").asLong());
        assertThat(jdbc.sql("""
                                select count(*) from inquiry_message m join inquiry i on i.id = m.inquiry_id
                                 where i.reference = :r and m.direction = 'INBOUND'
                                """).param("r", reference).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void shouldRefuseChatIdsOnAnotherChannelOrTooLongAndWriteNothing() {
        String email = Events.unique("chat") + "@example.jp";
        Api.Answer mailWithChat = api.postJson("/api/v1/inquiries", """
                {"channel": "EMAIL", "customer": {"email": "%s", "name": "山田 花子"},
                 "subject": "件名", "body": "本文", "chat": {"conversationId": "conv_1"}}
                """.formatted(email));
        Api.Answer tooLong = api.postJson("/api/v1/inquiries", """
                {"channel": "CHAT", "customer": {"email": "%s", "name": "山田 花子"},
                 "subject": "件名", "body": "本文", "chat": {"conversationId": "%s"}}
                """.formatted(email, "c".repeat(201)));

        assertThat(mailWithChat.status()).isEqualTo(400);
        assertThat(mailWithChat.isProblem()).isTrue();
        assertThat(mailWithChat.body()).contains("chat");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("chat.conversationId");
        assertThat(jdbc.sql("select count(*) from customer where email = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
