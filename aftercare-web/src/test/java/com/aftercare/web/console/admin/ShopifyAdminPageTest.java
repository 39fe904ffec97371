package com.aftercare.web.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shopify.ShopifyConnections;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.ShopifyStore;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The storefront's Shopify page for admins: the URL to give Shopify, the secret saved (never shown
 * again, audited without it) and removed, the gateway mapping, refusals under their field with
 * nothing written, and the page closed to operators. The bootstrap storefront is connected from
 * the environment.
 */
@AftercareIntegrationTest
class ShopifyAdminPageTest {

    static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    ShopifyConnections connections;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    ConsoleClient admin;
    String page;

    @BeforeEach
    void openThePage() {
        storefront = TestStorefronts.create(storefronts);
        admin = ConsoleClient.loggedInAsAdmin(port);
        page = "/console/admin/storefronts/" + storefront.id().value() + "/shopify";
    }

    @Test
    void shouldShowTheUrlToGiveShopifyAndTheDefaultGatewaysOfANewConnection() {
        HttpResponse<String> answer = admin.get(page);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("/api/v1/webhooks/shopify/" + storefront.code())
                .contains("未接続です")
                .contains("customers_email_marketing_consent/update")
                .contains("value=\"代金引換\"");
        assertThat(admin.get("/console/admin/storefronts").body()).contains(page);
    }

    @Test
    void shouldSaveTheSecretShowOnlyItsEndAndAuditItWithoutTheSecret() {
        HttpResponse<String> saved = admin.postForm(page, page + "/secret", Map.of("secret", SECRET));

        assertThat(saved.statusCode()).isEqualTo(302);
        String body = admin.get(page).body();
        assertThat(body).contains("接続済みです").contains("e1f0").doesNotContain(SECRET);
        assertThat(jdbc.sql(
                                "select details::text from audit_log where action = 'shopify.secret.saved' and target_id = :id")
                        .param("id", String.valueOf(storefront.id().value()))
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(details -> assertThat(details).contains("e1f0").doesNotContain(SECRET));
        assertThat(new ShopifyStore(port, storefront.code(), SECRET)
                        .send("products/update", "{}")
                        .status())
                .as("the store's webhooks are taken now")
                .isEqualTo(200);
    }

    @Test
    void shouldRefuseAnImplausibleSecretUnderItsFieldAndStoreNothing() {
        HttpResponse<String> refused = admin.postForm(page, page + "/secret", Map.of("secret", "too short"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"secret-error\"").contains("シークレットを保存できません");
        assertThat(connections.settings(storefront.id()).connected()).isFalse();
    }

    @Test
    void shouldDisconnectSoTheStoresWebhooksAreRefusedAgain() {
        admin.postForm(page, page + "/secret", Map.of("secret", SECRET));

        HttpResponse<String> disconnected = admin.postForm(page, page + "/disconnect", Map.of());

        assertThat(disconnected.statusCode()).isEqualTo(302);
        assertThat(connections.settings(storefront.id()).connected()).isFalse();
        assertThat(new ShopifyStore(port, storefront.code(), SECRET)
                        .send("products/update", "{}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void shouldSaveTheGatewayMappingLeavingOutEmptyRows() {
        HttpResponse<String> saved = admin.postForm(page, page + "/gateways", rows("コンビニ決済（ペイジー）", "KONBINI", "", ""));

        assertThat(saved.statusCode()).isEqualTo(302);
        ShopifyConnections.Settings settings = connections.settings(storefront.id());
        assertThat(settings.defaultGateways()).isFalse();
        assertThat(settings.gateways())
                .extracting(g -> g.name() + "=" + g.paymentMethod())
                .containsExactly("コンビニ決済(ペイジー)=KONBINI");
        assertThat(connections.paymentMethodFor(storefront.id(), java.util.List.of("コンビニ決済(ペイジー)")))
                .isEqualTo("KONBINI");
    }

    @Test
    void shouldRefuseAGatewayListedTwiceUnderItsRowAndKeepTheMapping() {
        HttpResponse<String> refused = admin.postForm(page, page + "/gateways", rows("代金引換", "COD", "代金引換 ", "OTHER"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("同じ名前は一度だけ入力してください");
        assertThat(connections.settings(storefront.id()).defaultGateways()).isTrue();
    }

    @Test
    void shouldCloseThePageToOperators() {
        String username = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);
        ConsoleClient supervisor = ConsoleClient.loggedInAs(port, username, TestOperators.PASSWORD);

        assertThat(supervisor.get(page).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldConnectTheBootstrapStorefrontFromTheEnvironment() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(connections.verify(
                        TestEnvironment.BOOTSTRAP_STOREFRONT,
                        body,
                        ShopifyStore.sign(TestEnvironment.BOOTSTRAP_SHOPIFY_SECRET, body)))
                .isPresent();
    }

    /** The mapping form's fields: name and payment method of each row, in turn. */
    private static Map<String, String> rows(String... nameThenMethod) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = 0; i < nameThenMethod.length / 2; i++) {
            rows.put("gateways[" + i + "].name", nameThenMethod[2 * i]);
            rows.put("gateways[" + i + "].paymentMethod", nameThenMethod[2 * i + 1]);
        }
        return rows;
    }
}
