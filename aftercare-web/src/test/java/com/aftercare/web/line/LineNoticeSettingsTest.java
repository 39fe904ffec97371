package com.aftercare.web.line;

import static com.aftercare.web.line.LineWebhook.newUser;
import static com.aftercare.web.line.LineWebhook.textEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.web.support.AftercareIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The storefront's switch for notices on LINE (admin page) and the customer's choice (customer
 * page): both audited, bad values answered under their field with 400 and nothing changed, another
 * storefront's or customer's account out of reach, and no change without the CSRF token.
 */
@AftercareIntegrationTest
class LineNoticeSettingsTest extends LinkedCustomerScene {

    String linePage() {
        return "/console/admin/storefronts/" + storefront.id().value() + "/line";
    }

    String customerPage() {
        return "/console/customers/" + customer;
    }

    @Test
    void shouldBeOffByDefaultAndTurnOnAuditedByTheAdmin() {
        assertThat(admin.get(linePage()).body())
                .contains("LINE でのお知らせ")
                .containsPattern("id=\"notices-off\" name=\"noticesOnLine\" value=\"false\"\\s+checked");

        HttpResponse<String> on = admin.postForm(linePage(), linePage() + "/notices", Map.of("noticesOnLine", "true"));

        assertThat(on.statusCode()).isEqualTo(302);
        assertThat(channels.noticesOnLine(storefront.id())).isTrue();
        assertThat(admin.get(linePage()).body()).contains("LINE で送るようにしました");
        assertThat(auditedOn("line.notices.switched", storefront.id()))
                .singleElement()
                .satisfies(d -> assertThat(d).contains("true"));
    }

    @Test
    void shouldRefuseAMissingOrOddSwitchUnderItsFieldAndChangeNothing() {
        HttpResponse<String> odd =
                admin.postForm(linePage(), linePage() + "/notices", Map.of("noticesOnLine", "maybe"));
        HttpResponse<String> missing = admin.postForm(linePage(), linePage() + "/notices", Map.of());

        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(odd.body()).contains("id=\"noticesOnLine-error\"").contains("「送る」か「送らない」を選んでください。");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("「送る」か「送らない」を選んでください。");
        assertThat(channels.noticesOnLine(storefront.id())).isFalse();
    }

    @Test
    void shouldRefuseTheSwitchOfAStorefrontWithoutChannelAnUnknownOneAndAPostWithoutTheCsrfToken() {
        assertRefusedBeyondAConnectedStorefront(admin, linePage(), "notices", Map.of("noticesOnLine", "true"));

        assertThat(channels.noticesOnLine(storefront.id())).isFalse();
    }

    @Test
    void shouldLetTheOperatorRecordTheCustomersChoiceAudited() {
        noticesOn();
        assertThat(admin.get(customerPage()).body())
                .contains("お知らせの受け取り方")
                .contains("id=\"channel-" + account + "-LINE\" checked");

        HttpResponse<String> chosen = admin.postForm(
                customerPage(), customerPage() + "/line/" + account + "/notices", Map.of("channel", "MAIL"));

        assertThat(chosen.statusCode()).isEqualTo(302);
        assertThat(admin.get(customerPage()).body())
                .contains("お知らせの受け取り方を保存しました")
                .contains("id=\"channel-" + account + "-MAIL\" checked");
        assertThat(jdbc.sql("select notices_by from line_identity where id = :id")
                        .param("id", account)
                        .query(String.class)
                        .single())
                .isEqualTo("MAIL");
        assertThat(jdbc.sql("""
                        select count(*) from audit_log where action = 'line.notices.chosen' and target_id = :id
                        """)
                        .param("id", String.valueOf(account))
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void shouldRefuseAnOddChoiceAnotherCustomersAccountAndAPostWithoutTheCsrfToken() throws Exception {
        String stranger = newUser();
        webhook().signed(textEvent(UUID.randomUUID().toString(), stranger, "こんにちは", false));
        long strangersAccount = jdbc.sql("select id from line_identity where line_user_id = :u")
                .param("u", stranger)
                .query(Long.class)
                .single();
        String action = customerPage() + "/line/" + account + "/notices";

        HttpResponse<String> odd = admin.postForm(customerPage(), action, Map.of("channel", "FAX"));
        HttpResponse<String> missing = admin.postForm(customerPage(), action, Map.of());
        HttpResponse<String> notTheirs = admin.postForm(
                customerPage(), customerPage() + "/line/" + strangersAccount + "/notices", Map.of("channel", "MAIL"));
        HttpResponse<String> noToken = admin.postWithoutToken(action, Map.of("channel", "MAIL"));

        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(odd.body()).contains("id=\"channel-error-" + account + "\"").contains("LINE かメールを選んでください。");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from line_identity where id in (:ids) and notices_by is not null")
                        .param("ids", java.util.List.of(account, strangersAccount))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldLetTheCustomerChooseWithARichMenuButtonAndIgnoreAnyOtherPostback() throws Exception {
        webhook().signed(postback("aftercare:notices=FAX"));
        assertThat(noticesBy()).isNull();

        assertThat(webhook().signed(postback("aftercare:notices=MAIL")).statusCode())
                .isEqualTo(200);

        assertThat(noticesBy()).isEqualTo("MAIL");
        assertThat(jdbc.sql("""
                        select actor from audit_log where action = 'line.notices.chosen' and target_id = :id
                        """)
                        .param("id", String.valueOf(account))
                        .query(String.class)
                        .list())
                .containsExactly("line:" + user);
    }

    @Test
    void shouldAnswerTheCustomersChoiceOnceWithTheReplyTokenAsLineDocumentsAReply() throws Exception {
        noticesOn();
        String eventId = UUID.randomUUID().toString();
        String token = "mail-" + eventId;

        webhook().signed(postback(eventId, token, "aftercare:notices=MAIL", false));
        webhook().signed(postback(eventId, token, "aftercare:notices=MAIL", true));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        List<FakeLine.Request> replies = repliesWith(token);
        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(reply.answered()).isEqualTo(200);
            assertThat(reply.headers())
                    .containsEntry("authorization", "Bearer " + TOKEN)
                    .containsEntry("content-type", "application/json")
                    .doesNotContainKey("x-line-retry-key");
            assertThat(reply.json().get("messages")).hasSize(1);
            assertThat(reply.json().get("messages").get(0).get("type").asString())
                    .isEqualTo("text");
            assertThat(reply.json().get("messages").get(0).get("text").asString())
                    .isEqualTo("ありがとうございます。発送のお知らせなどのご案内は、メールでお届けします。");
        });
        assertThat(pushedTexts()).isEmpty();
    }

    @Test
    void shouldSayNoticesComeOnLineOnlyWhenTheyDo() throws Exception {
        String whileOff = "off-" + UUID.randomUUID();
        webhook().signed(postback(UUID.randomUUID().toString(), whileOff, "aftercare:notices=LINE", false));
        noticesOn();
        String whileOn = "on-" + UUID.randomUUID();
        webhook().signed(postback(UUID.randomUUID().toString(), whileOn, "aftercare:notices=LINE", false));
        dispatcher.dispatchDue();

        assertThat(replyText(whileOff)).contains("これまでどおりメールでお届けします");
        assertThat(replyText(whileOn)).isEqualTo("ありがとうございます。発送のお知らせなどのご案内は、この LINE でお届けします。");
    }

    @Test
    void shouldAnswerAnotherPostbackWithNothing() throws Exception {
        String token = "other-" + UUID.randomUUID();
        webhook().signed(postback(UUID.randomUUID().toString(), token, "aftercare:notices=FAX", false));
        dispatcher.dispatchDue();

        assertThat(repliesWith(token)).isEmpty();
    }

    private List<FakeLine.Request> repliesWith(String token) {
        return LINE.sends().stream()
                .filter(r -> r.path().equals("/v2/bot/message/reply"))
                .filter(r -> token.equals(r.json().path("replyToken").asString("")))
                .toList();
    }

    private String replyText(String token) {
        return repliesWith(token).stream()
                .filter(r -> r.answered() == 200)
                .map(r -> r.json().get("messages").get(0).get("text").asString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reply with the token " + token));
    }

    /** A postback as LINE's reference shows it: a reply token and {@code postback.data}. */
    private String postback(String data) {
        return postback(UUID.randomUUID().toString(), "p-" + user, data, false);
    }

    private String postback(String eventId, String replyToken, String data, boolean redelivery) {
        return LineWebhook.event(
                eventId,
                "postback",
                user,
                ", \"replyToken\": \"" + replyToken + "\", \"postback\": {\"data\": \"" + data + "\"}",
                redelivery);
    }

    private String noticesBy() {
        return jdbc.sql("select notices_by from line_identity where id = :id and notices_by is not null")
                .param("id", account)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
