package com.aftercare.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Retention periods per storefront, set by an admin and applied by the retention job: what is older
 * than its period goes, what is younger stays, the figures' rows stay, and the report says what went.
 */
@AftercareIntegrationTest
class RetentionTest {

    static final String PAGE = "/console/admin/privacy";

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

    TestStorefronts.TestStorefront shop;
    Api api;
    ConsoleClient admin;

    @BeforeEach
    void setUp() {
        shop = TestStorefronts.create(storefronts);
        api = new Api(port, shop.key());
        admin = ConsoleClient.loggedInAsAdmin(port);
    }

    @Test
    void shouldRemoveWhatIsOlderThanTheStorefrontsPeriodsAndReportIt() {
        String settledLongAgo = settledClaim(100);
        String settledRecently = settledClaim(10);
        Person person = Person.unique();
        String number = PrivacyFixtures.placeOrder(
                api, person, Events.unique("R"), Events.unique("SKU"), "2026-11-23T10:15:30+09:00");
        String oldInquiry = PrivacyFixtures.openInquiry(api, person, number);
        closedDaysAgo(oldInquiry, 400);
        jdbc.sql("""
                        insert into inquiry_attachment (message_id, filename, content_type, size_bytes, content)
                        select m.id, 'receipt.pdf', 'application/pdf', 3, '\\x010203'::bytea
                          from inquiry_message m join inquiry i on i.id = m.inquiry_id where i.reference = :r
                        """).param("r", oldInquiry).update();

        HttpResponse<String> saved = admin.postForm(
                PAGE,
                PAGE + "/retention",
                periods(Map.of(
                        "storefront", Long.toString(shop.id().value()),
                        "claimPhotoDays", "90",
                        "bankAccountDays", "30",
                        "inquiryDays", "365")));
        HttpResponse<String> ran = admin.postForm(PAGE, PAGE + "/run", Map.of());

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(ran.statusCode()).isEqualTo(302);
        assertThat(photos(settledLongAgo)).isZero();
        assertThat(photos(settledRecently)).as("10 days are inside the 90").isEqualTo(1);
        assertThat(bankAccounts(settledLongAgo)).isZero();
        assertThat(bankAccounts(settledRecently))
                .as("10 days are inside the 30")
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                        select distinct m.body from inquiry_message m join inquiry i on i.id = m.inquiry_id
                         where i.reference = :r
                        """).param("r", oldInquiry).query(String.class).list())
                .containsExactly("（削除済み）");
        assertThat(jdbc.sql("""
                        select count(*) from inquiry_attachment a join inquiry_message m on m.id = a.message_id
                          join inquiry i on i.id = m.inquiry_id where i.reference = :r
                        """).param("r", oldInquiry).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from claim where storefront_id = :s")
                        .param("s", shop.id().value())
                        .query(Long.class)
                        .single())
                .as("the claims stay for the figures")
                .isEqualTo(2);
        Map<String, Long> reported = new HashMap<>();
        jdbc.sql("select item, sum(removed) from retention_removal where storefront_id = :s group by item")
                .param("s", shop.id().value())
                .query(rs -> {
                    reported.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(reported)
                .containsEntry("claim-photo", 1L)
                .containsEntry("bank-account", 1L)
                .containsEntry("inquiry-attachment", 1L)
                .containsEntry("inquiry-body", 1L);
        String page = admin.get(PAGE).body();
        assertThat(page).contains("返品・保証の写真").contains("お問い合わせの添付ファイル").contains(shop.code());
    }

    @Test
    void shouldRemoveAuditEntriesOlderThanTheShopsPeriod() {
        String actor = Events.unique("ancient");
        jdbc.sql(
                        "insert into audit_log (at, actor, action, target_type) values ('1900-01-01T00:00:00Z', :a, 'test.old', 'test')")
                .param("a", actor)
                .update();

        HttpResponse<String> saved = admin.postForm(PAGE, PAGE + "/retention", periods(Map.of("auditDays", "36500")));
        admin.postForm(PAGE, PAGE + "/run", Map.of());

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = :a")
                        .param("a", actor)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'privacy.retention-applied'")
                        .query(Long.class)
                        .single())
                .as("the run itself is audited")
                .isPositive();
    }

    @Test
    void shouldReplaceTheNumberOfAnErasedCustomersOrderOnceItsLegalPeriodEnded() {
        Person person = Person.unique();
        String number = PrivacyFixtures.placeOrder(
                api, person, Events.unique("R"), Events.unique("SKU"), "2026-11-23T10:15:30+09:00");
        assertThat(api.postJson(CustomerErasureTest.PATH, "{\"email\": \"" + person.email() + "\"}")
                        .status())
                .isEqualTo(202);
        jdbc.sql("update customer_order set retained_until = current_date - 1 where order_number = :n")
                .param("n", number)
                .update();

        admin.postForm(PAGE, PAGE + "/run", Map.of());

        assertThat(jdbc.sql("select count(*) from customer_order where order_number = :n")
                        .param("n", number)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("""
                        select count(*) from customer_order
                         where storefront_id = :s and order_number like 'ERASED-%' and total_minor = 6550
                        """).param("s", shop.id().value()).query(Long.class).single())
                .as("the order stays, with its amount, under a number that names no one")
                .isEqualTo(1);
        assertThat(admin.get(PAGE).body()).contains("消去済み顧客の注文番号");
    }

    @Test
    void shouldRefuseBadPeriodsWithAMessagePerFieldAndSaveNothing() {
        String storefront = Long.toString(shop.id().value());

        HttpResponse<String> notANumber = admin.postForm(
                PAGE, PAGE + "/retention", periods(Map.of("storefront", storefront, "claimPhotoDays", "九十")));
        HttpResponse<String> zero = admin.postForm(
                PAGE, PAGE + "/retention", periods(Map.of("storefront", storefront, "inquiryDays", "0")));
        HttpResponse<String> auditOfAStorefront =
                admin.postForm(PAGE, PAGE + "/retention", periods(Map.of("storefront", storefront, "auditDays", "30")));
        HttpResponse<String> unknownStorefront = admin.postForm(
                PAGE, PAGE + "/retention", periods(Map.of("storefront", "999999999", "inquiryDays", "30")));

        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("日数を半角数字で入力してください");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("1〜36500 日で入力してください");
        assertThat(auditOfAStorefront.statusCode()).isEqualTo(400);
        assertThat(auditOfAStorefront.body()).contains("操作履歴の期間はショップ共通でのみ");
        assertThat(unknownStorefront.statusCode()).isEqualTo(400);
        assertThat(unknownStorefront.body()).contains("そのストアはありません");
        assertThat(jdbc.sql("select count(*) from privacy_retention where storefront_id = :s")
                        .param("s", shop.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldKeepTheRetentionPageForAdmins() {
        String supervisor = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);
        ConsoleClient client = ConsoleClient.loggedInAs(port, supervisor, TestOperators.PASSWORD);

        assertThat(client.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(client.postWithoutToken(PAGE + "/run", Map.of()).statusCode())
                .isEqualTo(403);
    }

    /** A claim with a photo and a bank account, resolved {@code days} ago. */
    private String settledClaim(int days) {
        Person person = Person.unique();
        String number = PrivacyFixtures.placeOrder(
                api, person, Events.unique("R"), Events.unique("SKU"), "2026-11-23T10:15:30+09:00");
        String rma = PrivacyFixtures.claimWithPhotoAndBankAccount(api, jdbc, person, number);
        jdbc.sql("update claim set resolved_at = now() - make_interval(days => :d) where rma = :rma")
                .param("d", days)
                .param("rma", rma)
                .update();
        return rma;
    }

    private void closedDaysAgo(String reference, int days) {
        jdbc.sql("""
                        update inquiry set status = 'CLOSED', resolved_at = now() - make_interval(days => :d),
                                           closed_at = now() - make_interval(days => :d)
                         where reference = :r
                        """).param("d", days).param("r", reference).update();
    }

    private long photos(String rma) {
        return jdbc.sql("select count(*) from claim_photo p join claim c on c.id = p.claim_id where c.rma = :rma")
                .param("rma", rma)
                .query(Long.class)
                .single();
    }

    private long bankAccounts(String rma) {
        return jdbc.sql("select count(*) from claim where rma = :rma and bank_account_enc is not null")
                .param("rma", rma)
                .query(Long.class)
                .single();
    }

    /** Every field of the form, empty unless given. */
    private static Map<String, String> periods(Map<String, String> given) {
        Map<String, String> fields = new HashMap<>(Map.of(
                "storefront", "", "claimPhotoDays", "", "bankAccountDays", "", "inquiryDays", "", "auditDays", ""));
        fields.putAll(given);
        return fields;
    }
}
