package com.aftercare.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.mail.RenderedMail;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.privacy.PrivacyFixtures.Person;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An erasure (消去・利用停止) on real PostgreSQL, from the console and from a storefront's API: the
 * person can no longer be found by name, email or phone in any table (mails, photos and audit
 * included), their waiting mail is stopped, and the storefront's order counts and amounts do not
 * change.
 */
@AftercareIntegrationTest
class CustomerErasureTest {

    static final String PATH = "/api/v1/privacy/erasure-requests";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Mails mails;

    TestStorefronts.TestStorefront shop;
    Api api;
    Person person;
    long customer;
    String reference;
    String rma;
    String anonymousMail;

    @BeforeEach
    void aCustomerWithOrdersAnInquiryAClaimWithAPhotoAndMail() {
        shop = TestStorefronts.create(storefronts);
        api = new Api(port, shop.key());
        person = Person.unique();
        String sku = Events.unique("SKU");
        String recent = PrivacyFixtures.placeOrder(api, person, Events.unique("R"), sku, "2026-11-23T10:15:30+09:00");
        PrivacyFixtures.placeOrder(api, person, Events.unique("R"), sku, "2018-05-01T10:00:00+09:00");
        reference = PrivacyFixtures.openInquiry(api, person, recent);
        customer = PrivacyFixtures.customerId(jdbc, person);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.sql("select count(*) from outbound_mail where customer_id = :c and status = 'PENDING'")
                                        .param("c", customer)
                                        .query(Long.class)
                                        .single()
                                >= 1);
        rma = PrivacyFixtures.claimWithPhotoAndBankAccount(api, jdbc, person, recent);
        // a mail sent to the address before the person was a customer carries no customer id
        anonymousMail = Events.unique("mail");
        mails.sendRendered(
                MailRequest.transactional(
                        anonymousMail, "portal-access", null, null, shop.id(), person.email(), Map.of(), Instant.now()),
                new RenderedMail(person.name() + " 様", person.name() + " 様、ご注文の確認です。", null));
        ConsoleClient.loggedInAsAdmin(port)
                .postForm("/console/customers/" + customer, "/console/customers/" + customer + "/reveal", Map.of());
    }

    @Test
    void shouldLeaveNoTraceOfThePersonWhileTheStorefrontsFiguresStay() {
        assertThat(PrivacyFixtures.tablesHolding(jdbc, person.email()))
                .as("the control: before the erasure the email is found")
                .containsKeys("customer", "outbound_mail", "inbound_event");
        assertThat(PrivacyFixtures.tablesHolding(jdbc, person.name())).containsKeys("customer", "inquiry_message");
        Map<String, Object> before = figures();

        HttpResponse<String> erased = supervisor()
                .postForm(
                        privacyPage(),
                        privacyPage() + "/erase",
                        Map.of("reason", "2026-12-05 電話にて本人より", "confirmed", "true"));

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(302);
        for (String value : List.of(person.email(), person.name(), person.phone(), person.address())) {
            assertThat(PrivacyFixtures.tablesHolding(jdbc, value)).as(value).isEmpty();
        }
        assertThat(figures()).as("orders, amounts and lines of the storefront").isEqualTo(before);
        assertThat(count("select count(*) from claim_photo p join claim c on c.id = p.claim_id where c.rma = :v", rma))
                .isZero();
        assertThat(count(
                        "select count(*) from claim where rma = :v and bank_account_enc is null"
                                + " and bank_account_erased_at is not null",
                        rma))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from outbound_mail where customer_id = cast(:v as bigint) and status = 'PENDING'",
                        Long.toString(customer)))
                .as("no mail waits for the customer any more")
                .isZero();
        assertThat(count("select count(*) from claim where rma = :v and reason = 'SIZE' and type = 'RETURN'", rma))
                .as("the claim still counts in the figures by its reason")
                .isEqualTo(1);
    }

    @Test
    void shouldNoLongerFindTheCustomerInTheConsoleSearch() {
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        String link = "/console/customers/" + customer + "\"";
        assertThat(admin.get("/console/search?q=" + person.email()).body())
                .as("the control")
                .contains(link);

        supervisor().postForm(privacyPage(), privacyPage() + "/erase", Map.of("reason", "本人より", "confirmed", "true"));

        for (String term : List.of(person.email(), person.name(), person.phone())) {
            assertThat(admin.get("/console/search?q=" + encode(term)).body())
                    .as(term)
                    .doesNotContain(link);
        }
        assertThat(admin.get("/console/inquiries/" + reference).body()).doesNotContain(person.name());
    }

    @Test
    void shouldKeepTheNumberOfOrdersInsideTheLegalPeriodAndSaySo() {
        ConsoleClient supervisor = supervisor();
        supervisor.postForm(privacyPage(), privacyPage() + "/erase", Map.of("reason", "本人より", "confirmed", "true"));

        assertThat(supervisor.get(privacyPage()).body())
                .as("the page after the erasure says which orders keep their number, and until when")
                .contains("法定保存期間中の注文 1 件は、2033-11-23 まで");
        List<Map<String, Object>> orders =
                jdbc.sql("""
                        select order_number, retained_until::text as until, total_minor from customer_order
                         where customer_id = :c order by placed_at
                        """).param("c", customer).query().listOfRows();
        assertThat(orders.get(0).get("order_number").toString())
                .as("2018: the seven years are over")
                .startsWith("ERASED-");
        assertThat(orders.get(0).get("until")).isNull();
        assertThat(orders.get(1).get("order_number").toString()).doesNotStartWith("ERASED-");
        assertThat(orders.get(1).get("until")).isEqualTo("2033-11-23");
        assertThat(orders).allSatisfy(o -> assertThat(o.get("total_minor")).isEqualTo(6550L));
        Map<String, Object> audit = jdbc.sql("""
                        select actor, details::text as details from audit_log
                         where action = 'customer.erased' and target_id = cast(:c as text)
                        """).param("c", customer).query().singleRow();
        assertThat(audit.get("details").toString())
                .contains("\"ordersUnderRetention\":1")
                .contains("本人より");
    }

    @Test
    void shouldRefuseAnErasureWithoutReasonOrConfirmationAndEraseNothing() {
        ConsoleClient supervisor = supervisor();

        HttpResponse<String> noReason = supervisor.postForm(
                privacyPage(), privacyPage() + "/erase", Map.of("reason", " ", "confirmed", "true"));
        HttpResponse<String> unconfirmed =
                supervisor.postForm(privacyPage(), privacyPage() + "/erase", Map.of("reason", "本人より"));
        HttpResponse<String> tooLong = supervisor.postForm(
                privacyPage(), privacyPage() + "/erase", Map.of("reason", "あ".repeat(501), "confirmed", "true"));

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("受付内容を入力してください");
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("確認のチェックを入れてください");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(erased()).isFalse();
        assertThat(PrivacyFixtures.tablesHolding(jdbc, person.email())).containsKey("customer");
    }

    @Test
    void shouldLetOnlySupervisorsAndAdminsEraseOrDisclose() {
        String operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        ConsoleClient client = ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD);

        assertThat(client.get(privacyPage()).statusCode()).isEqualTo(403);
        assertThat(client.get(privacyPage() + "/disclosure.json").statusCode()).isEqualTo(403);
        assertThat(client.postWithoutToken(privacyPage() + "/erase", Map.of("reason", "x", "confirmed", "true"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(supervisor()
                        .postWithoutToken(privacyPage() + "/erase", Map.of("reason", "x", "confirmed", "true"))
                        .statusCode())
                .as("without the CSRF token")
                .isEqualTo(403);
        assertThat(erased()).isFalse();
    }

    @Test
    void shouldAnswerAStorefrontTheSameForAKnownAndAnUnknownEmail() {
        Api.Answer unknown = api.postJson(PATH, "{\"email\": \"" + Events.unique("nobody") + "@example.jp\"}");
        Api.Answer known = api.postJson(PATH, "{\"email\": \"" + person.email() + "\"}");

        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(unknown.contentType()).isEqualTo(known.contentType());
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(erased()).isTrue();
        assertThat(PrivacyFixtures.tablesHolding(jdbc, person.email())).isEmpty();
        assertThat(count(
                        "select count(*) from audit_log where action = 'customer.erasure-requested'"
                                + " and actor = :v and details ->> 'matched' = 'false'",
                        "storefront:" + shop.id().value()))
                .as("the unknown request is audited, without the email")
                .isEqualTo(1);
        Api.Answer again = api.postJson(PATH, "{\"email\": \"" + person.email() + "\"}");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(known.body());
        assertThat(count(
                        "select count(*) from audit_log where action = 'customer.erased' and target_id = :v",
                        Long.toString(customer)))
                .as("erased once")
                .isEqualTo(1);
    }

    @Test
    void shouldNotEraseACustomerOfAnotherStorefront() {
        Api other = new Api(port, TestStorefronts.create(storefronts).key());

        Api.Answer answer = other.postJson(PATH, "{\"email\": \"" + person.email() + "\"}");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(erased()).isFalse();
    }

    @Test
    void shouldRefuseMalformedRequestsWithAProblem() {
        Api.Answer malformed = api.postJson(PATH, "{\"email\": \"not an address\"}");
        Api.Answer missing = api.postJson(PATH, "{}");
        Api.Answer notJson = api.postJson(PATH, "email=" + person.email());
        Api.Answer wrongType = api.postJson(PATH, "{\"email\": 42}");
        Api.Answer noKey =
                new Api(port, "ak_" + UUID.randomUUID()).postJson(PATH, "{\"email\": \"" + person.email() + "\"}");

        for (Api.Answer answer : List.of(malformed, missing, notJson, wrongType)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.isProblem()).as(answer.body()).isTrue();
        }
        assertThat(malformed.body()).contains("email");
        assertThat(missing.body()).contains("email");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(erased()).isFalse();
    }

    private Map<String, Object> figures() {
        return jdbc.sql("""
                        select count(*) as orders, sum(total_minor) as total,
                               (select count(*) from order_line l join customer_order o on o.id = l.order_id
                                 where o.storefront_id = :s) as lines,
                               (select count(*) from inquiry where storefront_id = :s) as inquiries,
                               (select count(*) from claim where storefront_id = :s) as claims
                          from customer_order where storefront_id = :s
                        """).param("s", shop.id().value()).query().singleRow();
    }

    private long count(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }

    private boolean erased() {
        return jdbc.sql("select erased_at is not null from customer where id = :c")
                .param("c", customer)
                .query(Boolean.class)
                .single();
    }

    private ConsoleClient supervisor() {
        return ConsoleClient.loggedInAs(
                port, TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR), TestOperators.PASSWORD);
    }

    private String privacyPage() {
        return "/console/customers/" + customer + "/privacy";
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
