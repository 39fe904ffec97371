package com.aftercare.web.console.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.Claims;
import com.aftercare.returns.signals.ClaimSignals;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Fraud signals on a claim's page over a real port: a supervisor flags the customer (a reason
 * required, the page's CSRF token required, audited), the claim then says why in Japanese and is
 * found under the queue's "needs attention" filter; an operator sees the signal but may not flag;
 * the flag comes off again, audited.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ClaimSignalsConsoleHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Claims claims;

    @Autowired
    ClaimSignals signals;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void shouldFlagTheCustomerFromTheClaimAndShowWhyToOperators() {
        clock.setJst("2025-11-25T10:00");
        Api api = new Api(port, TestStorefronts.create(storefronts).key());
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        String rma = ClaimFixtures.openReturn(api, order, order.shirt(), 1)
                .json()
                .get("rma")
                .asString();
        var customer = claims.byRma(rma).orElseThrow().customer();
        String page = "/console/claims/" + rma;
        String flagPath = page + "/customer-flag";
        String supervisorName = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);
        ConsoleClient supervisor = ConsoleClient.loggedInAs(port, supervisorName, TestOperators.PASSWORD);
        ConsoleClient operator = ConsoleClient.loggedInAs(
                port, TestOperators.create(operators, passwords, Operators.Role.OPERATOR), TestOperators.PASSWORD);
        String attention = "/console/claims?status=attention&q=" + rma;

        assertThat(supervisor.get(page).body()).contains("不正の兆候はありません。").contains("id=\"flag-form\"");
        assertThat(supervisor.get(attention).body()).doesNotContain("id=\"claim-" + rma + "\"");
        HttpResponse<String> blank = supervisor.postForm(page, flagPath, Map.of("reason", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"flag-reason-error\"").contains("理由を");
        assertThat(supervisor.postWithoutToken(flagPath, Map.of("reason", "偽造")).statusCode())
                .isEqualTo(403);
        assertThat(operator.get(page).body()).doesNotContain("id=\"flag-form\"");
        assertThat(operator.postForm(page, flagPath, Map.of("reason", "オペレーターから"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(signals.flagOf(customer)).isEmpty();

        try {
            assertThat(supervisor
                            .postForm(page, flagPath, Map.of("reason", "同じ住所から繰り返し返品"))
                            .statusCode())
                    .isEqualTo(302);

            assertThat(operator.get(page).body())
                    .contains("オペレーターが要注意にしたお客様です。理由：同じ住所から繰り返し返品")
                    .contains("このお客様は要注意です。理由：同じ住所から繰り返し返品")
                    .doesNotContain("id=\"unflag-form\"");
            assertThat(operator.get(attention).body())
                    .contains("id=\"claim-" + rma + "\"")
                    .contains("要確認");
            assertThat(supervisor.postForm(page, flagPath + "/delete", Map.of()).statusCode())
                    .isEqualTo(302);
            assertThat(supervisor.get(page).body()).doesNotContain("オペレーターが要注意にしたお客様です");
            assertThat(jdbc.sql(
                                    "select action from audit_log where actor = :a and target_type = 'customer' order by id")
                            .param("a", supervisorName)
                            .query(String.class)
                            .list())
                    .containsExactly("customer.flagged", "customer.unflagged");
        } finally {
            // every fixture order ships to the same address: a flag left behind would raise a
            // signal on other tests' claims
            signals.unflag(customer, "test");
            jdbc.sql("delete from claim_contact where customer_id = :c")
                    .param("c", customer.value())
                    .update();
        }
    }
}
