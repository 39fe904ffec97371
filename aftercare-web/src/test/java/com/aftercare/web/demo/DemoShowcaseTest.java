package com.aftercare.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.web.support.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo as the README's first command starts it ({@link RunningDemo}). Every list and chart of the console must have something in it,
 * and the demo's screenshots are taken from it in a real headless Chromium at 1366x900: into
 * {@code target/demo-screenshots}, or with {@code -Ddemo.screenshots=<dir>} into that directory
 * (the README's pictures: {@code -Ddemo.screenshots=../docs/screenshots}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoShowcaseTest {

    @RegisterExtension
    static final RunningDemo demo = new RunningDemo();

    @RegisterExtension
    static final Browser browser = new Browser();

    JdbcClient db;

    @BeforeAll
    void logInToTheDemo() {
        db = demo.db();
        browser.on(demo.port());
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.fresh().logIn("admin", demo.adminPassword());
    }

    @Test
    void shouldSeedAFewHundredOrdersOverTwoStorefrontsAndNinetyDays() {
        assertThat(count("select count(*) from customer_order")).isGreaterThan(250);
        assertThat(strings("select name from storefront")).containsExactlyInAnyOrder("こもれび 本店", "こもれび 楽天市場店");
        assertThat(count("select count(distinct storefront_id) from customer_order"))
                .isEqualTo(2);
        assertThat(count("""
                        select count(distinct date_trunc('week', placed_at)) from customer_order
                         where placed_at > now() - interval '91 days'
                        """)).isGreaterThanOrEqualTo(12);
        assertThat(strings("select distinct status from customer_order"))
                .contains("PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED");
    }

    @Test
    void shouldHaveInquiriesOnEveryChannelInEveryState() {
        assertThat(strings("select distinct channel from inquiry"))
                .containsExactlyInAnyOrder("PHONE", "EMAIL", "CHAT", "VISIT", "WEB_FORM", "LINE");
        assertThat(strings("select distinct status from inquiry"))
                .containsExactlyInAnyOrder("NEW", "OPEN", "WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED");
        assertThat(count("select count(*) from inquiry_satisfaction")).isGreaterThan(10);
    }

    @Test
    void shouldHaveLineConversationsThatCameThroughTheWebhookIntakeAndWereAnsweredOnLine() {
        // display names from the profile API (the demo's LINE stand-in), each a webhook event taken once
        assertThat(strings("select display_name from line_identity")).containsExactlyInAnyOrder("みさき", "ゆうた", "あおい");
        assertThat(count("select count(*) from line_webhook_event")).isEqualTo(5);
        assertThat(count("""
                        select count(*) from line_identity l join customer c on c.id = l.customer_id
                         where l.display_name = 'みさき' and c.email is null and l.linked_at is null
                        """)).as("a LINE-only customer").isEqualTo(1);
        assertThat(count("""
                        select count(*) from inquiry i join line_identity l on l.id = i.line_identity_id
                         where l.display_name = 'ゆうた' and l.linked_at is not null and i.order_id is not null
                           and i.customer_id = (select customer_id from customer_order where id = i.order_id)
                        """)).as("linked to an order through the lookup link").isEqualTo(1);
        assertThat(strings("select distinct status from inquiry where channel = 'LINE'"))
                .containsExactlyInAnyOrder("NEW", "WAITING_ON_CUSTOMER", "RESOLVED");
        // every answer reached the stand-in once: nothing waits, retries or failed
        assertThat(strings("select status from line_push")).hasSize(3).containsOnly("SENT");

        // the queue names the channel in words, the workspace shows the conversation
        browser.open("/console/inquiries?filter=unassigned");
        assertThat(browser.driver().findElements(By.cssSelector("main table tbody tr")).stream()
                        .map(WebElement::getText)
                        .filter(row -> row.contains("はじめまして。母の日のプレゼント")))
                .singleElement()
                .asString()
                .contains("LINE");
        browser.open("/console/inquiries/" + first("""
                        select i.reference from inquiry i join line_identity l on l.id = i.line_identity_id
                         where l.display_name = 'みさき'
                        """));
        assertThat(browser.driver().findElement(By.cssSelector("main")).getText())
                .contains("みさき", "リネンシャツの M サイズは再入荷の予定はありますか？", "[スタンプ] お願い, よろしく", "来週水曜日に再入荷");

        // the LINE page says the channel is the demo's stand-in, and checking it reaches the stand-in
        browser.open("/console/admin/storefronts/" + first("select id::text from storefront where code = 'demo-shop'")
                + "/line");
        assertThat(browser.driver().findElement(By.id("demo-line")).getText()).contains("LINE には何も送られません");
        browser.driver().findElement(By.id("check")).click();
        // the answer is the next page: wait for it rather than read the one being left
        assertThat(browser.waitForVisible(By.id("check-result")).getText()).contains("こもれび（デモ）");
    }

    @Test
    void shouldHaveClaimsOfAllFiveTypesInEveryStatus() {
        assertThat(strings("select distinct type from claim"))
                .containsExactlyInAnyOrder(
                        "RETURN", "EXCHANGE", "REFUND_GUARANTEE", "WARRANTY_REPAIR", "RECYCLE_PICKUP");
        assertThat(strings("select distinct status from claim"))
                .containsExactlyInAnyOrder(
                        "REQUESTED",
                        "QUOTED",
                        "QUOTE_DECLINED",
                        "APPROVED",
                        "REJECTED",
                        "AWAITING_ITEM",
                        "RECEIVED",
                        "INSPECTED",
                        "REFUNDED",
                        "EXCHANGE_SHIPPED",
                        "REPAIRED",
                        "CLOSED");
    }

    @Test
    void shouldHaveStepMailsSentAndScheduledANewsletterCouponsAndFaq() {
        assertThat(strings("select distinct status from step_mail")).contains("ENQUEUED", "SCHEDULED");
        assertThat(strings("select distinct status from newsletter")).contains("SENT", "SCHEDULED");
        assertThat(count("select count(*) from coupon")).isGreaterThan(10);
        assertThat(count("select count(*) from coupon_redemption")).isGreaterThan(3);
        assertThat(count("select count(*) from faq_article where published")).isGreaterThanOrEqualTo(6);
        // two mailboxes stopped working: one refused at delivery, one reported by a delivery report
        assertThat(strings("select source from mail_suppression where cleared_at is null"))
                .containsExactlyInAnyOrder("smtp", "dsn");
    }

    @Test
    void shouldHaveSentTheMailsOfThePastWhenTheyWereDueNotAtStartUp() {
        // a customer's timeline shows each mail at the time it was sent
        String ofThePast = "from outbound_mail where status = 'SENT' and due_at < now() - interval '1 day'";
        long sent = count("select count(*) " + ofThePast);
        long onTime =
                count("select count(*) " + ofThePast + " and sent_at between due_at and due_at + interval '1 hour'");
        assertThat(sent).isGreaterThan(500);
        assertThat(onTime).as("sent within the hour they were due").isGreaterThan(sent * 95 / 100);
        assertThat(count("select count(distinct date_trunc('day', sent_at)) " + ofThePast))
                .isGreaterThanOrEqualTo(60);
    }

    @Test
    void shouldShowSomethingInEveryListAndChartOfTheConsole() {
        // not /console/admin/mail: it lists the mails the dispatcher would not decide on alone, none
        // in a healthy shop
        for (String page : List.of(
                "/console",
                "/console/inquiries",
                "/console/callbacks",
                "/console/claims",
                "/console/figures",
                "/console/claims/figures",
                "/console/stepmail",
                "/console/stepmail/bounces",
                "/console/marketing/newsletters",
                "/console/marketing/coupons",
                "/console/faq",
                "/console/customers",
                "/console/canned-responses",
                "/console/macros",
                "/console/automations",
                "/console/admin/audit")) {
            browser.open(page);
            // the empty states: the shared fragment's, and the lists' own "none yet" lines
            assertThat(browser.driver().findElements(By.cssSelector(".empty, [id^='no-'], [id$='-empty']")))
                    .as("empty states on %s", page)
                    .isEmpty();
            for (WebElement table : browser.driver().findElements(By.cssSelector("main table"))) {
                assertThat(table.findElements(By.cssSelector("tbody tr")))
                        .as("rows of a table on %s", page)
                        .isNotEmpty();
            }
            for (WebElement chart : browser.driver().findElements(By.cssSelector("svg.chart"))) {
                assertThat(chart.findElements(By.cssSelector("rect.column")).stream()
                                .map(c -> Double.parseDouble(c.getDomAttribute("height")))
                                .filter(h -> h > 0))
                        .as("columns of the chart \"%s\" on %s", chart.getDomAttribute("aria-label"), page)
                        .isNotEmpty();
            }
        }
    }

    @Test
    void shouldShowAnOverdueInquiryInTheQueueAndOnTheHomePageAtAnyHour() {
        browser.open("/console/inquiries");
        assertThat(browser.driver().findElements(By.cssSelector("#queue-body .badge.sla-overdue")))
                .isNotEmpty();
        browser.open("/console");
        assertThat(Integer.parseInt(browser.driver()
                        .findElement(By.id("count-overdue"))
                        .getText()
                        .trim()))
                .isPositive();
    }

    @Test
    void shouldLeaveTheScreenshotsOfTheMainPages() {
        shot("/console", "home");
        shot("/console/inquiries", "queue");
        shot("/console/inquiries/" + first("""
                        select i.reference from inquiry i join inquiry_message m on m.inquiry_id = i.id
                         where i.order_id is not null
                         group by i.reference, i.status, i.channel
                         order by i.status in ('OPEN', 'WAITING_ON_CUSTOMER') desc, i.channel in ('CHAT', 'WEB_FORM') desc, count(*) desc,
                                  i.reference
                         limit 1
                        """), "inquiry");
        shot(
                "/console/customers/" + first("select id::text from customer where email = 'hanako.yamada@example.jp'"),
                "customer");
        shot("/console/claims/" + first("""
                        select rma from claim where type = 'RETURN' and status = 'REFUNDED' order by rma limit 1
                        """), "claim");
        shot(
                "/console/stepmail/scenarios/" + first("select id::text from scenario where code = 'after-delivery'"),
                "step-mail-editor");
        // the whole 90 days of the demo: the default 30 are too recent for any repeat purchase to show
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        shot("/console/figures?from=" + today.minusDays(90) + "&to=" + today, "figures");
        assertThat(Files.exists(shots().resolve("figures.png"))).isTrue();
    }

    private void shot(String page, String name) {
        browser.open(page);
        assertThat(browser.driver().findElements(By.cssSelector("main")))
                .as(page)
                .isNotEmpty();
        try {
            Path target = Files.createDirectories(shots()).resolve(name + ".png");
            Files.write(target, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path shots() {
        return Path.of(System.getProperty("demo.screenshots", "target/demo-screenshots"));
    }

    private long count(String sql) {
        return db.sql(sql).query(Long.class).single();
    }

    private List<String> strings(String sql) {
        return db.sql(sql).query(String.class).list();
    }

    private String first(String sql) {
        return db.sql(sql).query(String.class).single();
    }
}
