package com.aftercare.web.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The storefront's LINE page for admins: the webhook URL to paste into LINE, the channel secret
 * and token saved (sealed, never shown again, audited without them), LINE's bot info asked with
 * the stored token, refusals under their field with nothing written, and the page closed to
 * operators and to a post without the CSRF token.
 */
@AftercareIntegrationTest
class LineAdminPageTest extends LineIntegrationTest {

    static final String SECRET = "fedcba9876543210fedcba98765432a1";

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    TestStorefront storefront;
    ConsoleClient admin;
    String page;

    @BeforeEach
    void openThePage() {
        storefront = TestStorefronts.create(storefronts);
        admin = ConsoleClient.loggedInAsAdmin(port);
        page = "/console/admin/storefronts/" + storefront.id().value() + "/line";
    }

    @Test
    void shouldShowTheWebhookUrlToPasteIntoLineAndLinkThePageFromTheStorefronts() {
        HttpResponse<String> answer = admin.get(page);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("/api/v1/webhooks/line/" + storefront.code())
                .contains("未接続です")
                .doesNotContain("id=\"check\"");
        assertThat(admin.get("/console/admin/storefronts").body()).contains(page);
    }

    @Test
    void shouldSealTheChannelShowOnlyTheSecretsEndAndAuditItWithoutEitherValue() throws Exception {
        HttpResponse<String> saved = admin.postForm(page, page, Map.of("channelSecret", SECRET, "accessToken", TOKEN));

        assertThat(saved.statusCode()).isEqualTo(302);
        String body = admin.get(page).body();
        assertThat(body)
                .contains("接続済みです")
                .contains("32a1")
                .doesNotContain(SECRET)
                .doesNotContain(TOKEN);
        assertThat(jdbc.sql(
                                "select details::text from audit_log where action = 'line.channel.saved' and target_id = :id")
                        .param("id", String.valueOf(storefront.id().value()))
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(details -> assertThat(details)
                        .contains("32a1")
                        .doesNotContain(SECRET)
                        .doesNotContain(TOKEN));
        assertThat(jdbc.sql(
                                "select encode(channel_secret, 'escape') || encode(access_token, 'escape') from line_channel where storefront_id = :id")
                        .param("id", storefront.id().value())
                        .query(String.class)
                        .single())
                .as("sealed at rest")
                .doesNotContain(SECRET)
                .doesNotContain(TOKEN);
        assertThat(webhook(SECRET).statusCode())
                .as("LINE's webhooks are taken now")
                .isEqualTo(200);
    }

    @Test
    void shouldShowTheBotsNameWhenLineTakesTheStoredToken() {
        admin.postForm(page, page, Map.of("channelSecret", SECRET, "accessToken", TOKEN));

        HttpResponse<String> checked = admin.postForm(page, page + "/check", Map.of());

        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.body())
                .contains("id=\"check-result\"")
                .contains("LINE に接続できました")
                .contains(FakeLine.BOT_NAME)
                .contains(FakeLine.BOT_BASIC_ID);
        assertThat(LINE.requests())
                .filteredOn(r -> r.path().equals("/v2/bot/info"))
                .last()
                .satisfies(r -> {
                    assertThat(r.method()).isEqualTo("GET");
                    assertThat(r.headers().get("authorization")).isEqualTo("Bearer " + TOKEN);
                });
    }

    @Test
    void shouldSayClearlyWhenLineRefusesTheToken() {
        admin.postForm(page, page, Map.of("channelSecret", SECRET, "accessToken", "a-token-line-does-not-know-0123"));

        HttpResponse<String> checked = admin.postForm(page, page + "/check", Map.of());

        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.body()).contains("LINE がアクセストークンを受け付けませんでした").doesNotContain(FakeLine.BOT_NAME);
    }

    @Test
    void shouldRefuseBadValuesUnderTheirFieldsAndStoreNothing() {
        HttpResponse<String> empty = admin.postForm(page, page, Map.of("channelSecret", "", "accessToken", ""));
        HttpResponse<String> implausible = admin.postForm(
                page, page, Map.of("channelSecret", "short", "accessToken", "has spaces in it 0123456789"));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body())
                .contains("id=\"channelSecret-error\"")
                .contains("チャネルシークレットを貼り付けてください")
                .contains("id=\"accessToken-error\"");
        assertThat(implausible.statusCode()).isEqualTo(400);
        assertThat(implausible.body()).contains("チャネルシークレットを保存できません");
        assertThat(channels.settings(storefront.id()).connected()).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'line.channel.saved' and target_id = :id")
                        .param("id", String.valueOf(storefront.id().value()))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldDisconnectSoLinesWebhooksAreRefusedAgain() throws Exception {
        admin.postForm(page, page, Map.of("channelSecret", SECRET, "accessToken", TOKEN));

        HttpResponse<String> disconnected = admin.postForm(page, page + "/disconnect", Map.of());

        assertThat(disconnected.statusCode()).isEqualTo(302);
        assertThat(channels.settings(storefront.id()).connected()).isFalse();
        assertThat(webhook(SECRET).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldCloseThePageToOperatorsAndAPostWithoutTheCsrfToken() {
        String username = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);
        ConsoleClient supervisor = ConsoleClient.loggedInAs(port, username, TestOperators.PASSWORD);

        assertThat(supervisor.get(page).statusCode()).isEqualTo(403);
        assertThat(admin.postWithoutToken(page, Map.of("channelSecret", SECRET, "accessToken", TOKEN))
                        .statusCode())
                .isEqualTo(403);
        assertThat(channels.settings(storefront.id()).connected()).isFalse();
        assertThat(admin.get("/console/admin/storefronts/999999999/line").statusCode())
                .isEqualTo(404);
    }

    /** LINE's "Verify" call: an empty list of events, signed with the channel secret. */
    private HttpResponse<String> webhook(String secret) throws Exception {
        return new LineWebhook(port, storefront.code(), secret)
                .signed("{\"destination\":\"Ufedcba9876543210fedcba9876543210\",\"events\":[]}");
    }
}
