package com.aftercare.web.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.Claims;
import com.aftercare.returns.FraudSignal;
import com.aftercare.returns.rules.ClaimRules;
import com.aftercare.returns.rules.RuleAction;
import com.aftercare.returns.rules.RuleDrafts;
import com.aftercare.returns.rules.RuleDryRun;
import com.aftercare.returns.signals.ClaimSignals;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Automatic approval rules end to end over the real port and database: a matching return opened
 * through the API is approved with no operator (history under the rule, the APPROVED step's
 * effects), a storefront's rules never touch another's claims, a rule rejects with its reason, a
 * signal holds, and the dry run lists each decision against what was done.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ClaimRulesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    ClaimRules rules;

    @Autowired
    RuleDryRun dryRun;

    @Autowired
    Claims claims;

    @Autowired
    ClaimSignals signals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    TestStorefront shop;
    Api api;

    @BeforeEach
    void setUp() {
        clock.setJst("2025-11-25T10:00");
        shop = TestStorefronts.create(storefronts);
        api = new Api(port, shop.key());
    }

    @Test
    void shouldApproveAMatchingReturnWithNoOperator() {
        rules.add(shop.id(), RuleDrafts.approveSmallReturns(), "supervisor-1");
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");

        Api.Answer opened = ClaimFixtures.openReturn(api, order, order.shirt(), 1);

        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().get("status").asString()).isEqualTo("APPROVED");
        String rma = opened.json().get("rma").asString();
        var claim = claims.byRma(rma).orElseThrow();
        assertThat(claim.history())
                .extracting(s -> s.to() + " " + s.actor())
                .containsExactly("REQUESTED customer", "APPROVED rule:小額の返品は自動承認");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'claim.rule-decided' and target_id = :r")
                        .param("r", rma)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbound_mail where dedup_key = :k")
                        .param("k", "claim:" + rma + ":APPROVED")
                        .query(Long.class)
                        .single())
                .as("the approval mail, as for an operator's approval")
                .isEqualTo(1);

        RuleDryRun.Report report = dryRun.run(shop.id());
        assertThat(report.claims()).isEqualTo(1);
        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.rma()).isEqualTo(rma);
            assertThat(row.action()).isEqualTo(RuleAction.APPROVE);
            assertThat(row.actual()).isEqualTo(ClaimStatus.APPROVED);
            assertThat(row.actualByRule()).isTrue();
            assertThat(row.verdict()).isEqualTo(RuleDryRun.Verdict.SAME);
        });
    }

    @Test
    void shouldLeaveClaimsOverTheAmountAndOtherStorefrontsClaimsToAnOperator() {
        rules.add(shop.id(), RuleDrafts.approveSmallReturns(), "supervisor-1");
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        TestStorefront other = TestStorefronts.create(storefronts);
        Api otherApi = new Api(port, other.key());
        TestOrder elsewhere = ClaimFixtures.delivered(otherApi, "CARD", false, "2025-11-21T11:00:00+09:00");

        assertThat(ClaimFixtures.openReturn(api, order, order.shirt(), 2)
                        .json()
                        .get("status")
                        .asString())
                .as("¥3,600 is within ¥5,000")
                .isEqualTo("APPROVED");
        assertThat(ClaimFixtures.openReturn(otherApi, elsewhere, elsewhere.shirt(), 1)
                        .json()
                        .get("status")
                        .asString())
                .as("the other storefront has no rules: as today")
                .isEqualTo("REQUESTED");
        assertThat(rules.of(other.id())).isEmpty();
        long id = rules.of(shop.id()).get(0).id();
        assertThatThrownBy(() -> rules.remove(other.id(), id, "supervisor-2")).isInstanceOf(NotFound.class);
        assertThat(rules.of(shop.id())).hasSize(1);
        assertThat(dryRun.run(other.id()).rows()).singleElement().satisfies(row -> {
            assertThat(row.rule()).isNull();
            assertThat(row.verdict()).isEqualTo(RuleDryRun.Verdict.TO_OPERATOR);
        });
    }

    @Test
    void shouldRejectWithTheRulesReasonAndHoldAFlaggedCustomersClaim() {
        rules.add(shop.id(), RuleDrafts.holdOnSignal(), "supervisor-1");
        rules.add(shop.id(), RuleDrafts.rejectCashOnDelivery(), "supervisor-1");
        TestOrder cod = ClaimFixtures.delivered(api, "COD", false, "2025-11-21T11:00:00+09:00");

        String rejected = ClaimFixtures.openReturn(api, cod, cod.shirt(), 1)
                .json()
                .get("rma")
                .asString();
        var claim = claims.byRma(rejected).orElseThrow();
        assertThat(claim.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(claim.rejectionReason()).isEqualTo("代金引換のご注文は返品をお受けできません。");

        signals.flag(claim.customer(), "同じ住所から繰り返し返品", "supervisor-1");
        // every fixture order ships to the same address: the flag would raise a signal on other
        // tests' claims, so it comes off whatever the assertions say
        try {
            var heldClaim = claims.byRma(ClaimFixtures.openReturn(api, cod, cod.mug(), 1)
                            .json()
                            .get("rma")
                            .asString())
                    .orElseThrow();
            assertThat(signals.of(heldClaim.id().value()))
                    .extracting(f -> f.signal())
                    .contains(FraudSignal.FLAGGED_CUSTOMER);
            assertThat(heldClaim.status())
                    .as("a signal holds; it never rejects")
                    .isEqualTo(ClaimStatus.REQUESTED);
        } finally {
            signals.unflag(claim.customer(), "supervisor-1");
            jdbc.sql("delete from claim_contact where customer_id = :c")
                    .param("c", claim.customer().value())
                    .update();
        }
    }
}
