package com.aftercare.web.line;

import static com.aftercare.web.line.LineWebhook.newUser;
import static com.aftercare.web.line.LineWebhook.textEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerMerges;
import com.aftercare.domain.shared.SignedTokens;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A LINE user becomes the customer of an order they prove: the operator sends the portal's lookup
 * link on LINE, the customer finds their order with it, and the LINE identity, the conversation
 * and its order are that customer's, with the link on the timeline. A changed, expired or used
 * link, or one taken to another storefront's order, links nothing (the lookup itself still works).
 */
@AftercareIntegrationTest
class LineLinkingTest extends LineIntegrationTest {

    static final String SECRET = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    static final Pattern LINK = Pattern.compile("/portal\\?line=([^\\s]+)");

    @Autowired
    SignedTokens tokens;

    @Autowired
    CustomerMerges merges;

    TestStorefront storefront;
    String user;
    String reference;
    String number;
    String email;
    ConsoleClient admin;
    ConsoleClient customer;

    @BeforeEach
    void aLineConversationAndAnOrder() throws Exception {
        storefront = TestStorefronts.create(storefronts);
        channels.save(storefront.id(), SECRET, TOKEN, "test");
        email = Events.unique("line-link") + "@example.jp";
        number = Events.unique("L");
        new Api(port, storefront.key()).postEvent(Events.placed(Events.unique("evt"), number, email));
        user = newUser();
        new LineWebhook(port, storefront.code(), SECRET)
                .signed(textEvent(UUID.randomUUID().toString(), user, "注文した T シャツのサイズを交換したいです", false));
        reference = rows().referenceOf(user);
        admin = ConsoleClient.loggedInAsAdmin(port);
        customer = new ConsoleClient(port, "198.51.100." + (1 + (int) (Math.random() * 200)));
    }

    @Test
    void shouldLinkTheLineUserToTheOrdersCustomerOnceTheyFindTheirOrder() {
        long lineOnly = identityCustomer();
        String notes = "/console/customers/" + lineOnly + "/notes";
        String note = "LINEでサイズ交換の相談あり " + Events.unique("note");
        admin.postForm("/console/customers/" + lineOnly, notes, Map.of("body", note));
        String link = sendLink();

        HttpResponse<String> form = customer.get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("LINE で届いたリンクから開いています").contains("name=\"line\"");
        HttpResponse<String> found = lookUp(link, tokenOf(link));

        assertThat(found.statusCode()).isEqualTo(302);
        assertThat(customer.get(location(found)).body()).contains("LINE のアカウントとこのご注文を結び付けました");
        long orderCustomer = orderCustomer();
        assertThat(identityCustomer()).isEqualTo(orderCustomer);
        assertThat(jdbc.sql("""
                        select i.customer_id = o.customer_id and i.order_id = o.id from inquiry i, customer_order o
                         where i.reference = :r and o.order_number = :n
                        """)
                        .param("r", reference)
                        .param("n", number)
                        .query(Boolean.class)
                        .single())
                .as("the conversation is the customer's, about that order")
                .isTrue();
        assertThat(admin.get("/console/inquiries/" + reference).body())
                .contains("LINE のお客様と注文の結び付け")
                .contains(number);
        assertThat(jdbc.sql("select merged_into from customer where id = :id")
                        .param("id", lineOnly)
                        .query(Long.class)
                        .single())
                .as("the record the LINE account made is merged into the customer who proved the order")
                .isEqualTo(orderCustomer);
        assertThat(jdbc.sql("select customer_id from customer_note where body = :b")
                        .param("b", note)
                        .query(Long.class)
                        .list())
                .as("what was taken down for the LINE-only record is on the one timeline")
                .containsExactly(orderCustomer);
        assertThat(jdbc.sql("select actor from audit_log where action = 'customer.merged' and target_id = :survivor"
                                + " and (details ->> 'duplicate')::bigint = :duplicate")
                        .param("survivor", Long.toString(orderCustomer))
                        .param("duplicate", lineOnly)
                        .query(String.class)
                        .list())
                .as("audited, by the customer who proved the order")
                .containsExactly("customer");
    }

    @Test
    void shouldShowALineOnlyCustomerWithoutContactAndNothingToReveal() {
        String page = admin.get("/console/inquiries/" + reference).body();

        assertThat(page)
                .as("no email and no phone, said in words")
                .containsPattern("id=\"panel-email\">未登録<")
                .containsPattern("id=\"panel-phone\">未登録<");
        assertThat(page).as("nothing to reveal").doesNotContain("id=\"panel-reveal\"");
    }

    /**
     * docs/channels.md, "Merging and linking": an operator's merge moves the LINE account to the
     * customer but is not the person's proof of the order, so it does not set {@code linked_at};
     * the conversation says so beside the link button until the customer uses the link.
     */
    @Test
    void shouldLeaveAMergedAccountUnlinkedAndOfferTheLinkUntilTheCustomerUsesIt() {
        String page = "/console/inquiries/" + reference;
        assertThat(admin.get(page).body()).as("a LINE-only customer").doesNotContain("line-merged-not-linked");
        long orderCustomer = orderCustomer();

        merges.merge(new CustomerId(orderCustomer), new CustomerId(identityCustomer()), "test-supervisor");

        assertThat(identityCustomer()).isEqualTo(orderCustomer);
        assertThat(jdbc.sql("select linked_at is null from line_identity where line_user_id = :u")
                        .param("u", user)
                        .query(Boolean.class)
                        .single())
                .as("a merge is no proof of the order")
                .isTrue();
        assertThat(admin.get(page).body())
                .contains("id=\"line-merged-not-linked\"")
                .contains("オペレーターの統合でお客様に結び付いたもの");

        String link = sendLink();
        lookUp(link, tokenOf(link));

        assertThat(jdbc.sql("select linked_at is not null from line_identity where line_user_id = :u")
                        .param("u", user)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(admin.get(page).body()).doesNotContain("line-merged-not-linked");
    }

    @Test
    void shouldLinkOnceSoASecondUseOfTheLinkLinksNothing() {
        String link = sendLink();
        HttpResponse<String> first = lookUp(link, tokenOf(link));
        assertThat(customer.get(location(first)).body()).contains("結び付けました");
        long linked = identityCustomer();

        HttpResponse<String> again = lookUp(link, tokenOf(link));

        assertThat(customer.get(link).body()).contains("すでに使われています").doesNotContain("name=\"line\"");
        assertThat(customer.get(location(again)).body()).contains("すでに使われています");
        assertThat(identityCustomer()).isEqualTo(linked);
        assertThat(jdbc.sql("""
                        select count(*) from inquiry_event e join inquiry i on i.id = e.inquiry_id
                         where i.reference = :r and e.type = 'LINKED'
                        """).param("r", reference).query(Long.class).single())
                .as("linked once")
                .isOne();
    }

    @Test
    void shouldLinkNothingWithAChangedOrExpiredLink() {
        String link = sendLink();
        String token = tokenOf(link);
        String[] parts = token.split("\\.");
        String changedExpiry = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
        String nonce = jdbc.sql("""
                        select t.nonce::text from line_link_token t join line_identity l on l.id = t.identity_id
                         where l.line_user_id = :u
                        """).param("u", user).query(String.class).single();
        String expired = tokens.sign("line-link", nonce, Instant.now().minusSeconds(60));
        long before = identityCustomer();

        assertThat(customer.get("/portal?line=" + changedExpiry).body()).contains("期限切れか");
        assertThat(lookUp(link, changedExpiry).statusCode()).isEqualTo(302);
        assertThat(lookUp(link, expired).statusCode()).isEqualTo(302);

        assertThat(identityCustomer()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from line_link_token where nonce = cast(:n as uuid) and used_at is null")
                        .param("n", nonce)
                        .query(Long.class)
                        .single())
                .as("the real link still works")
                .isOne();
    }

    @Test
    void shouldNotLinkAnotherStorefrontsOrder() {
        String link = sendLink();
        String otherNumber = Events.unique("L");
        new Api(port, TestStorefronts.create(storefronts).key())
                .postEvent(Events.placed(Events.unique("evt"), otherNumber, email));
        long before = identityCustomer();

        HttpResponse<String> found = customer.postForm(
                link, "/portal/lookup", Map.of("orderNumber", otherNumber, "contact", email, "line", tokenOf(link)));

        assertThat(found.statusCode()).isEqualTo(302);
        assertThat(identityCustomer()).isEqualTo(before);
    }

    @Test
    void shouldRefuseTheLinkOnAnInquiryThatIsNotLinesAndWithoutTheCsrfToken() {
        String mailInquiry = jdbc.sql("select reference from inquiry where channel <> 'LINE' limit 1")
                .query(String.class)
                .optional()
                .orElse(null);
        assertThat(admin.postWithoutToken("/console/inquiries/" + reference + "/line-link", Map.of())
                        .statusCode())
                .isEqualTo(403);
        if (mailInquiry != null) {
            String page = "/console/inquiries/" + mailInquiry;
            admin.postForm(page, page + "/line-link", Map.of());
            assertThat(admin.get(page).body()).doesNotContain("id=\"send-line-link\"");
        }
        assertThat(jdbc.sql("select count(*) from line_link_token t join line_identity l on l.id = t.identity_id "
                                + "where l.line_user_id = :u")
                        .param("u", user)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** The operator presses the button; the text goes out on LINE; the link as the customer gets it. */
    private String sendLink() {
        String page = "/console/inquiries/" + reference;
        assertThat(admin.get(page).body()).contains("id=\"send-line-link\"");
        assertThat(admin.postForm(page, page + "/line-link", Map.of()).statusCode())
                .isEqualTo(302);
        dispatcher.dispatchDue();
        String text = LINE.delivered().stream()
                .filter(t -> t.contains("/portal?line="))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(text).startsWith("お問い合わせありがとうございます");
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).isTrue();
        return "/portal?line=" + link.group(1);
    }

    private static String tokenOf(String link) {
        return URLDecoder.decode(link.substring(link.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> lookUp(String link, String token) {
        return customer.postForm(
                link, "/portal/lookup", Map.of("orderNumber", number, "contact", email, "line", token));
    }

    private static String location(HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("/portal"));
    }

    private long orderCustomer() {
        return jdbc.sql("select customer_id from customer_order where order_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    private long identityCustomer() {
        return jdbc.sql("select customer_id from line_identity where line_user_id = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }
}
