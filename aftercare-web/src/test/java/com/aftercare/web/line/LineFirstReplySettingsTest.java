package com.aftercare.web.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storefront's automatic first reply on its LINE page: off by default, turned on with the
 * shop's words and audited, and bad input (words too long, control characters, a missing switch,
 * a storefront without a channel) answered under its field with 400 and nothing changed.
 */
@AftercareIntegrationTest
class LineFirstReplySettingsTest extends LineIntegrationTest {

    static final String SECRET = "f1r5t0r3p1y0s3tt1ng50123456789ab";

    TestStorefront storefront;
    ConsoleClient admin;

    @BeforeEach
    void connect() {
        storefront = connectNewStorefront(SECRET).storefront();
        admin = ConsoleClient.loggedInAsAdmin(port);
    }

    String page() {
        return "/console/admin/storefronts/" + storefront.id().value() + "/line";
    }

    @Test
    void shouldBeOffByDefaultShowTheDefaultWordsAndTurnOnWithTheShopsWordsAudited() {
        assertThat(admin.get(page()).body())
                .contains("自動の最初の返信")
                .containsPattern("id=\"first-reply-off\" name=\"firstReply\" value=\"false\"\\s+checked")
                .contains("お問い合わせありがとうございます。担当者が順にお返事します。");

        HttpResponse<String> on = admin.postForm(
                page(), page() + "/first-reply", Map.of("firstReply", "true", "firstReplyText", "  ようこそ {link}  "));

        assertThat(on.statusCode()).isEqualTo(302);
        assertThat(channels.settings(storefront.id())).satisfies(s -> {
            assertThat(s.firstReply()).isTrue();
            assertThat(s.firstReplyText()).isEqualTo("ようこそ {link}");
        });
        assertThat(admin.get(page()).body()).contains("自動の最初の返信を保存しました。").contains("ようこそ {link}");
        assertThat(auditedOn("line.first-reply.saved", storefront.id()))
                .singleElement()
                .satisfies(d -> assertThat(d).contains("true"));
    }

    @Test
    void shouldRefuseWordsTooLongOrWithControlCharactersAndAMissingSwitchUnderTheirFields() {
        HttpResponse<String> tooLong = admin.postForm(
                page(), page() + "/first-reply", Map.of("firstReply", "true", "firstReplyText", "あ".repeat(1001)));
        HttpResponse<String> control = admin.postForm(
                page(), page() + "/first-reply", Map.of("firstReply", "true", "firstReplyText", "ようこそ\u0007{link}"));
        HttpResponse<String> missing = admin.postForm(page(), page() + "/first-reply", Map.of("firstReplyText", "x"));
        HttpResponse<String> odd = admin.postForm(page(), page() + "/first-reply", Map.of("firstReply", "maybe"));

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("id=\"firstReplyText-error\"").contains("1000 文字以内で入力してください。");
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(control.body()).contains("id=\"firstReplyText-error\"").contains("制御文字を含めずに");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"firstReply-error\"").contains("「返信する」か「返信しない」を選んでください。");
        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(odd.body()).contains("「返信する」か「返信しない」を選んでください。");
        assertThat(channels.settings(storefront.id()).firstReply()).isFalse();
        assertThat(channels.settings(storefront.id()).firstReplyText()).isNull();
    }

    @Test
    void shouldRefuseAStorefrontWithoutChannelAnUnknownOneAndAPostWithoutTheCsrfToken() {
        assertRefusedBeyondAConnectedStorefront(admin, page(), "first-reply", Map.of("firstReply", "true"));

        assertThat(channels.settings(storefront.id()).firstReply()).isFalse();
    }
}
