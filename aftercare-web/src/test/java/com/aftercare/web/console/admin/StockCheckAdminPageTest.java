package com.aftercare.web.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.domain.webhook.StockChecks;
import com.aftercare.domain.webhook.WebhookAllowedHosts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.FakeStockCallback;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The storefront's stock callback page over a real port: a bad URL answered at its field with
 * nothing saved, the secret shown once and sealed at rest, the test button's verdict against a
 * fake callback that checks the signature, removal, the audit trail, CSRF, and admins only.
 */
@AftercareIntegrationTest
class StockCheckAdminPageTest {

    static final Pattern SECRET = Pattern.compile("id=\"secret\" type=\"text\" readonly value=\"(whsec_[^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    StockChecks stockChecks;

    @Autowired
    WebhookAllowedHosts allowedHosts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    long audited(TestStorefront storefront, String action) {
        return jdbc.sql("select count(*) from audit_log where action = :a and target_id = :id")
                .param("a", action)
                .param("id", Long.toString(storefront.id().value()))
                .query(Long.class)
                .single();
    }

    @Test
    void shouldSetTheCallbackShowItsSecretOnceTestItAndRemoveIt() {
        TestStorefront storefront = TestStorefronts.create(storefronts);
        String page = "/console/admin/storefronts/" + storefront.id().value() + "/stock-check";
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        try (FakeStockCallback callback = FakeStockCallback.started(allowedHosts)) {
            for (String bad : new String[] {"", "ftp://example.jp/stock", "not a url"}) {
                HttpResponse<String> refused = admin.postForm(page, page, Map.of("url", bad));
                assertThat(refused.statusCode()).as(bad).isEqualTo(400);
                assertThat(refused.body()).as(bad).contains("id=\"url-error\"");
            }
            assertThat(stockChecks.endpoint(storefront.id())).isEmpty();

            HttpResponse<String> saved = admin.postForm(page, page, Map.of("url", callback.url()));
            assertThat(saved.statusCode()).isEqualTo(200);
            Matcher secret = SECRET.matcher(saved.body());
            assertThat(secret.find()).as(saved.body()).isTrue();
            callback.trust(secret.group(1));
            assertThat(admin.get(page).body()).contains(callback.url()).doesNotContain(secret.group(1));
            byte[] sealed = jdbc.sql("select secret_enc from stock_check_endpoint where storefront_id = :s")
                    .param("s", storefront.id().value())
                    .query(byte[].class)
                    .single();
            assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(secret.group(1).substring(6));

            callback.stock("aftercare-stock-check-test", false);
            assertThat(admin.postForm(page, page + "/test", Map.of()).statusCode())
                    .isEqualTo(302);
            assertThat(admin.get(page).body()).contains("id=\"probe\"").contains("コールバックは正しく応答しました。");
            assertThat(callback.asked()).isEqualTo(1);

            callback.answer(500, "oops");
            admin.postForm(page, page + "/test", Map.of());
            assertThat(admin.get(page).body()).contains("コールバックが正しく応答しませんでした（HTTP 500）");

            callback.trust("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]));
            callback.answer("{\"stock\": {}}");
            admin.postForm(page, page + "/test", Map.of());
            assertThat(admin.get(page).body()).contains("HTTP 401");

            assertThat(admin.postWithoutToken(page + "/remove", Map.of()).statusCode())
                    .isEqualTo(403);
            assertThat(admin.postForm(page, page + "/remove", Map.of()).statusCode())
                    .isEqualTo(302);
            assertThat(stockChecks.endpoint(storefront.id())).isEmpty();
        }
        assertThat(audited(storefront, "stock-check.configured")).isEqualTo(1);
        assertThat(audited(storefront, "stock-check.tested")).isEqualTo(3);
        assertThat(audited(storefront, "stock-check.removed")).isEqualTo(1);
    }

    @Test
    void shouldKeepTheCallbackPageFromOperatorsAndSupervisors() {
        TestStorefront storefront = TestStorefronts.create(storefronts);
        String page = "/console/admin/storefronts/" + storefront.id().value() + "/stock-check";
        for (Operators.Role role : new Operators.Role[] {Operators.Role.OPERATOR, Operators.Role.SUPERVISOR}) {
            ConsoleClient someone = ConsoleClient.loggedInAs(
                    port, TestOperators.create(operators, passwords, role), TestOperators.PASSWORD);
            assertThat(someone.get(page).statusCode()).as(role.name()).isEqualTo(403);
        }
    }
}
