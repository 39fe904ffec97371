package com.aftercare.web.console.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerMerges;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Merging two records of one person (#12 §2) over a real port and PostgreSQL: a phone-only caller
 * (the survivor) and the customer an order with an email made (the duplicate).
 */
@AftercareIntegrationTest
public class CustomerMergeTest {

    @LocalServerPort
    int port;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Storefronts storefronts;

    @Autowired
    CustomerMerges merges;

    @Autowired
    JdbcClient jdbc;

    ConsoleClient supervisor;
    TestStorefronts.TestStorefront shop;
    String email;
    String orderNumber;
    long caller;
    long buyer;

    @BeforeEach
    void setUp() {
        shop = TestStorefronts.create(storefronts);
        supervisor = ConsoleClient.loggedInAs(
                port, TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR), TestOperators.PASSWORD);
        email = Events.unique("merge") + "@example.jp";
        orderNumber = Events.unique("M");
        assertThat(new Api(port, shop.key())
                        .postEvent(Events.placed(Events.unique("ev"), orderNumber, email))
                        .status())
                .isEqualTo(200);
        buyer = jdbc.sql("select id from customer where email_normalized = :e")
                .param("e", email)
                .query(Long.class)
                .single();
        caller = newPhoneOnlyCustomer("鈴木 一郎", "080-7777-0001", shop.id().value());
        jdbc.sql("insert into customer_note (customer_id, body, author) values (:c, '夕方の電話を希望', 'sv')")
                .param("c", buyer)
                .update();
    }

    long newPhoneOnlyCustomer(String name, String phone, long storefront) {
        return newPhoneOnlyCustomer(jdbc, name, phone, storefront);
    }

    /** A customer reached by phone only, known to {@code storefront} (also for the search tests). */
    public static long newPhoneOnlyCustomer(JdbcClient jdbc, String name, String phone, long storefront) {
        return jdbc.sql("""
                        insert into customer (name, phone, phone_normalized, storefront_id)
                        values (:name, :phone, regexp_replace(:phone, '[^0-9]', '', 'g'), :s) returning id
                        """)
                .param("name", name)
                .param("phone", phone)
                .param("s", storefront)
                .query(Long.class)
                .single();
    }

    String mergePage(long survivor) {
        return "/console/customers/" + survivor + "/merge";
    }

    HttpResponse<String> merge(long survivor, long duplicate) {
        return supervisor.postForm(
                mergePage(survivor), mergePage(survivor), Map.of("duplicate", Long.toString(duplicate)));
    }

    long ordersOf(long customer) {
        return jdbc.sql("select count(*) from customer_order where customer_id = :c")
                .param("c", customer)
                .query(Long.class)
                .single();
    }

    Map<String, Object> row(long customer) {
        return jdbc.sql("select email, phone, merged_into from customer where id = :id")
                .param("id", customer)
                .query()
                .singleRow();
    }

    @Test
    void shouldPreviewThenMoveEverythingToTheSurvivorFillItsEmailAndAuditByIdsOnly() {
        String preview =
                supervisor.get(mergePage(caller) + "?duplicate=" + buyer).body();
        assertThat(preview).contains("id=\"moves-orders\">1<").contains("id=\"moves-notes\">1<");

        HttpResponse<String> answer = merge(caller, buyer);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(ordersOf(caller)).isEqualTo(1);
        assertThat(ordersOf(buyer)).isZero();
        assertThat(row(caller)).containsEntry("email", email).containsEntry("phone", "080-7777-0001");
        Map<String, Object> tombstone = row(buyer);
        assertThat(tombstone.get("email")).isNull();
        assertThat(tombstone.get("phone")).isNull();
        assertThat(((Number) tombstone.get("merged_into")).longValue()).isEqualTo(caller);
        String audit = jdbc.sql(
                        "select details::text from audit_log where action = 'customer.merged' and target_id = :id")
                .param("id", Long.toString(caller))
                .query(String.class)
                .single();
        assertThat(audit).contains(Long.toString(buyer)).doesNotContain(email).doesNotContain("鈴木");
        String timeline = supervisor.get("/console/customers/" + caller).body();
        assertThat(timeline).contains(orderNumber).contains("夕方の電話を希望").contains("#" + buyer);
    }

    @Test
    void shouldRefuseItselfAnotherStorefrontsCustomerAndAMergedOneWithAReason() {
        long stranger = newPhoneOnlyCustomer(
                "他店 太郎",
                "080-7777-0002",
                TestStorefronts.create(storefronts).id().value());

        HttpResponse<String> itself = merge(caller, caller);
        HttpResponse<String> acrossStorefronts = merge(caller, stranger);
        assertThat(merge(caller, buyer).statusCode()).isEqualTo(302);
        HttpResponse<String> mergedAlready = merge(caller, buyer);

        assertThat(itself.statusCode()).isEqualTo(400);
        assertThat(itself.body()).contains("同じ顧客どうしは統合できません。");
        assertThat(acrossStorefronts.statusCode()).isEqualTo(400);
        assertThat(acrossStorefronts.body()).contains("別のストアの顧客とは統合できません。");
        assertThat(mergedAlready.statusCode()).isEqualTo(400);
        assertThat(mergedAlready.body()).contains("すでに統合済みの顧客は統合できません。");
        assertThat(supervisor.get(mergePage(caller) + "?duplicate=" + stranger).statusCode())
                .isEqualTo(400);
        assertThat(row(stranger).get("merged_into")).isNull();
    }

    @Test
    void shouldLeaveMergingToSupervisorsAndRefuseAForgedRequest() {
        ConsoleClient operator = ConsoleClient.loggedInAs(
                port, TestOperators.create(operators, passwords, Operators.Role.OPERATOR), TestOperators.PASSWORD);

        assertThat(operator.get(mergePage(caller)).statusCode()).isEqualTo(403);
        assertThat(supervisor
                        .postWithoutToken(mergePage(caller), Map.of("duplicate", Long.toString(buyer)))
                        .statusCode())
                .isEqualTo(403);
        assertThat(ordersOf(buyer)).isEqualTo(1);
    }

    @Test
    void shouldWriteNothingWhenTheMergeFailsHalfway() {
        // the audit entry is the merge's last statement: every row moved before it must be back
        jdbc.sql("""
                        create or replace function test_refuse_merge() returns trigger language plpgsql as $$
                        begin raise exception 'refused by test'; end $$
                        """).update();
        jdbc.sql("create trigger test_refuse_merge before insert on audit_log for each row"
                        + " when (new.action = 'customer.merged') execute function test_refuse_merge()")
                .update();
        try {
            assertThatThrownBy(() -> merges.merge(new CustomerId(caller), new CustomerId(buyer), "sv"))
                    .hasMessageContaining("refused by test");
        } finally {
            jdbc.sql("drop trigger test_refuse_merge on audit_log").update();
            jdbc.sql("drop function test_refuse_merge()").update();
        }

        assertThat(ordersOf(buyer)).isEqualTo(1);
        assertThat(ordersOf(caller)).isZero();
        assertThat(row(buyer)).containsEntry("email", email).containsEntry("merged_into", null);
        assertThat(row(caller).get("email")).isNull();
    }
}
