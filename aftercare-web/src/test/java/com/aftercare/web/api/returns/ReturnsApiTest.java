package com.aftercare.web.api.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimRefunds;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/returns} and {@code GET /api/v1/returns/{rma}} over real HTTP: a request
 * carried to its refund with the mails received, every bad input answered with a problem naming
 * the field and nothing written, storefront isolation and idempotent retries. Today is
 * 25 November 2025 (JST); orders were delivered on the 21st.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ReturnsApiTest {

    static final String DELIVERED = "2025-11-21T11:00:00+09:00";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    ClaimWorkflow workflow;

    @Autowired
    ClaimRefunds refunds;

    @Autowired
    Operators operators;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    TestStorefront storefront;
    Api api;
    TestOrder order;

    @BeforeEach
    void setUp() {
        clock.setJst("2025-11-25T10:00");
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
    }

    String body(String sku, int quantity) {
        return """
                {"orderNumber": "%s", "type": "RETURN", "reason": "SIZE",
                 "lines": [{"sku": "%s", "quantity": %d}], "note": "サイズが合いませんでした"}""".formatted(order.number(), sku, quantity);
    }

    Api.Answer post(String json, String... headers) {
        return api.postJson("/api/v1/returns", json, headers);
    }

    @Test
    void shouldOpenAReturnAndFollowItToTheRefund() {
        Api.Answer created = post(body(order.shirt(), 2));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String rma = created.json().get("rma").asString();
        assertThat(rma).matches("RMA-2025-\\d{6,}");
        assertThat(created.json().get("status").asString()).isEqualTo("REQUESTED");

        String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(operator, "{noop}x", "担当", Operators.Role.OPERATOR);
        workflow.approve(rma, operator, null);
        workflow.awaitItem(rma, operator);
        workflow.receive(rma, operator);
        workflow.inspect(rma, operator, null, false);
        refunds.refund(new ClaimRefunds.Refund(rma, operator, ClaimRefunds.RefundKind.FULL, 0, 600, null));

        JsonNode claim = api.get("/api/v1/returns/" + rma).json();
        assertThat(claim.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(claim.get("refundYen").asLong()).isEqualTo(3000);
        assertThat(claim.get("refundRoute").asString()).isEqualTo("TO_PAYMENT");
        assertThat(claim.get("eligibleUntil").asString()).isEqualTo("2025-11-28");
        assertThat(claim.get("returnShipping").asString()).isEqualTo("CUSTOMER");
        assertThat(claim.get("history").valueStream().map(s -> s.get("status").asString()))
                .containsExactly("REQUESTED", "APPROVED", "AWAITING_ITEM", "RECEIVED", "INSPECTED", "REFUNDED");
        assertThat(claim.toString()).doesNotContain(operator);
        dispatcher.dispatchDue();
        assertThat(TestMailServer.subjectsTo(order.email()))
                .filteredOn(s -> s.contains(rma))
                .hasSize(6);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown type             | "type": "RETURN"          | "type": "REFUND"           | 400 | type                | must be one of RETURN, EXCHANGE
            missing type             | "type": "RETURN",         | ''                         | 400 | type                | must not be blank
            unknown reason           | "reason": "SIZE"          | "reason": "BORED"          | 400 | reason              | must be one of SIZE
            unknown sku              | "sku": "SHIRT"            | "sku": "NOPE-1"            | 400 | lines[0].sku        | is not a line of this order
            quantity over bought     | "quantity": 1             | "quantity": 3              | 400 | lines[0].quantity   | at most 2 can be claimed
            zero quantity            | "quantity": 1             | "quantity": 0              | 400 | lines[0].quantity   | must be at least 1
            quantity as text         | "quantity": 1             | "quantity": "1"            | 400 | lines[0].quantity   | must be a whole number
            no lines                 | [{"sku": "SHIRT", "quantity": 1}] | []                 | 400 | lines               | must not be empty
            missing order number     | "orderNumber": "NUMBER",  | ''                         | 400 | orderNumber         | must not be blank
            unknown settlement       | "note":                   | "settlement": "CASH", "note": | 400 | settlement       | must be one of REFUND, STORE_CREDIT
            exchange sku on a return | "quantity": 1             | "quantity": 1, "exchangeSku": "X" | 400 | lines[0].exchangeSku | is only for exchanges
            """)
    void shouldAnswerEveryBadInputWithAProblemNamingTheFieldAndWriteNothing(
            String name, String from, String to, int status, String field, String reason) {
        String valid = body("SHIRT", 1).replace("\"SHIRT\"", "\"" + order.shirt() + "\"");
        String json = valid.replace(from.replace("SHIRT", order.shirt()).replace("NUMBER", order.number()), to);
        assertThat(json).as("the case must change the body").isNotEqualTo(valid);

        Api.Answer answer = post(json);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("errors").valueStream()).anySatisfy(e -> {
            assertThat(e.get("field").asString()).isEqualTo(field);
            assertThat(e.get("reason").asString()).contains(reason);
        });
        assertThat(claimsOfStorefront()).isZero();
    }

    @Test
    void shouldRefuseCancelledAndUndeliveredOrdersAsNotEligible() {
        TestOrder cancelled = ClaimFixtures.placed(api, "CARD", false);
        ClaimFixtures.progress(api, cancelled, "order.cancelled", "2025-11-19T09:00:00+09:00");
        TestOrder undelivered = ClaimFixtures.placed(api, "CARD", false);

        for (TestOrder o : new TestOrder[] {cancelled, undelivered}) {
            Api.Answer answer = post("""
                    {"orderNumber": "%s", "type": "RETURN", "reason": "DEFECTIVE", "lines": [{"sku": "%s", "quantity": 1}]}""".formatted(o.number(), o.mug()));
            assertThat(answer.status()).as(answer.body()).isEqualTo(422);
            assertThat(answer.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("orderNumber");
        }
        assertThat(post("""
                        {"orderNumber": "%s", "type": "RETURN", "reason": "DEFECTIVE", "lines": [{"sku": "%s", "quantity": 1}]}""".formatted(cancelled.number(), cancelled.mug()))
                        .json()
                        .get("rule")
                        .asString())
                .isEqualTo("eligibility.orderCancelled");
        assertThat(claimsOfStorefront()).isZero();
    }

    @Test
    void shouldRefuseAReturnAfterTheWindowWithTheRule() {
        clock.setJst("2025-11-29T00:00");

        Api.Answer answer = post(body(order.shirt(), 1));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("rule").asString()).isEqualTo("eligibility.windowPassed");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0]");
    }

    @Test
    void shouldNotLetAStorefrontReachAnotherStorefrontsOrderOrClaim() {
        Api other = new Api(port, TestStorefronts.create(storefronts).key());
        String rma = post(body(order.mug(), 1)).json().get("rma").asString();

        Api.Answer foreignOrder = other.postJson("/api/v1/returns", body(order.mug(), 1));
        Api.Answer foreignClaim = other.get("/api/v1/returns/" + rma);
        Api.Answer unknownClaim = other.get("/api/v1/returns/RMA-2025-999999999");

        assertThat(foreignOrder.status()).isEqualTo(404);
        assertThat(foreignClaim.status()).isEqualTo(404);
        assertThat(unknownClaim.status()).isEqualTo(404);
        assertThat(foreignClaim.json().get("title"))
                .isEqualTo(unknownClaim.json().get("title"));
        assertThat(new Api(port, null).get("/api/v1/returns/" + rma).status()).isEqualTo(401);
        assertThat(claimsOfStorefront()).isEqualTo(1);
    }

    @Test
    void shouldAnswerARetryWithTheSameKeyWithTheFirstClaimAndRefuseTheKeyForAnotherRequest() {
        String key = Events.unique("idem");
        Api.Answer first = post(body(order.mug(), 1), "Idempotency-Key", key);
        // the same request, keys reordered and spaced differently
        Api.Answer retry = post("""
                {"lines": [{"quantity": 1, "sku": "%s"}], "reason": "SIZE", "type": "RETURN",
                 "orderNumber": "%s", "note": "サイズが合いませんでした"}""".formatted(order.mug(), order.number()), "Idempotency-Key", key);
        Api.Answer different = post(body(order.shirt(), 1), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("duplicate").asBoolean()).isFalse();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("duplicate").asBoolean()).isTrue();
        assertThat(retry.json().get("rma")).isEqualTo(first.json().get("rma"));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.isProblem()).isTrue();
        assertThat(claimsOfStorefront()).isEqualTo(1);
    }

    @Test
    void shouldRefuseMalformedJson() {
        Api.Answer answer = post("{\"orderNumber\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    long claimsOfStorefront() {
        return jdbc.sql("select count(*) from claim where storefront_id = :storefront")
                .param("storefront", storefront.id().value())
                .query(Long.class)
                .single();
    }
}
