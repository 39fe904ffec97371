package com.aftercare.web.console.policies;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
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
 * The return and guarantee terms page over real HTTP: terms saved there are the ones the claim
 * rules apply; replace, delete and audit; bad input at its field, nothing saved; supervisors only.
 */
@AftercareIntegrationTest
class ProductPoliciesPageTest {

    private static final String PAGE = "/console/policies";
    private static final String PASSWORD = "policies-password-1";

    @LocalServerPort
    int port;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Orders orders;

    @Autowired
    ClaimRequests requests;

    @Autowired
    JdbcClient jdbc;

    TestStorefront shop;
    ConsoleClient supervisor;

    @BeforeEach
    void supervisorSignsIn() {
        shop = TestStorefronts.create(storefronts);
        supervisor = as(Operators.Role.SUPERVISOR);
    }

    @Test
    void shouldApplyTermsSavedHereToTheClaimRules() {
        TestOrder order =
                ClaimFixtures.delivered(new Api(port, shop.key()), "CARD", false, "2025-11-20T12:00:00+09:00");
        assertThat(returnAllowedForTheShirt(order))
                .as("a year after delivery, the statutory 8 days are long over")
                .isFalse();

        HttpResponse<String> saved = supervisor.postForm(
                PAGE,
                PAGE,
                form(Map.of(
                        "category", order.category(),
                        "returnWindowDays", "3650",
                        "customerReturnShipping", "SHOP",
                        "exchangeAllowed", "true")));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(returnAllowedForTheShirt(order)).isTrue();
        assertThat(supervisor.get(PAGE).body())
                .contains("カテゴリ " + order.category())
                .contains("3,650日間")
                .contains("送料は当店負担")
                .contains("、交換可");
        assertThat(audits("category:" + order.category())).isEqualTo(1);
    }

    @Test
    void shouldReplaceTheTermsOfASkuAndDeleteThem() {
        String sku = Events.unique("SKU");
        supervisor.postForm(PAGE, PAGE, form(Map.of("sku", sku, "returnWindowDays", "14")));
        supervisor.postForm(
                PAGE,
                PAGE,
                form(Map.of(
                        "sku", sku,
                        "guaranteePeriodDays", "30",
                        "guaranteeMinimumUseDays", "7",
                        "guaranteeOnce", "true",
                        "warrantyMonths", "12",
                        "recyclingFeeYen", "3300")));

        Map<String, Object> row = jdbc.sql("select * from product_policy where sku = :sku")
                .param("sku", sku)
                .query()
                .singleRow();
        assertThat(row.get("return_window_days")).as("replaced, not merged").isNull();
        assertThat(row.get("guarantee_period_days")).isEqualTo(30);
        assertThat(row.get("guarantee_minimum_use_days")).isEqualTo(7);
        assertThat(row.get("guarantee_return_shipping")).isEqualTo("SHOP");
        assertThat(row.get("warranty_months")).isEqualTo(12);
        assertThat(row.get("recycling_fee_yen")).isEqualTo(3300L);

        long id = (Long) row.get("id");
        assertThat(supervisor
                        .postForm(PAGE, PAGE + "/" + id + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(supervisor
                        .postForm(PAGE, PAGE + "/" + id + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(audits("sku:" + sku)).as("two saves and a delete").isEqualTo(3);
    }

    @Test
    void shouldAnswerBadInputAtItsFieldAndSaveNothing() {
        String sku = Events.unique("SKU");
        Map<String, String> cases = Map.of(
                "sku", "category=kitchen",
                "returnWindowDays", "returnWindowDays=-1",
                "guaranteeMinimumUseDays", "guaranteePeriodDays=10&guaranteeMinimumUseDays=11",
                "exchangeAllowed", "exchangeAllowed=true&finalSale=true",
                "customerReturnShipping", "customerReturnShipping=NOBODY",
                "recyclingFeeYen", "recyclingFeeYen=-5",
                "warrantyMonths", "warrantyMonths=abc");
        cases.forEach((field, change) -> {
            Map<String, String> fields = new HashMap<>(Map.of("sku", sku));
            for (String pair : change.split("&")) {
                String[] kv = pair.split("=");
                fields.put(kv[0], kv[1]);
            }
            HttpResponse<String> answer = supervisor.postForm(PAGE, PAGE, form(fields));
            assertThat(answer.statusCode()).as(field).isEqualTo(400);
            assertThat(answer.body()).as(field).contains("id=\"" + field + "-error\"");
        });
        assertThat(jdbc.sql("select count(*) from product_policy where sku = :sku")
                        .param("sku", sku)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldKeepOperatorsOutAndRefuseFormsWithoutTheirToken() {
        ConsoleClient operator = as(Operators.Role.OPERATOR);
        String sku = Events.unique("SKU");

        assertThat(operator.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(operator.postForm("/console", PAGE, form(Map.of("sku", sku))).statusCode())
                .isEqualTo(403);
        assertThat(supervisor.postWithoutToken(PAGE, form(Map.of("sku", sku))).statusCode())
                .isEqualTo(403);
        assertThat(operator.get("/console/claims").body()).doesNotContain("policies-link");
        assertThat(supervisor.get("/console/claims").body()).contains("policies-link");
    }

    private boolean returnAllowedForTheShirt(TestOrder order) {
        OrderId id = orders.find(shop.id(), new OrderNumber(order.number()))
                .orElseThrow()
                .id();
        return requests.eligibility(id, RequestType.RETURN, ReturnReason.SIZE, false).lines().stream()
                .filter(l -> l.sku().equals(order.shirt()))
                .findFirst()
                .orElseThrow()
                .eligibility()
                .allowed();
    }

    private long audits(String target) {
        return jdbc.sql("select count(*) from audit_log where target_type = 'product_policy' and target_id = :t")
                .param("t", target)
                .query(Long.class)
                .single();
    }

    /** The form as the page posts it: empty numbers, the default payers, and the given fields. */
    private static Map<String, String> form(Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(Map.of(
                "sku", "",
                "category", "",
                "returnWindowDays", "",
                "customerReturnShipping", "CUSTOMER",
                "guaranteePeriodDays", "",
                "guaranteeMinimumUseDays", "",
                "guaranteeReturnShipping", "SHOP",
                "warrantyMonths", "",
                "recyclingFeeYen", ""));
        form.putAll(fields);
        return form;
    }

    private ConsoleClient as(Operators.Role role) {
        String username = Events.unique(role.name().toLowerCase());
        operators.create(username, encoder.encode(PASSWORD), "条件 " + role, role);
        return ConsoleClient.loggedInAs(port, username, PASSWORD);
    }
}
