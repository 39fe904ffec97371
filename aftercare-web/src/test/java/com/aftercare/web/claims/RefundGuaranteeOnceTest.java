package com.aftercare.web.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestStorefronts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The refund guarantee's "once per customer and product" under requests at the same moment, over
 * a real port on real PostgreSQL: the same customer bought the same guaranteed mug in two orders
 * and asks for the guarantee on both at once, from two API calls (two tabs of a storefront's own
 * page) and from the portal and the API together. Two threads are released by one barrier, with
 * everything but the request itself (the portal's CSRF token, the signed link) prepared before;
 * several rounds, so an interleaving that let both through would show. Whatever the interleaving,
 * exactly one claim is opened and the other request is refused with the rule.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class RefundGuaranteeOnceTest {

    static final String DELIVERED = "2025-11-21T11:00:00+09:00";
    static final int ROUNDS = 4;

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    PortalOrderLinks links;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        clock.setJst("2025-11-25T10:00");
        api = new Api(port, TestStorefronts.create(storefronts).key());
    }

    @Test
    void shouldOpenExactlyOneGuaranteeClaimWhenTwoApiRequestsForTheSameProductArriveTogether() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            TestOrder first = orderWithGuaranteedMug();
            TestOrder second = ClaimFixtures.again(api, first, DELIVERED);

            List<Integer> statuses = together(() -> viaApi(first), () -> viaApi(second));

            assertThat(statuses).containsExactlyInAnyOrder(201, 422);
            assertThat(guaranteeClaims(first)).as("round " + round).isEqualTo(1);
        }
    }

    @Test
    void shouldOpenExactlyOneGuaranteeClaimWhenThePortalAndTheApiAskTogether() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            TestOrder first = orderWithGuaranteedMug();
            TestOrder second = ClaimFixtures.again(api, first, DELIVERED);
            ConsoleClient customer = new ConsoleClient(port);
            String csrf = customer.csrfTokenOf("/portal");
            String path = "/portal/claims?type=REFUND_GUARANTEE&token="
                    + URLEncoder.encode(
                            links.tokenFor(orderId(first), PortalOrderLinks.LOOKUP_VALIDITY), StandardCharsets.UTF_8);

            List<Integer> statuses = together(
                    () -> customer.postMultipartWithToken(csrf, path, Map.of("quantity[2]", "1"), List.of())
                            .statusCode(),
                    () -> viaApi(second));

            // the portal answers a refusal on its form (400) and a success with a redirect (302)
            assertThat(statuses).as("round " + round).containsAnyOf(302, 201);
            assertThat(statuses).as("round " + round).containsAnyOf(400, 422);
            assertThat(guaranteeClaims(first)).as("round " + round).isEqualTo(1);
        }
    }

    @Test
    void shouldStillRefuseASecondGuaranteeRequestThatComesLater() {
        TestOrder first = orderWithGuaranteedMug();
        TestOrder second = ClaimFixtures.again(api, first, DELIVERED);

        assertThat(viaApi(first)).isEqualTo(201);
        Api.Answer later = api.postJson("/api/v1/returns", guaranteeRequest(second));

        assertThat(later.status()).as(later.body()).isEqualTo(422);
        assertThat(later.json().get("rule").asString()).isEqualTo("eligibility.guaranteeUsed");
        assertThat(guaranteeClaims(first)).isEqualTo(1);
    }

    /** A delivered order whose mug carries a refund guarantee usable once per customer and product. */
    private TestOrder orderWithGuaranteedMug() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        ClaimFixtures.policy(
                jdbc,
                order.mug(),
                "guarantee_period_days, guarantee_minimum_use_days, guarantee_survey_required, guarantee_once,"
                        + " guarantee_return_shipping",
                "30, 0, false, true, 'SHOP'");
        return order;
    }

    private int viaApi(TestOrder order) {
        return api.postJson("/api/v1/returns", guaranteeRequest(order)).status();
    }

    private static String guaranteeRequest(TestOrder order) {
        return """
                {"orderNumber": "%s", "type": "REFUND_GUARANTEE", "reason": "NOT_AS_EXPECTED",
                 "lines": [{"sku": "%s", "quantity": 1}]}""".formatted(order.number(), order.mug());
    }

    /** Runs both requests on their own threads, released at the same moment; their statuses in order. */
    private static List<Integer> together(Callable<Integer> one, Callable<Integer> other) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = threads.submit(() -> {
                start.await();
                return one.call();
            });
            Future<Integer> b = threads.submit(() -> {
                start.await();
                return other.call();
            });
            return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }

    private long guaranteeClaims(TestOrder order) {
        return jdbc.sql("""
                        select count(*) from claim c join claim_line l on l.claim_id = c.id
                          join customer u on u.id = c.customer_id
                         where u.email_normalized = :email and l.sku = :sku and c.type = 'REFUND_GUARANTEE'
                        """)
                .param("email", order.email())
                .param("sku", order.mug())
                .query(Long.class)
                .single();
    }

    private OrderId orderId(TestOrder order) {
        return new OrderId(jdbc.sql("select id from customer_order where order_number = :n")
                .param("n", order.number())
                .query(Long.class)
                .single());
    }
}
