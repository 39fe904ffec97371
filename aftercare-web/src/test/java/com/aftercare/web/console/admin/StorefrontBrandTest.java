package com.aftercare.web.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.order.Orders;
import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An admin sets the shop's site and logo a storefront's portal pages show; the portal then carries
 * them, and an address that is not http(s) is refused without changing anything.
 */
@AftercareIntegrationTest
class StorefrontBrandTest {

    private static final String PAGE = "/console/admin/storefronts";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Orders orders;

    @Autowired
    PortalOrderLinks links;

    @Autowired
    JdbcClient jdbc;

    ConsoleClient admin;
    TestStorefront storefront;

    @BeforeEach
    void setUp() {
        admin = ConsoleClient.loggedInAsAdmin(port);
        storefront = TestStorefronts.create(storefronts);
    }

    @Test
    void shouldShowTheSiteAndLogoAnAdminSetOnTheStorefrontsPortalPages() {
        HttpResponse<String> saved = admin.postForm(
                PAGE,
                brandPath(),
                Map.of("siteUrl", " https://shop.example.jp/ ", "logoUrl", "https://cdn.example.jp/logo.png"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(storefronts.get(storefront.id()).siteUrl()).isEqualTo("https://shop.example.jp/");
        assertThat(auditActions()).containsExactly("storefront.brand.changed");
        String portal = new ConsoleClient(port).get(orderPagePath()).body();
        assertThat(portal)
                .contains("href=\"https://shop.example.jp/\"")
                .contains("src=\"https://cdn.example.jp/logo.png\"")
                .doesNotContain("href=\"/login\"")
                .doesNotContain("href=\"/console\"");
    }

    @Test
    void shouldRefuseAnAddressThatIsNotHttpAndChangeNothing() {
        storefronts.brand(storefront.id(), "https://shop.example.jp/", null, "admin");

        HttpResponse<String> refused =
                admin.postForm(PAGE, brandPath(), Map.of("siteUrl", "javascript:alert(1)", "logoUrl", ""));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(admin.get(PAGE).body()).contains("何も変更していません");
        assertThat(storefronts.get(storefront.id()).siteUrl()).isEqualTo("https://shop.example.jp/");
    }

    @Test
    void shouldLeadThePortalsFirstPageBackToThePortalNeverToTheStaffLogin() {
        String lookup = new ConsoleClient(port).get("/portal").body();

        assertThat(lookup)
                .contains("id=\"portal-brand\"")
                .doesNotContain("href=\"/login\"")
                .doesNotContain("href=\"/console\"")
                .doesNotContain("console-nav");
    }

    @Test
    void shouldSayAStorefrontHasNoKeyYetAndHowToIssueOneInsteadOfAnEmptyTable() {
        String code = "t-" + java.util.UUID.randomUUID().toString().substring(0, 12);
        storefronts.ensure(code, "キーのない店 " + code);

        String page = admin.get(PAGE).body();

        String section = page.substring(page.indexOf("id=\"storefront-" + code + "\""));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section)
                .contains("id=\"no-keys-" + code + "\"")
                .contains("このストアには API キーがまだありません。")
                .contains("「キーを発行」を押すと")
                .doesNotContain("<table class=\"keys\">");
        // the storefront with a key still lists it, with no empty state
        String keyed = page.substring(page.indexOf("id=\"storefront-" + storefront.code() + "\""));
        keyed = keyed.substring(0, keyed.indexOf("</section>"));
        assertThat(keyed).contains("<table class=\"keys\">").doesNotContain("no-keys-");
    }

    private String brandPath() {
        return PAGE + "/" + storefront.id().value() + "/brand";
    }

    private String orderPagePath() {
        TestOrder order = ClaimFixtures.placed(new Api(port, storefront.key()), "CARD", false);
        return links.pathFor(links.tokenFor(
                orders.findByNumberAndContact(order.number(), order.email())
                        .orElseThrow()
                        .id(),
                PortalOrderLinks.LOOKUP_VALIDITY));
    }

    private java.util.List<String> auditActions() {
        return jdbc.sql("select action from audit_log where target_type = 'storefront' and target_id = :id"
                        + " and action like 'storefront.brand%'")
                .param("id", String.valueOf(storefront.id().value()))
                .query(String.class)
                .list();
    }
}
