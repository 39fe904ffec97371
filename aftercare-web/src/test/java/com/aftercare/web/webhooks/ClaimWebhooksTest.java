package com.aftercare.web.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.domain.webhook.WebhookAllowedHosts;
import com.aftercare.domain.webhook.WebhookDispatcher;
import com.aftercare.domain.webhook.WebhookSubscriptions;
import com.aftercare.returns.ClaimChannel;
import com.aftercare.returns.ClaimRefunds;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The returns module's steps reach the storefront's webhooks: each step publishes its event in
 * its own transaction, with the claim's lines, exchange wish and refund in it, and the receiver
 * gets them signed, in order. Today is 25 November 2025 (JST); the orders were delivered on the
 * 21st.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ClaimWebhooksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    ClaimRequests requests;

    @Autowired
    ClaimWorkflow workflow;

    @Autowired
    ClaimRefunds refunds;

    @Autowired
    WebhookAllowedHosts allowedHosts;

    @Autowired
    WebhookSubscriptions subscriptions;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    Api api;
    String operator;
    TestReceiver receiver;

    @BeforeEach
    void setUp() {
        clock.setJst("2025-11-25T10:00");
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(operator, "{noop}x", "担当 " + operator, Operators.Role.OPERATOR);
        allowedHosts.add("127.0.0.1", "test");
        receiver = new TestReceiver();
        WebhookSubscriptions.Created created = subscriptions.subscribe(
                storefront.id(),
                receiver.url(),
                List.of(
                        "claim.opened",
                        "claim.approved",
                        "claim.rejected",
                        "claim.refund_recorded",
                        "claim.exchange_requested",
                        "claim.closed"),
                "test");
        receiver.secret(created.secret());
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    String open(TestOrder order, RequestType type, String sku, int quantity, String exchangeSku) {
        return requests.open(new ClaimRequests.OpenClaim(
                        storefront.id(),
                        order.number(),
                        type,
                        ReturnReason.SIZE,
                        List.of(new ClaimRequests.LineRequest(sku, quantity, exchangeSku)),
                        null,
                        null,
                        false,
                        ClaimChannel.API,
                        null,
                        null,
                        ClaimRequests.CUSTOMER))
                .rma();
    }

    List<JsonNode> delivered() {
        while (dispatcher.dispatchDue() > 0) {
            // drain
        }
        assertThat(receiver.received()).allMatch(TestReceiver.Received::signatureValid);
        return receiver.received().stream().map(r -> JSON.readTree(r.body())).toList();
    }

    @Test
    void shouldTellTheStorefrontToRefundWithTheAmountAndRoute() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        String rma = open(order, RequestType.RETURN, order.shirt(), 2, null);
        workflow.approve(rma, operator, null);
        workflow.awaitItem(rma, operator);
        workflow.receive(rma, operator);
        workflow.inspect(rma, operator, "未使用", false);
        refunds.refund(new ClaimRefunds.Refund(rma, operator, ClaimRefunds.RefundKind.FULL, 10, 0, null));
        workflow.close(rma, operator);

        List<JsonNode> got = delivered();

        assertThat(got.stream().map(j -> j.get("type").asString()))
                .containsExactly("claim.opened", "claim.approved", "claim.refund_recorded", "claim.closed");
        JsonNode refund = got.get(2).get("data").get("claim");
        assertThat(refund.get("rma").asString()).isEqualTo(rma);
        assertThat(refund.get("orderNumber").asString()).isEqualTo(order.number());
        assertThat(refund.get("lines").get(0).get("sku").asString()).isEqualTo(order.shirt());
        assertThat(refund.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(refund.get("refund").get("amountYen").asLong()).isEqualTo(3240);
        assertThat(refund.get("refund").get("route").asString()).isEqualTo("TO_PAYMENT");
        assertThat(refund.get("refund").get("paymentMethod").asString()).isEqualTo("CARD");
    }

    @Test
    void shouldAskTheStorefrontToShipTheReplacementWhenTheExchangeIsApproved() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        ClaimFixtures.policy(jdbc, order.shirt(), "exchange_allowed", "true");
        // the same variant again: a replacement needs no catalogue
        String rma = open(order, RequestType.EXCHANGE, order.shirt(), 1, order.shirt());
        workflow.approve(rma, operator, null);

        List<JsonNode> got = delivered();

        assertThat(got.stream().map(j -> j.get("type").asString()))
                .containsExactly("claim.opened", "claim.approved", "claim.exchange_requested");
        JsonNode line = got.get(2).get("data").get("claim").get("lines").get(0);
        assertThat(line.get("exchangeSku").asString()).isEqualTo(order.shirt());
    }

    @Test
    void shouldTellTheStorefrontOfARejection() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        String rma = open(order, RequestType.RETURN, order.mug(), 1, null);
        workflow.reject(rma, operator, "開封済みのため");

        List<JsonNode> got = delivered();

        assertThat(got.stream().map(j -> j.get("type").asString())).containsExactly("claim.opened", "claim.rejected");
        assertThat(got.get(1).get("data").get("claim").get("rejectionReason").asString())
                .isEqualTo("開封済みのため");
    }
}
