package com.aftercare.web.console.inquiries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.stepmail.scenario.StepMailScheduler;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.DueMail;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestInquiries;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer panel of the inquiry workspace over a real port: what belongs to the inquiry's
 * storefront and customer only, the contact masked until an audited reveal, a note with CSRF, and
 * the early warning said in Japanese or English.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class InquiryCustomerPanelHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Inquiries inquiries;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    StepMailScheduler scheduler;

    @Autowired
    TestClock clock;

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
    void shouldShowTheLinkedOrderOnTopAndTheCustomersMailsClaimsAndAnswersWithRealData() {
        String number = Events.unique("P");
        shop.postEvent(Events.placed(Events.unique("evt"), number, email));
        shop.postEvent(Events.shipped(Events.unique("evt"), number, "2026-11-24T10:00:00+09:00", "123456789012"));
        // Noon yesterday in Japan, whatever the hour the suite runs at: at night the quiet hours
        // would rightly hold the shipping notice till 09:00 (CI once ran this at 23:50). The clock
        // stays behind the database's, which the dispatcher compares due times with.
        String yesterday = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1).toString();
        clock.setJst(yesterday + "T12:00");
        // delivered an hour before: the after-delivery step mails are due in the days ahead
        shop.postEvent(
                Events.progressed(Events.unique("evt"), "order.delivered", number, yesterday + "T11:00:00+09:00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> stepMails("SCHEDULED") >= 2);
        // a question answered earlier, with the satisfaction survey the customer filled in
        String earlier = open(shop, null, "ギフト包装はできますか。");
        inquiries.resolve(earlier, "admin");
        DueMail.send(scheduler, dispatcher);
        String survey = TestMailServer.receivedBy(email).stream()
                .filter(m -> TestMailServer.subjectOf(m).contains("アンケート"))
                .map(TestMailServer::textOf)
                .map(text -> text.replaceAll("(?s).*(/portal/csat\\?token=\\S+).*", "$1"))
                .findFirst()
                .orElseThrow();
        ConsoleClient customer = new ConsoleClient(port);
        customer.get(survey);
        assertThat(customer.postForm(survey, survey, Map.of("score", "4", "comment", "丁寧な説明でした"))
                        .statusCode())
                .isEqualTo(200);
        Api.Answer claim = ClaimFixtures.openReturn(
                shop,
                new ClaimFixtures.TestOrder(number, email, "TS-001-M-NAVY", "MUG-02", "apparel"),
                "TS-001-M-NAVY",
                1);
        assertThat(claim.status()).as(claim.body()).isEqualTo(201);
        String rma = claim.json().get("rma").asString();

        String page = console.get("/console/inquiries/" + open(shop, number, "届いたシャツのサイズが合いません。"))
                .body();

        int linked = page.indexOf("id=\"linked-order\"");
        assertThat(linked).as("the linked order").isPositive().isLessThan(page.indexOf("id=\"conversation\""));
        String order = page.substring(linked, page.indexOf("</section>", linked));
        assertThat(order)
                .contains(number)
                .contains("お届け済み")
                .contains("123456789012")
                .contains("¥6,550");
        String panel = panelOf(page);
        String mails = section(panel, "panel-mails");
        assertThat(section(mails, "panel-mails-sent"))
                .as("the shipping notice and the order's thanks, sent")
                .contains("発送しました")
                .contains("送信済み");
        assertThat(section(mails, "panel-mails-scheduled"))
                .as("the after-delivery step mails, due in the days ahead, named by their template")
                .contains("商品到着のご確認")
                .contains("お困りごとはありませんか")
                .doesNotContain("??");
        assertThat(section(panel, "panel-claims"))
                .contains(rma)
                .contains("返品")
                .contains(number)
                .doesNotContain("返品・保証の申請はありません。");
        assertThat(section(panel, "panel-csat"))
                .contains("4 / 5")
                .contains(earlier)
                .contains("丁寧な説明でした")
                .doesNotContain("アンケートの回答はありません。");
        TestInquiries.closeAllOfCustomer(jdbc, email);
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

    private long stepMails(String status) {
        return jdbc.sql("""
                        select count(*) from step_mail m join enrolment e on e.id = m.enrolment_id
                          join customer c on c.id = e.customer_id
                         where c.email_normalized = :e and m.status = :s
                        """)
                .param("e", email)
                .param("s", status)
                .query(Long.class)
                .single();
    }

    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return html.substring(start, html.indexOf(id.startsWith("panel-mails-") ? "</ul>" : "</section>", start));
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
