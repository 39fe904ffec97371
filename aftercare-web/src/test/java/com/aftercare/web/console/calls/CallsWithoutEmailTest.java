package com.aftercare.web.console.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Callers and visitors who give no email (#12 §2): logged by name and phone, found again by phone. */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class CallsWithoutEmailTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    ConsoleClient console;
    TestStorefronts.TestStorefront storefront;

    @BeforeEach
    void setUp() {
        clock.setJst("2026-11-24T09:00");
        String operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        console = ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD);
        storefront = TestStorefronts.create(storefronts);
    }

    Map<String, String> call(String phone) {
        Map<String, String> form = new HashMap<>();
        form.put("caller", "鈴木 一郎");
        form.put("customerEmail", "");
        form.put("customerName", "鈴木 一郎");
        form.put("customerPhone", phone);
        form.put("summary", "使い方の質問");
        form.put("category", "PRODUCT");
        form.put("priority", "NORMAL");
        form.put("storefront", Long.toString(storefront.id().value()));
        form.put("orderNumber", "");
        return form;
    }

    HttpResponse<String> logCall(Map<String, String> form) {
        return console.postForm("/console/calls/new", "/console/calls", form);
    }

    List<Long> customersOfTheStorefront() {
        return jdbc.sql("select id from customer where storefront_id = :s order by id")
                .param("s", storefront.id().value())
                .query(Long.class)
                .list();
    }

    @Test
    void shouldLogACallByNameAndPhoneAndFindTheSameCallerAgainByAnyWritingOfTheNumber() {
        HttpResponse<String> first = logCall(call("090-5555-0101"));
        HttpResponse<String> again = logCall(call("０９０－５５５５－０１０１"));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
        List<Long> customers = customersOfTheStorefront();
        assertThat(customers).hasSize(1);
        Map<String, Object> customer = jdbc.sql(
                        "select email, phone_normalized, (select count(*) from inquiry i where i.customer_id = c.id) as inquiries"
                                + " from customer c where id = :id")
                .param("id", customers.get(0))
                .query()
                .singleRow();
        assertThat(customer.get("email")).isNull();
        assertThat(customer.get("phone_normalized")).isEqualTo("09055550101");
        assertThat(((Number) customer.get("inquiries")).longValue()).isEqualTo(2);
        String inquiryPage = console.get(
                        URI.create(first.headers().firstValue("Location").orElseThrow())
                                .getPath())
                .body();
        assertThat(inquiryPage).contains("id=\"no-email\"").contains("メールで届きません");
        String customerPage =
                console.get("/console/customers/" + customers.get(0)).body();
        assertThat(customerPage).contains("メールアドレスなし");
    }

    @Test
    void shouldRefuseACallWithNeitherEmailNorPhoneAndWriteNothing() {
        HttpResponse<String> answer = logCall(call(""));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body())
                .contains("customerEmail-error")
                .contains("customerPhone-error")
                .contains("メールアドレスか電話番号のどちらかを入力してください。");
        assertThat(customersOfTheStorefront()).isEmpty();
    }

    @Test
    void shouldRefuseAPhoneOnlyCallerWithoutAStorefrontOrWithAGarbledNumber() {
        Map<String, String> noStorefront = call("090-5555-0102");
        noStorefront.put("storefront", "");

        HttpResponse<String> withoutStorefront = logCall(noStorefront);
        HttpResponse<String> garbled = logCall(call("電話番号なし"));

        assertThat(withoutStorefront.statusCode()).isEqualTo(400);
        assertThat(withoutStorefront.body()).contains("storefront-error");
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("customerPhone-error");
        assertThat(customersOfTheStorefront()).isEmpty();
    }
}
