package com.aftercare.web.demo;

import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.CouponPurpose;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.Discount;
import com.aftercare.domain.coupon.NewCampaign;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.ingest.EventIngestion;
import com.aftercare.domain.mail.MailDeliveries;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.SignedTokens;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.CallsAndVisits;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.FaqArticles;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.PhoneHours;
import com.aftercare.inquiry.SatisfactionSurvey;
import com.aftercare.returns.ClaimRefunds;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.stepmail.newsletter.NewsletterDraft;
import com.aftercare.stepmail.newsletter.NewsletterSender;
import com.aftercare.stepmail.newsletter.Newsletters;
import com.aftercare.stepmail.newsletter.Segment;
import com.aftercare.stepmail.scenario.StepMailScheduler;
import com.aftercare.web.console.figures.FiguresRefresh;
import com.aftercare.web.demo.DemoOrders.PlannedOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Ninety days of a believable shop, replayed at the first demo start through the services a
 * storefront, a customer and an operator use (never SQL): a few hundred orders over two
 * storefronts, inquiries on every channel (LINE too, {@link DemoLine}) and in every state, claims
 * of every type and status, step mails sent and still to come, a newsletter with coupons (some
 * used), FAQ articles. The same every time (a fixed random seed), relative to the day it runs.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
        name = "aftercare.demo.enabled",
        havingValue = "true")
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    static final long SEED = 14;
    static final int DAYS = 90;
    static final int ORDERS = 320;
    static final int INQUIRIES = 90;
    static final String MALL = "demo-rakuten";
    /** The newsletter coupon's minimum spend, before its discount (the coupon terms' rule). */
    static final long COUPON_MINIMUM_SPEND_YEN = 3000;

    private static final String SUPERVISOR = "ito.saori";
    private static final List<String> OPERATORS = List.of("sato.miho", "kimura.kenichi", SUPERVISOR);

    private final DemoClock clock;
    private final Storefronts storefronts;
    private final Operators operators;
    private final PasswordEncoder passwords;
    private final FaqArticles faq;
    private final Coupons coupons;
    private final Newsletters newsletters;
    private final NewsletterSender newsletterSender;
    private final StepMailScheduler stepMail;
    private final MailDeliveries mail;
    private final FiguresRefresh figures;
    private final ZoneId zone;
    private final DemoOrders orders;
    private final DemoDesk desk;
    private final DemoClaims claims;
    private final DemoLine line;

    DemoHistory(
            DemoClock clock,
            Storefronts storefronts,
            Operators operators,
            PasswordEncoder passwords,
            EventIngestion ingestion,
            Customers customers,
            Coupons coupons,
            Inquiries inquiries,
            CallsAndVisits calls,
            PhoneHours phoneHours,
            SatisfactionSurvey survey,
            SignedTokens tokens,
            FaqArticles faq,
            ClaimRequests claimRequests,
            ClaimWorkflow claimWorkflow,
            ClaimRefunds claimRefunds,
            Newsletters newsletters,
            NewsletterSender newsletterSender,
            StepMailScheduler stepMail,
            MailDeliveries mail,
            FiguresRefresh figures,
            ShopProperties shop,
            DemoLine line) {
        this.clock = clock;
        this.storefronts = storefronts;
        this.operators = operators;
        this.passwords = passwords;
        this.faq = faq;
        this.coupons = coupons;
        this.newsletters = newsletters;
        this.newsletterSender = newsletterSender;
        this.stepMail = stepMail;
        this.mail = mail;
        this.figures = figures;
        this.zone = shop.zone();
        this.orders = new DemoOrders(ingestion, customers, coupons, clock);
        this.desk = new DemoDesk(inquiries, calls, survey, tokens, phoneHours, zone, clock);
        this.line = line;
        this.claims = new DemoClaims(claimRequests, claimWorkflow, claimRefunds);
    }

    /** Whether the history is there already (it is replayed once per data directory). */
    boolean seeded() {
        return storefronts.all().stream().anyMatch(s -> s.code().equals(MALL));
    }

    /**
     * Replays the history into {@code main} (the bootstrap storefront) and a mall storefront.
     *
     * @return what was replayed, and how many steps the services refused (each is logged)
     */
    DemoTimeline.Replayed replay(StorefrontId main) {
        Instant now = clock.instant();
        Random random = new Random(SEED);
        StorefrontId mall = storefronts.ensure(MALL, "こもれび 楽天市場店").id();
        for (String username : OPERATORS) {
            // the demo's colleagues do the work; nobody signs in as them (their password is random)
            operators.ensure(
                    username,
                    passwords.encode(UUID.randomUUID().toString()),
                    displayName(username),
                    username.equals(SUPERVISOR) ? Operators.Role.SUPERVISOR : Operators.Role.OPERATOR);
        }
        List<DemoShop.Person> people = DemoShop.customers(random, 140);
        List<PlannedOrder> planned =
                orders.plan(random, people, List.of(main, mall), List.of("DEMO-", "RK-"), ORDERS, DAYS, now, zone);
        DemoTimeline timeline = new DemoTimeline();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant start = today.minusDays(DAYS + 1).atTime(9, 0).atZone(zone).toInstant();
        timeline.at(start, "FAQ written", this::writeFaq);
        orders.replay(timeline, planned, random);
        newsletterWithCoupons(timeline, planned, random, today, now);
        bounces(timeline, planned, today);
        // the admin, who signs in to the demo, has work of their own too
        desk.plan(
                timeline, random, planned, List.of("sato.miho", "kimura.kenichi", SUPERVISOR, "admin"), INQUIRIES, now);
        claims.plan(timeline, random, planned, OPERATORS, now);
        line.plan(timeline, main, planned, now);
        for (int day = DAYS; day >= 0; day--) {
            // the schedulers' rounds, as they run every few seconds in a live shop
            for (int hour : new int[] {10, 15, 20}) {
                timeline.at(today.minusDays(day).atTime(hour, 5).atZone(zone).toInstant(), "step-mail round", () -> {
                    stepMail.runDue();
                    newsletterSender.runDue();
                });
            }
        }
        DemoTimeline.Replayed replayed = timeline.replay(clock, now, this::sendQueuedMail);
        stepMail.runDue();
        newsletterSender.runDue();
        // the business figures read a view refreshed every few minutes; the demo shows it at once
        figures.refresh();
        log.info("Demo history: {} things happened, {} refused", replayed.happened(), replayed.failed());
        return replayed;
    }

    /**
     * Sends what the moment's happening queued, while the clock still says that moment: the mails of
     * the past then carry the time they were due, as a customer's timeline shows them. Left to the
     * background dispatcher, a mail leaves a second of real time after it was queued, which is a
     * day or two later by the replaying clock.
     */
    private void sendQueuedMail() {
        mail.sendDueNow();
    }

    /**
     * Two customers whose mailboxes stopped working, as a shop of this size sees every month: one
     * refused by the receiving server at delivery (550 5.1.1), one reported by a delivery report that
     * came back by mail. Their waiting step mails are cancelled, and the bouncing addresses page has
     * something to clear.
     */
    private void bounces(DemoTimeline timeline, List<PlannedOrder> planned, LocalDate today) {
        String refused = planned.get(planned.size() / 3).customer().email();
        String reported = planned.get(planned.size() / 2).customer().email();
        timeline.at(
                today.minusDays(12).atTime(10, 20).atZone(zone).toInstant(),
                "mailbox " + refused + " refused",
                () -> mail.recordHardBounce(
                        refused,
                        "550 5.1.1 <" + refused
                                + ">: Recipient address rejected: User unknown in virtual mailbox table",
                        "smtp"));
        timeline.at(
                today.minusDays(5).atTime(15, 40).atZone(zone).toInstant(),
                "mailbox " + reported + " reported failed",
                () -> mail.recordHardBounce(
                        reported, "5.2.1 The email account that you tried to reach is disabled", "dsn"));
    }

    /**
     * A newsletter three weeks ago with a 10% coupon for each recipient, some of whom used it on
     * their next order; and the next newsletter, scheduled for tomorrow morning.
     */
    private void newsletterWithCoupons(
            DemoTimeline timeline, List<PlannedOrder> planned, Random random, LocalDate today, Instant now) {
        LocalDateTime sendAt = today.minusDays(21).atTime(10, 0);
        Instant composed = sendAt.minusDays(1).atZone(zone).toInstant();
        CampaignId[] campaign = {null};
        timeline.at(composed, "newsletter composed", () -> {
            campaign[0] = coupons.createCampaign(
                    new NewCampaign(
                            "メルマガ読者限定 10%OFF",
                            CouponPurpose.PROMOTION,
                            Discount.percent(10),
                            COUPON_MINIMUM_SPEND_YEN,
                            null,
                            30,
                            true,
                            null),
                    SUPERVISOR);
            newsletters.schedule(
                    new NewsletterDraft(
                            "【こもれび】秋冬の新作と読者限定クーポンのお知らせ",
                            NEWSLETTER_BODY,
                            "ja",
                            new Segment(null, null, null),
                            campaign[0]),
                    sendAt,
                    SUPERVISOR);
        });
        Instant sent = sendAt.atZone(zone).toInstant();
        planned.stream()
                .filter(o -> o.placed().isAfter(sent.plus(Duration.ofHours(12)))
                        && o.customer().newsletter())
                .filter(o -> random.nextInt(10) < 5)
                // the coupon's terms hold on the demo's orders too: a smaller one would be refused
                // (after the draw, so the rest of the seeded history stays as it was)
                .filter(o -> o.totalYen() >= COUPON_MINIMUM_SPEND_YEN)
                .forEach(o -> timeline.at(
                        o.placed().plusSeconds(10),
                        "coupon used on " + o.number(),
                        () -> orders.redeemCoupon(o, campaign[0])));
        timeline.at(
                now.minus(Duration.ofHours(1)),
                "next newsletter scheduled",
                () -> newsletters.schedule(
                        new NewsletterDraft(
                                "【こもれび】年末年始の営業と配送のお知らせ", NEXT_NEWSLETTER_BODY, "ja", new Segment(null, null, 90), null),
                        today.plusDays(1).atTime(10, 0),
                        SUPERVISOR));
    }

    private static final String NEWSLETTER_BODY = """
            [(${customerName})] 様

            いつもこもれびをご利用いただきありがとうございます。
            秋冬の新作、リネンシャツと土鍋炊飯器が入荷しました。

            メルマガ読者さま限定で、次のお買い物に使える10%OFFクーポンをお届けします。
            クーポンコード：[(${coupon.code})]（[(${coupon.expiresAt})]まで）

            配信停止：[(${unsubscribeUrl})]
            送信者：[(${shopName})] [(${shopAddress})]
            """;

    private static final String NEXT_NEWSLETTER_BODY = """
            [(${customerName})] 様

            年末年始は12月29日から1月3日までお休みをいただきます。
            12月28日正午までのご注文は年内に発送いたします。

            配信停止：[(${unsubscribeUrl})]
            送信者：[(${shopName})] [(${shopAddress})]
            """;

    private void writeFaq() {
        List<FaqArticles.ArticleDraft> articles = List.of(
                new FaqArticles.ArticleDraft(
                        "注文した商品はいつ届きますか？", "ご注文から1〜2営業日で発送し、発送後1〜2日でお届けします。発送時に追跡番号をメールでお知らせします。", Category.SHIPPING),
                new FaqArticles.ArticleDraft(
                        "お届け日時を指定できますか？", "ご注文時に、ご注文の3日後から14日後までの日付と時間帯を指定できます。", Category.SHIPPING),
                new FaqArticles.ArticleDraft(
                        "返品・交換はできますか？", "衣類はお届けから30日以内なら返品・交換を承ります。ポータルの「返品・交換の申し込み」からお手続きください。", Category.RETURN),
                new FaqArticles.ArticleDraft(
                        "返金保証はどのように使えますか？",
                        "対象商品は7日以上お使いいただいたうえで、お届けから30日以内にお申し込みいただくと全額返金いたします（お一人さま1回まで）。",
                        Category.RETURN),
                new FaqArticles.ArticleDraft("支払い方法は何がありますか？", "クレジットカード、コンビニ払い、代金引換がご利用いただけます。", Category.PAYMENT),
                new FaqArticles.ArticleDraft(
                        "領収書は発行できますか？", "お問い合わせフォームから宛名をお知らせください。PDFの領収書をメールでお送りします。", Category.PAYMENT),
                new FaqArticles.ArticleDraft(
                        "家電の保証期間は？", "家電製品はお届けから1年間の製品保証があります。期間内の故障は無償で修理いたします。", Category.PRODUCT),
                new FaqArticles.ArticleDraft(
                        "古い家電を引き取ってもらえますか？", "家電をお買い上げの際、同じ種類の古い家電を回収料金3,300円で引き取ります。", Category.PRODUCT));
        for (FaqArticles.ArticleDraft article : articles) {
            faq.publish(faq.draft(article, SUPERVISOR), SUPERVISOR);
        }
    }

    private static String displayName(String username) {
        return switch (username) {
            case "sato.miho" -> "佐藤 美穂";
            case "kimura.kenichi" -> "木村 健一";
            default -> "伊藤 沙織";
        };
    }
}
