package com.aftercare.web.console.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer panel of the inquiry workspace over a real port: what belongs to the inquiry's
 * storefront and customer only, the contact masked until an audited reveal, a note with CSRF, and
 * the early warning said in Japanese or English.
 */
@AftercareIntegrationTest
class InquiryCustomerPanelHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    Api shop;
    Api otherShop;
    ConsoleClient console;
    String email;

    @BeforeEach
    void setUp() {
        shop = new Api(port, TestStorefronts.create(storefronts).key());
        otherShop = new Api(port, TestStorefronts.create(storefronts).key());
        console = ConsoleClient.loggedInAsAdmin(port);
        email = Events.unique("panel") + "@example.jp";
    }

    @Test
    void shouldShowTheStorefrontsOrdersButNeverAnotherStorefrontsCustomerOrOrders() {
        String ours = Events.unique("P");
        shop.postEvent(Events.placed(Events.unique("evt"), ours, email));
        shop.postEvent(Events.shipped(Events.unique("evt"), ours, "2026-11-24T10:00:00+09:00", "123456789012"));
        // the same person at another storefront, and another customer there
        String theirs = Events.unique("Q");
        otherShop.postEvent(Events.placed(Events.unique("evt"), theirs, email));
        String stranger = Events.unique("stranger") + "@example.jp";
        String strangersOrder = Events.unique("S");
        otherShop.postEvent(Events.placed(Events.unique("evt"), strangersOrder, stranger));

        String page = console.get("/console/inquiries/" + open(shop, ours, "お届け日を教えてください。"))
                .body();

        String panel = panelOf(page);
        assertThat(panel)
                .contains(ours)
                .contains("発送済み")
                .contains("¥6,550")
                .contains("123456789012")
                .contains("返品・保証の申請はありません。")
                .contains("アンケートの回答はありません。");
        assertThat(panel).doesNotContain(theirs).doesNotContain(strangersOrder).doesNotContain(stranger);
        assertThat(page).doesNotContain(email).contains("090-****-5678");
    }

    @Test
    void shouldRevealTheContactOnlyOnRequestAndAuditIt() {
        String reference = open(shop, null, "ギフト包装はできますか。");
        String customerId = jdbc.sql("select customer_id::text from inquiry where reference = :r")
                .param("r", reference)
                .query(String.class)
                .single();

        HttpResponse<String> revealed = console.postForm(
                "/console/inquiries/" + reference, "/console/inquiries/" + reference + "/reveal", Map.of());

        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(panelOf(revealed.body())).contains(email);
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where action = 'customer.revealed' and target_type = 'customer' and target_id = :id")
                        .param("id", customerId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(panelOf(console.get("/console/inquiries/" + reference).body()))
                .doesNotContain(email);
    }

    @Test
    void shouldAddANoteAboutTheCustomerFromTheInquiryWithItsToken() {
        String reference = open(shop, null, "ギフト包装はできますか。");
        String path = "/console/inquiries/" + reference + "/customer-notes";

        assertThat(console.postWithoutToken(path, Map.of("body", "電話よりメールを希望")).statusCode())
                .isEqualTo(403);
        HttpResponse<String> empty = console.postForm("/console/inquiries/" + reference, path, Map.of("body", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("customer-note-error");

        console.postForm("/console/inquiries/" + reference, path, Map.of("body", "電話よりメールを希望"));

        assertThat(panelOf(console.get("/console/inquiries/" + reference).body()))
                .contains("電話よりメールを希望");
    }

    @Test
    void shouldSayTheEarlyWarningInJapaneseAndInEnglish() {
        String reference = open(shop, null, "商品が壊れていて最悪です。");

        String japanese = console.get("/console/inquiries/" + reference).body();
        String english =
                console.get("/console/inquiries/" + reference + "?lang=en").body();

        assertThat(japanese).contains("苦情と思われる言葉：最悪").contains("早期警告（自動）");
        assertThat(english).contains("Words of complaint: 最悪");
        assertThat(japanese + english).doesNotContain("complaint words").doesNotContain("COMPLAINT_WORDS");
    }

    @Test
    void shouldSayTheTrailInWordsNotCodes() {
        String reference = open(shop, null, "ギフト包装はできますか。");
        console.postForm("/console/inquiries/" + reference, "/console/inquiries/" + reference + "/take", Map.of());

        String page = console.get("/console/inquiries/" + reference).body();
        String trail =
                page.substring(page.indexOf("id=\"trail\""), page.indexOf("</table>", page.indexOf("id=\"trail\"")));

        assertThat(trail).contains("お問い合わせフォーム").contains("管理者");
        assertThat(trail).doesNotContain("WEB_FORM").doesNotContain("via ").doesNotContain("to admin");
    }

    private static String panelOf(String page) {
        int start = page.indexOf("id=\"customer-panel\"");
        assertThat(start).as("the customer panel").isPositive();
        return page.substring(start, page.indexOf("</aside>", start));
    }

    private String open(Api storefront, String orderNumber, String body) {
        return storefront.openInquiry(email, orderNumber, body);
    }
}
