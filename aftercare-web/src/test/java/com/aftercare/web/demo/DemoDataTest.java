package com.aftercare.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.ingest.EventIngestion;
import com.aftercare.domain.order.ProductScope;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ProductPolicyEditor;
import com.aftercare.returns.rules.ClaimRules;
import com.aftercare.stepmail.templates.ProductTips;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Events;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's product terms and usage tips go in through the returns and step-mail facades, once:
 * a second start adds nothing and leaves what someone edited since. Rolled back after each test,
 * so the shared database never sees the demo's policies.
 */
@AftercareIntegrationTest
@Transactional
class DemoDataTest {

    @Autowired
    Storefronts storefronts;

    @Autowired
    EventIngestion ingestion;

    @Autowired
    Clock clock;

    @Autowired
    Environment environment;

    @Autowired
    ClaimRequests claims;

    @Autowired
    ProductPolicyEditor policies;

    @Autowired
    ProductTips tips;

    @Autowired
    com.aftercare.returns.logistics.ReturnLogisticsSetup logistics;

    @Autowired
    ClaimRules rules;

    DemoData demo;

    @BeforeEach
    void demo() {
        // the history is replayed by the demo's own start (DemoShowcaseTest), not in the shared database
        demo = new DemoData(
                storefronts, ingestion, clock, environment, claims, policies, tips, null, logistics, rules, null);
    }

    @Test
    void shouldSeedTheDemoProductsTermsOnceThroughTheReturnsFacade() {
        demo.seedPolicies();
        demo.seedPolicies();

        ProductPolicyEditor.Entry appliances = policy(new ProductScope(null, "家電"));
        assertThat(appliances.policy().warrantyMonths()).isEqualTo(12);
        assertThat(appliances.policy().recyclingFeeYen()).isEqualTo(3300L);
        assertThat(appliances.policy().statesNoReturnPolicy()).isTrue();
        ProductPolicyEditor.Entry gel = policy(new ProductScope("CARE-11", null));
        assertThat(gel.policy().guarantee().periodDays()).isEqualTo(30);
        assertThat(gel.policy().guarantee().minimumUseDays()).isEqualTo(7);
        assertThat(gel.policy().guarantee().oncePerCustomerAndProduct()).isTrue();
        assertThat(policy(new ProductScope(null, "衣料品")).policy().returnWindowDays())
                .isEqualTo(30);
    }

    @Test
    void shouldSeedUsageTipsOnceAndKeepWhatWasEditedSince() {
        ProductScope kettle = new ProductScope("KETTLE-05", null);
        demo.seedTips();
        assertThat(tip(kettle).tips()).startsWith("湯あかが気になったら");
        assertThat(tip(kettle).updatedBy()).isEqualTo("demo");

        tips.save("KETTLE-05", null, "店長のおすすめ: 毎朝すすぐだけで十分です。", "shop");
        demo.seedTips();

        assertThat(tip(kettle).tips()).isEqualTo("店長のおすすめ: 毎朝すすぐだけで十分です。");
        assertThat(tips.all())
                .filteredOn(t -> t.scope().equals(new ProductScope(null, "衣料品")))
                .hasSize(1);
    }

    @Test
    void shouldSeedTheApprovalRulesOnceAndNotBringBackOneTheShopRemoved() {
        StorefrontId shop =
                storefronts.ensure(Events.unique("demo-rules"), "ルールの店").id();

        demo.seedRules(shop);
        demo.seedRules(shop);

        assertThat(rules.of(shop))
                .extracting(rule -> rule.position() + " " + rule.action() + " "
                        + rule.when().signal().code())
                .containsExactly("1 APPROVE NONE", "2 HOLD ANY");
        assertThat(rules.of(shop).get(0).when().amountYen().max()).isEqualTo(10_000L);

        // a demo rule the shop removed stays removed at the next start
        rules.remove(shop, rules.of(shop).get(0).id(), "shop");
        demo.seedRules(shop);
        assertThat(rules.of(shop)).extracting(rule -> rule.action().name()).containsExactly("HOLD");
    }

    private ProductPolicyEditor.Entry policy(ProductScope scope) {
        List<ProductPolicyEditor.Entry> entries =
                policies.all().stream().filter(e -> e.scope().equals(scope)).toList();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private ProductTips.Tip tip(ProductScope scope) {
        List<ProductTips.Tip> entries =
                tips.all().stream().filter(t -> t.scope().equals(scope)).toList();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
