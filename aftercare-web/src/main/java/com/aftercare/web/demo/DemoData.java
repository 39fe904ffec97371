package com.aftercare.web.demo;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.customer.PersonalDetails;
import com.aftercare.domain.ingest.EventIngestion;
import com.aftercare.domain.ingest.StorefrontEvent;
import com.aftercare.domain.order.LineItem;
import com.aftercare.domain.order.Milestone;
import com.aftercare.domain.order.Money;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.ProductScope;
import com.aftercare.domain.order.Shipping;
import com.aftercare.domain.shared.DomainException;
import com.aftercare.domain.shared.Sha256;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimChannel;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ProductPolicyEditor;
import com.aftercare.returns.logistics.ReturnAddress;
import com.aftercare.returns.logistics.ReturnLogisticsSetup;
import com.aftercare.returns.rules.ClaimRules;
import com.aftercare.returns.rules.RuleAction;
import com.aftercare.returns.rules.SignalCondition;
import com.aftercare.stepmail.templates.ProductTips;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a demo shop with Japanese customers and orders in several states, fed through
 * the same event ingestion a storefront uses (so the thank-you mails really go out, to the
 * catcher), its product terms, and at the first start its past ninety days ({@link DemoHistory});
 * then the credentials to try it. Seeding is keyed by event id, so restarts add nothing.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String DEMO = "demo";

    private final Storefronts storefronts;
    private final EventIngestion ingestion;
    private final Clock clock;
    private final Environment environment;
    private final ClaimRequests claims;
    private final ProductPolicyEditor policies;
    private final ProductTips tips;
    private final DemoHistory history;
    private final ReturnLogisticsSetup logistics;
    private final ClaimRules rules;
    private final DemoLine line;

    DemoData(
            Storefronts storefronts,
            EventIngestion ingestion,
            Clock clock,
            Environment environment,
            ClaimRequests claims,
            ProductPolicyEditor policies,
            ProductTips tips,
            DemoHistory history,
            ReturnLogisticsSetup logistics,
            ClaimRules rules,
            DemoLine line) {
        this.line = line;
        this.logistics = logistics;
        this.rules = rules;
        this.history = history;
        this.storefronts = storefronts;
        this.ingestion = ingestion;
        this.clock = clock;
        this.environment = environment;
        this.claims = claims;
        this.policies = policies;
        this.tips = tips;
    }

    /**
     * The demo shop's approval rules (once per data directory), added after its history so the
     * told claims keep their story: the rules page and its dry run over the last 90 days have
     * something to show, and a return asked on the portal now is screened by them.
     */
    void seedRules(StorefrontId shop) {
        if (!rules.of(shop).isEmpty()) {
            return;
        }
        rules.add(
                shop,
                ClaimRules.Draft.builder()
                        .position(1)
                        .name("サイズ・色違いの返品は自動承認（1万円以下・到着から30日以内）")
                        .action(RuleAction.APPROVE.name())
                        .types(RequestType.RETURN.name())
                        .returnReasons(ReturnReason.SIZE.name(), ReturnReason.COLOR_DIFFERS.name())
                        .amountYen(null, 10_000L)
                        .daysSinceDelivery(null, 30L)
                        .claimsLast12Months(null, 2L)
                        .signal(SignalCondition.NONE.code())
                        .build(),
                DEMO);
        rules.add(
                shop,
                ClaimRules.Draft.builder()
                        .position(2)
                        .name("3万円を超える申請は担当者が確認")
                        .action(RuleAction.HOLD.name())
                        .amountYen(30_001L, null)
                        .build(),
                DEMO);
    }

    /** Where the demo shop's returns go (once per data directory): a warehouse, and a repair centre for faults. */
    private void seedReturnAddresses(StorefrontId shop) {
        if (!logistics.addresses(shop).isEmpty()) {
            return;
        }
        logistics.addAddress(
                new ReturnAddress(
                        null,
                        shop,
                        "東京倉庫",
                        "こもれび 返品係",
                        "135-0061",
                        "東京都江東区豊洲3-2-20 倉庫棟2F",
                        "03-1234-5678",
                        null,
                        null,
                        null),
                "demo");
        logistics.addAddress(
                new ReturnAddress(
                        null,
                        shop,
                        "修理センター",
                        "こもれび 修理センター",
                        "530-0001",
                        "大阪府大阪市北区梅田1-1-3",
                        "06-1234-5678",
                        null,
                        ReturnReason.DEFECTIVE,
                        null),
                "demo");
    }

    private record DemoCustomer(String email, String name, String kana, String phone) {}

    @Override
    public void run(ApplicationArguments args) {
        StorefrontId shop = storefronts.ensure("demo-shop", "こもれび 本店").id();
        Instant now = clock.instant();
        List<DemoCustomer> customers = List.of(
                new DemoCustomer("hanako.yamada@example.jp", "山田 花子", "ヤマダ ハナコ", "090-1111-2222"),
                new DemoCustomer("taro.sato@example.jp", "佐藤 太郎", "サトウ タロウ", "080-3333-4444"),
                new DemoCustomer("yuki.suzuki@example.jp", "鈴木 由紀", "スズキ ユキ", "070-5555-6666"));
        place(
                shop,
                "DEMO-1001",
                customers.get(0),
                false,
                now.minus(Duration.ofDays(10)),
                new LineItem("TS-001-M-NAVY", "オーガニックコットンTシャツ M ネイビー", "衣料品", 2, 1800),
                new LineItem("MUG-02", "有田焼マグカップ", "キッチン用品", 1, 2400));
        progress(shop, "DEMO-1001", Milestone.PAID, now.minus(Duration.ofDays(10)));
        progress(shop, "DEMO-1001", Milestone.SHIPPED, now.minus(Duration.ofDays(9)));
        progress(shop, "DEMO-1001", Milestone.DELIVERED, now.minus(Duration.ofDays(8)));
        place(
                shop,
                "DEMO-1002",
                customers.get(1),
                false,
                now.minus(Duration.ofDays(2)),
                new LineItem("KETTLE-05", "電気ケトル 1.0L ホワイト", "家電", 1, 6980));
        progress(shop, "DEMO-1002", Milestone.PAID, now.minus(Duration.ofDays(2)));
        progress(shop, "DEMO-1002", Milestone.SHIPPED, now.minus(Duration.ofDays(1)));
        place(
                shop,
                "DEMO-1003",
                customers.get(2),
                true,
                now.minus(Duration.ofHours(5)),
                new LineItem("CARE-11", "デリケートケア ジェル", "ヘルスケア", 1, 3300));
        line.connect(shop);
        seedPolicies();
        seedReturnAddresses(shop);
        openClaim(shop);
        seedTips();
        if (!history.seeded()) {
            long started = System.nanoTime();
            DemoTimeline.Replayed replayed = history.replay(shop);
            log.info(
                    "Demo history of {} days replayed in {} ms ({} steps, {} refused)",
                    DemoHistory.DAYS,
                    (System.nanoTime() - started) / 1_000_000,
                    replayed.happened(),
                    replayed.failed());
        }
        seedRules(shop);
        log.info(
                """

                ================================================================
                 Aftercare demo is running.
                   API:      http://{}:{}/api/v1  (Swagger UI: /swagger-ui.html)
                   API key:  {}   (storefront demo-shop)
                   Console:  http://{}:{}/console  user: admin  password: {}
                   Mail:     nothing leaves this machine; every mail is logged as "Caught demo mail"
                ================================================================
                """,
                host(),
                port(),
                environment.getProperty("aftercare.bootstrap.api-key"),
                host(),
                port(),
                environment.getProperty("aftercare.bootstrap.admin-password"));
    }

    /**
     * Usage tips for two demo products, as the shop would write them (the "usage tips" mail shows
     * them). Only where there are none yet: what someone wrote since stays.
     */
    void seedTips() {
        Set<ProductScope> written =
                tips.all().stream().map(ProductTips.Tip::scope).collect(Collectors.toSet());
        if (!written.contains(new ProductScope("KETTLE-05", null))) {
            tips.save("KETTLE-05", null, "湯あかが気になったら、クエン酸を溶かした水を一度沸かして捨てるとすっきりします。", DEMO);
        }
        if (!written.contains(new ProductScope(null, "衣料品"))) {
            tips.save(null, "衣料品", "最初の数回は単独で洗い、陰干しすると色と形が長持ちします。", DEMO);
        }
    }

    /**
     * After-sales terms for the demo products, written only where a SKU or category has none: a
     * policy edited since stays.
     */
    void seedPolicies() {
        Set<ProductScope> kept =
                policies.all().stream().map(ProductPolicyEditor.Entry::scope).collect(Collectors.toSet());
        List.of(
                        // apparel: 30 days, the customer pays the return, exchanges welcome
                        categoryTerms("衣料品", 30, true, null, null),
                        // appliances: the statutory window, a year's warranty, recycling pick-up
                        categoryTerms("家電", null, false, 12, 3300L),
                        // the care gel: a 30-day refund guarantee after a week's use, once, the shop pays the return
                        refundGuarantee("CARE-11", 30, 7))
                .stream()
                .filter(policy -> !kept.contains(new ProductScope(policy.sku(), policy.category())))
                .forEach(policy -> policies.save(policy, DEMO));
    }

    /** A category's terms; who pays a return for a change of mind is the customer. */
    private static ProductPolicyEditor.Draft categoryTerms(
            String category, Integer returnWindowDays, boolean exchange, Integer warrantyMonths, Long recyclingFeeYen) {
        return new ProductPolicyEditor.Draft(
                null,
                category,
                returnWindowDays,
                "CUSTOMER",
                exchange,
                false,
                null,
                null,
                false,
                false,
                null,
                warrantyMonths,
                recyclingFeeYen);
    }

    /** A SKU sold with a refund guarantee, once per customer, return shipping paid by the shop. */
    private static ProductPolicyEditor.Draft refundGuarantee(String sku, int periodDays, int minimumUseDays) {
        return new ProductPolicyEditor.Draft(
                sku, null, null, "CUSTOMER", false, false, periodDays, minimumUseDays, false, true, "SHOP", null, null);
    }

    /** One return to work in the console, keyed by its request id so a restart opens no second one. */
    private void openClaim(StorefrontId shop) {
        try {
            claims.open(new ClaimRequests.OpenClaim(
                    shop,
                    "DEMO-1001",
                    RequestType.RETURN,
                    ReturnReason.SIZE,
                    List.of(new ClaimRequests.LineRequest("TS-001-M-NAVY", 1, null)),
                    null,
                    "サイズが小さかったため返品を希望します。",
                    false,
                    ClaimChannel.PORTAL,
                    "demo-claim-1",
                    Sha256.of("demo-claim-1"),
                    ClaimRequests.CUSTOMER));
        } catch (DomainException e) {
            // A data directory from before claims existed: its order is past the window by now.
            log.info("Demo claim not opened: {}", e.getMessage());
        }
    }

    private void place(
            StorefrontId shop, String number, DemoCustomer c, boolean discreet, Instant at, LineItem... lines) {
        ingest(
                shop,
                "demo-" + number + "-placed",
                at,
                new StorefrontEvent.OrderPlaced(
                        new OrderNumber(number),
                        new StorefrontEvent.Customer(
                                EmailAddress.of(c.email()), new PersonalDetails(c.name(), c.kana(), c.phone()), null),
                        Money.JPY,
                        List.of(lines),
                        550,
                        0,
                        "CARD",
                        new Shipping(c.name(), "150-0001", "東京都", "渋谷区神宮前1-2-3", c.phone(), discreet)));
    }

    private void progress(StorefrontId shop, String number, Milestone milestone, Instant at) {
        ingest(
                shop,
                "demo-" + number + "-" + milestone.name().toLowerCase(),
                at,
                new StorefrontEvent.OrderProgressed(
                        new OrderNumber(number),
                        milestone,
                        milestone == Milestone.SHIPPED ? "yamato" : null,
                        milestone == Milestone.SHIPPED ? "4000-1234-" + number.substring(5) : null));
    }

    private void ingest(StorefrontId shop, String eventId, Instant at, StorefrontEvent.Payload payload) {
        String canonical = "demo:" + eventId;
        ingestion.ingest(
                shop,
                new StorefrontEvent(eventId, at, payload),
                Sha256.of(canonical),
                "{\"demo\":\"" + eventId + "\"}");
    }

    private String host() {
        return environment.getProperty("server.address", "localhost");
    }

    private String port() {
        return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
