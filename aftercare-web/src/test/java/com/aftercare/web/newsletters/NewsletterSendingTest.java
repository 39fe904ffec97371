package com.aftercare.web.newsletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.consent.MarketingConsent;
import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.CouponPurpose;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.Discount;
import com.aftercare.domain.coupon.NewCampaign;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.mail.outbox.MailOutbox;
import com.aftercare.domain.mail.outbox.OutgoingMail;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.stepmail.newsletter.NewsletterDraft;
import com.aftercare.stepmail.newsletter.NewsletterId;
import com.aftercare.stepmail.newsletter.NewsletterSender;
import com.aftercare.stepmail.newsletter.Newsletters;
import com.aftercare.stepmail.newsletter.Segment;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Newsletters on real PostgreSQL and a real SMTP server: only the segment's consenting customers
 * receive it, once; an opt-out is respected; the frequency cap holds (skipped or postponed, by
 * the newsletter's choice); the send is throttled; a cancel stops what has not gone out.
 * One recipient a minute here, so the throttle shows with two customers. The clock stays in the
 * past, as in {@code StepMailScenarioTest}: the dispatcher compares due times with the database's
 * own time.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
@TestPropertySource(properties = "aftercare.newsletter.rate-per-minute=1")
class NewsletterSendingTest {

    private static final String SUBJECT = "冬の新作のお知らせ";

    private static final String BODY = """
            [(${customerName})] 様
            冬の新作のお知らせです。

            配信停止：[(${unsubscribeUrl})]
            送信者：[(${shopName})] [(${shopAddress})]
            """;

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Newsletters newsletters;

    @Autowired
    NewsletterSender sender;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    MarketingConsent consent;

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    Coupons coupons;

    TestStorefront shop;
    Api api;

    @BeforeEach
    void storefront() {
        clock.setJst("2025-10-06T10:00");
        shop = TestStorefronts.create(storefronts);
        api = new Api(port, shop.key());
    }

    @Test
    void shouldReachOnlyConsentingCustomersOfTheSegmentOnceAndRespectOptOutAndCap() throws Exception {
        String consenting = customer(shop, true);
        String withoutConsent = customer(shop, false);
        String optedOut = customer(shop, true);
        String capped = customer(shop, true);
        String elsewhere = customer(TestStorefronts.create(storefronts), true);
        consent.withdraw(customerId(optedOut), clock.instant(), "test");
        promotionalMailToday(capped);

        newsletters.schedule(
                draft(new Segment(shop.id(), "kitchen", 30)), LocalDateTime.parse("2025-10-06T11:00"), "test");
        clock.setJst("2025-10-06T10:59");
        drain();
        assertThat(newslettersTo(consenting)).as("not before its time").isEmpty();

        clock.setJst("2025-10-06T11:00");
        drain();
        clock.setJst("2025-10-06T11:05");
        drain();
        drain();

        assertThat(newslettersTo(consenting)).containsExactly("冬の新作のお知らせ");
        MimeMessage mail = TestMailServer.receivedBy(consenting).stream()
                .filter(m -> TestMailServer.subjectOf(m).equals(SUBJECT))
                .findFirst()
                .orElseThrow();
        assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/portal/unsubscribe?token=");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(TestMailServer.textOf(mail)).contains("山田 花子 様").contains("東京都渋谷区神宮前1-2-3");
        assertThat(jdbc.sql("""
                        select storefront_id from outbound_mail
                         where to_address = :to and dedup_key like 'newsletter:%'
                        """).param("to", consenting).query(Long.class).list())
                .as("a storefront's newsletter goes out as that storefront (its sender)")
                .containsExactly(shop.id().value());
        assertThat(newslettersTo(withoutConsent)).isEmpty();
        assertThat(newslettersTo(optedOut)).isEmpty();
        assertThat(newslettersTo(elsewhere)).isEmpty();
        assertThat(newslettersTo(capped)).isEmpty();
        assertThat(deliveryReason(capped)).isEqualTo("over the frequency cap");
    }

    @Test
    void shouldSkipTheNewsletterOfACustomerWhoseComplaintAboutNoOrderIsOpen() {
        String unhappy = customer(shop, true);
        String content = customer(shop, true);
        String json = """
                {"channel": "WEB_FORM", "customer": {"email": "%s", "name": "山田 花子"},
                 "category": "OTHER", "subject": "お問い合わせ", "body": "二度と利用しません。"}
                """.formatted(unhappy);
        Api.Answer inquiry = api.post(
                "/api/v1/inquiries", "application/json", java.net.http.HttpRequest.BodyPublishers.ofString(json));
        assertThat(inquiry.status()).as(inquiry.body()).isBetween(200, 299);
        await().atMost(java.time.Duration.ofSeconds(20))
                .until(() ->
                        jdbc.sql("select count(*) from step_mail_hold where customer_id = :c and released_at is null")
                                        .param("c", customerId(unhappy).value())
                                        .query(Long.class)
                                        .single()
                                == 1);

        newsletters.schedule(
                draft(new Segment(shop.id(), "kitchen", 30)), LocalDateTime.parse("2025-10-06T11:00"), "test");
        clock.setJst("2025-10-06T11:00");
        drain();
        clock.setJst("2025-10-06T11:05"); // the second recipient is due a slice of the rate later
        drain();

        assertThat(newslettersTo(content)).containsExactly(SUBJECT);
        assertThat(newslettersTo(unhappy)).isEmpty();
        assertThat(deliveryReason(unhappy)).isEqualTo("a complaint of the customer is open");
    }

    @Test
    void shouldPostponeARecipientOverTheCapToTheNextMorningWhenTheNewsletterSaysSo() {
        String capped = customer(shop, true);
        promotionalMailToday(capped);
        newsletters.schedule(
                new NewsletterDraft(SUBJECT, BODY, "ja", new Segment(shop.id(), null, null), null, "POSTPONE"),
                LocalDateTime.parse("2025-10-06T11:00"),
                "test");

        clock.setJst("2025-10-06T11:00");
        drain();
        assertThat(newslettersTo(capped)).as("over today's cap").isEmpty();
        assertThat(deliveryDueAt(capped)).isEqualTo(Instant.parse("2025-10-07T00:00:00Z")); // 09:00 JST

        clock.setJst("2025-10-07T08:59");
        drain();
        assertThat(newslettersTo(capped)).as("still in quiet hours").isEmpty();
        clock.setJst("2025-10-07T09:00");
        drain();
        assertThat(newslettersTo(capped)).containsExactly(SUBJECT);
    }

    @Test
    void shouldResumeASendCutOffByQuietHoursInTheMorningAtTheSamePace() {
        String first = customer(shop, true);
        String second = customer(shop, true);
        String third = customer(shop, true);
        newsletters.schedule(
                draft(new Segment(shop.id(), null, null)), LocalDateTime.parse("2025-10-06T20:59"), "test");

        clock.setJst("2025-10-06T20:59");
        drain();
        clock.setJst("2025-10-06T21:05");
        drain();

        // one a minute from 20:59: the first went, the other two resume at 09:00 and 09:01
        assertThat(newslettersTo(first)).hasSize(1);
        assertThat(deliveryDueAt(second)).isEqualTo(Instant.parse("2025-10-07T00:00:00Z"));
        assertThat(deliveryDueAt(third)).isEqualTo(Instant.parse("2025-10-07T00:01:00Z"));
        clock.setJst("2025-10-06T23:00");
        drain();
        assertThat(deliveryDueAt(second))
                .as("paused once, not again every round")
                .isEqualTo(Instant.parse("2025-10-07T00:00:00Z"));
        clock.setJst("2025-10-07T09:00");
        drain();
        assertThat(newslettersTo(second)).hasSize(1);
        assertThat(newslettersTo(third)).as("still a minute to wait").isEmpty();
    }

    @Test
    void shouldStartASendScheduledInQuietHoursWhenTheyEndAtItsPace() {
        String first = customer(shop, true);
        String second = customer(shop, true);
        newsletters.schedule(
                draft(new Segment(shop.id(), null, null)), LocalDateTime.parse("2025-10-06T23:30"), "test");

        clock.setJst("2025-10-06T23:30");
        drain();

        assertThat(newslettersTo(first)).isEmpty();
        assertThat(deliveryDueAt(first)).isEqualTo(Instant.parse("2025-10-07T00:00:00Z")); // 09:00 JST
        assertThat(deliveryDueAt(second)).isEqualTo(Instant.parse("2025-10-07T00:01:00Z"));
    }

    @Test
    void shouldMoveTheWholeRestOfALongSendOnSoThatThePaceHoldsAfterTheNight() {
        String first = customer(shop, true);
        String second = customer(shop, true);
        String third = customer(shop, true);
        newsletters.schedule(
                draft(new Segment(shop.id(), null, null)), LocalDateTime.parse("2025-10-06T20:59"), "test");
        clock.setJst("2025-10-06T20:59");
        drain();
        // a long send: the third recipient's turn would only come tomorrow at 09:30
        jdbc.sql("""
                        update newsletter_delivery set due_at = '2025-10-07T09:30:00+09:00'
                         where customer_id = (select id from customer where email_normalized = :e)
                        """).param("e", third).update();

        clock.setJst("2025-10-06T21:00");
        drain();

        assertThat(newslettersTo(first)).hasSize(1);
        assertThat(deliveryDueAt(second)).isEqualTo(Instant.parse("2025-10-07T00:00:00Z")); // 09:00 JST
        assertThat(deliveryDueAt(third))
                .as("moved on with the rest by the same 12 hours, not left to overlap the resumed part")
                .isEqualTo(Instant.parse("2025-10-07T12:30:00Z")); // 21:30 JST
    }

    @Test
    void shouldKeepPostponedRecipientsInThePaceOnTheDayTheyMoveTo() {
        String first = customer(shop, true);
        String second = customer(shop, true);
        promotionalMailToday(first);
        promotionalMailToday(second);
        newsletters.schedule(
                new NewsletterDraft(SUBJECT, BODY, "ja", new Segment(shop.id(), null, null), null, "POSTPONE"),
                LocalDateTime.parse("2025-10-06T11:00"),
                "test");

        clock.setJst("2025-10-06T11:00");
        drain();
        clock.setJst("2025-10-06T11:01");
        drain();

        assertThat(deliveryDueAt(first)).isEqualTo(Instant.parse("2025-10-07T00:00:00Z"));
        assertThat(deliveryDueAt(second)).isEqualTo(Instant.parse("2025-10-07T00:01:00Z"));
    }

    @Test
    void shouldLeaveAPostponedRecipientOnItsMorningWhenQuietHoursPauseTheRest() {
        String capped = customer(shop, true);
        String second = customer(shop, true);
        String third = customer(shop, true);
        promotionalMailToday(capped);
        newsletters.schedule(
                new NewsletterDraft(SUBJECT, BODY, "ja", new Segment(shop.id(), null, null), null, "POSTPONE"),
                LocalDateTime.parse("2025-10-06T20:58"),
                "test");

        clock.setJst("2025-10-06T20:58");
        drain(); // the capped one moves to tomorrow 09:00
        clock.setJst("2025-10-06T20:59");
        drain(); // the second goes
        clock.setJst("2025-10-06T21:00");
        drain(); // quiet: the third (due 21:00) moves to 09:00, the postponed one stays

        assertThat(newslettersTo(second)).hasSize(1);
        assertThat(deliveryDueAt(capped)).isEqualTo(Instant.parse("2025-10-07T00:00:00Z"));
        assertThat(deliveryDueAt(third)).isEqualTo(Instant.parse("2025-10-07T00:00:00Z"));
        clock.setJst("2025-10-07T09:00");
        drain();
        assertThat(newslettersTo(capped)).hasSize(1);
        assertThat(newslettersTo(third)).hasSize(1);
    }

    @Test
    void shouldSkipADeliveryTheDatabaseRefusesAndGoOnWithTheRest() {
        String broken = customer(shop, true);
        String fine = customer(shop, true);
        // a database error for one recipient's mail only, as a constraint or a full disk would give
        String trigger = "refuse_" + Events.unique("t").replace('-', '_');
        jdbc.sql("""
                        create function %1$s() returns trigger language plpgsql as $$
                        begin
                          if new.to_address = '%2$s' then raise exception 'refused for the test'; end if;
                          return new;
                        end $$;
                        create trigger %1$s before insert on outbound_mail for each row execute function %1$s();
                        """.formatted(trigger, broken)).update();
        try {
            newsletters.schedule(
                    draft(new Segment(shop.id(), null, null)), LocalDateTime.parse("2025-10-06T11:00"), "test");
            clock.setJst("2025-10-06T11:00");
            drain();
            clock.setJst("2025-10-06T11:01");
            drain();
        } finally {
            jdbc.sql("drop trigger %1$s on outbound_mail; drop function %1$s();".formatted(trigger))
                    .update();
        }

        assertThat(deliveryReason(broken)).startsWith("failed:").contains("refused for the test");
        assertThat(newslettersTo(fine)).as("the round went on").hasSize(1);
    }

    @Test
    void shouldSkipADeliveryWhoseCouponCampaignEndedAndSendTheNextNewsletter() {
        String customer = customer(shop, true);
        CampaignId campaign = coupons.createCampaign(new NewCampaign(
                Events.unique("秋のクーポン"),
                CouponPurpose.PROMOTION,
                Discount.percent(10),
                0,
                Instant.parse("2025-10-06T02:30:00Z"), // 11:30 JST
                null,
                true,
                null));
        NewsletterId withCoupon = newsletters.schedule(
                new NewsletterDraft(SUBJECT, BODY, "ja", new Segment(shop.id(), null, null), campaign),
                LocalDateTime.parse("2025-10-06T11:00"),
                "test");
        newsletters.schedule(
                new NewsletterDraft("後からのお知らせ", BODY, "ja", new Segment(shop.id(), null, null), null),
                LocalDateTime.parse("2025-10-06T11:00"),
                "test");
        // the campaign was ended early: issuing a code now fails inside the coupon service
        jdbc.sql("update coupon_campaign set expires_at = '2025-10-06T10:30:00+09:00' where id = :id")
                .param("id", campaign.value())
                .update();

        clock.setJst("2025-10-06T11:00");
        drain();

        assertThat(jdbc.sql("select reason from newsletter_delivery where newsletter_id = :id")
                        .param("id", withCoupon.value())
                        .query(String.class)
                        .single())
                .startsWith("failed:")
                .contains("expired");
        assertThat(TestMailServer.subjectsTo(customer)).as("the round went on").contains("後からのお知らせ");
    }

    @Test
    void shouldCancelTheRestOfASendingNewsletterIncludingMailsStillWaitingInTheOutbox() {
        String first = customer(shop, true);
        String second = customer(shop, true);
        NewsletterId id = newsletters.schedule(
                draft(new Segment(shop.id(), null, null)), LocalDateTime.parse("2025-10-06T11:00"), "test");
        clock.setJst("2025-10-06T11:00");
        while (sender.runDue() > 0) {
            // the first recipient's mail is in the outbox, not yet sent; the second waits a minute
        }

        Newsletters.Cancelled cancelled = newsletters.cancel(id, "supervisor");

        assertThat(cancelled).isEqualTo(new Newsletters.Cancelled(1, 1));
        clock.setJst("2025-10-06T11:05");
        drain();
        assertThat(newslettersTo(first)).isEmpty();
        assertThat(newslettersTo(second)).isEmpty();
        assertThat(jdbc.sql("select status from newsletter where id = :id")
                        .param("id", id.value())
                        .query(String.class)
                        .single())
                .isEqualTo("CANCELLED");
        assertThatThrownBy(() -> newsletters.cancel(id, "supervisor")).isInstanceOf(Newsletters.NotCancellable.class);
    }

    @Test
    void shouldCancelANewsletterBeforeItStartsSoThatNobodyGetsIt() {
        String customer = customer(shop, true);
        NewsletterId id = newsletters.schedule(
                draft(new Segment(shop.id(), null, null)), LocalDateTime.parse("2025-10-06T11:00"), "test");

        assertThat(newsletters.cancel(id, "supervisor")).isEqualTo(new Newsletters.Cancelled(0, 0));
        clock.setJst("2025-10-06T11:00");
        drain();

        assertThat(newslettersTo(customer)).isEmpty();
        assertThat(jdbc.sql("select count(*) from newsletter_delivery where newsletter_id = :id")
                        .param("id", id.value())
                        .query(Long.class)
                        .single())
                .as("no recipients were taken")
                .isZero();
        assertThatThrownBy(() -> newsletters.cancel(new NewsletterId(-1), "supervisor"))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void shouldThrottleRecipientsIntoSlicesOfTheConfiguredRate() {
        String first = customer(shop, true);
        String second = customer(shop, true);
        newsletters.schedule(
                draft(new Segment(shop.id(), null, null)), LocalDateTime.parse("2025-10-06T11:00"), "test");

        clock.setJst("2025-10-06T11:00");
        drain();
        long sentAtEleven = newslettersTo(first).size() + newslettersTo(second).size();
        clock.setJst("2025-10-06T11:01");
        drain();

        assertThat(sentAtEleven).isEqualTo(1);
        assertThat(newslettersTo(first)).hasSize(1);
        assertThat(newslettersTo(second)).hasSize(1);
    }

    @Test
    void shouldScheduleNothingForASegmentThatMatchesNobody() {
        customer(shop, true);
        long before =
                jdbc.sql("select count(*) from newsletter").query(Long.class).single();

        assertThatThrownBy(() -> newsletters.schedule(
                        draft(new Segment(shop.id(), "no-such-category", null)),
                        LocalDateTime.parse("2025-10-06T11:00"),
                        "test"))
                .isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field())
                .isEqualTo("segment");
        assertThat(jdbc.sql("select count(*) from newsletter").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void shouldRefuseAPastTimeAnUnknownVariableAndABodyWithoutTheOptOutLink() {
        customer(shop, true);
        Segment segment = new Segment(shop.id(), null, null);

        assertField(
                () -> newsletters.schedule(draft(segment), LocalDateTime.parse("2025-10-06T09:59"), "test"), "sendAt");
        assertField(
                () -> newsletters.schedule(
                        new NewsletterDraft("件名", BODY + "[(${couponCode})]", "ja", segment, null),
                        LocalDateTime.parse("2025-10-06T11:00"),
                        "test"),
                "textBody");
        assertField(
                () -> newsletters.schedule(
                        new NewsletterDraft("件名", "[(${customerName})] 様", "ja", segment, null),
                        LocalDateTime.parse("2025-10-06T11:00"),
                        "test"),
                "textBody");
        assertField(
                () -> newsletters.schedule(
                        new NewsletterDraft("[# th:if=\"${x\"]", BODY, "ja", segment, null),
                        LocalDateTime.parse("2025-10-06T11:00"),
                        "test"),
                "subject");
    }

    @Test
    void shouldCountCustomersTheStorefrontRegisteredWithoutAnOrderOnlyInAStorefrontSegment() {
        customer(shop, true);
        String registered = Events.unique("registered") + "@example.jp";
        api.postEvent("""
                {"id": "%s", "type": "customer.registered", "occurredAt": "2025-10-05T12:00:00+09:00",
                 "customer": {"id": "%s", "email": "%s", "name": "佐藤 一郎",
                              "marketingConsent": {"granted": true, "wording": "お得な情報をメールで受け取る"}}}
                """.formatted(Events.unique("evt"), Events.unique("C"), registered));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        jdbc.sql("select count(*) from customer where email_normalized = :e and promotional_consent")
                                        .param("e", registered)
                                        .query(Long.class)
                                        .single()
                                == 1);

        assertThat(newsletters.count(new Segment(shop.id(), null, null))).isEqualTo(2);
        assertThat(newsletters.count(new Segment(shop.id(), "kitchen", null)))
                .as("a category asks for an order")
                .isEqualTo(1);
    }

    @Test
    void shouldPreviewTheRecipientCountAndASample() {
        customer(shop, true);
        customer(shop, true);
        customer(shop, false);

        Newsletters.Preview preview = newsletters.preview(draft(new Segment(shop.id(), null, null)));

        assertThat(preview.recipients()).isEqualTo(2);
        assertThat(preview.sample().subject()).isEqualTo("冬の新作のお知らせ");
        assertThat(preview.sample().text()).contains("山田 花子 様").contains("/portal/unsubscribe");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field())
                .isEqualTo(field);
    }

    private static NewsletterDraft draft(Segment segment) {
        return new NewsletterDraft("冬の新作のお知らせ", BODY, "ja", segment, null);
    }

    private String customer(TestStorefront at, boolean consenting) {
        String email = Events.unique("news") + "@example.jp";
        String number = Events.unique("N");
        String event = consenting
                ? Events.placedWithConsent(Events.unique("evt"), number, email)
                : Events.placed(Events.unique("evt"), number, email);
        new Api(port, at.key()).postEvent(event);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from customer where email_normalized = :e")
                                .param("e", email)
                                .query(Long.class)
                                .single()
                        == 1);
        return email;
    }

    private CustomerId customerId(String email) {
        return new CustomerId(jdbc.sql("select id from customer where email_normalized = :e")
                .param("e", email)
                .query(Long.class)
                .single());
    }

    /** A promotional mail sent to the customer this morning (shop time), as the cap counts it. */
    private void promotionalMailToday(String email) {
        CustomerId customer = customerId(email);
        String key = Events.unique("earlier");
        Instant thisMorning = Instant.parse("2025-10-06T00:30:00Z");
        transaction.executeWithoutResult(status -> outbox.enqueue(new OutgoingMail(
                key,
                MailKind.PROMOTIONAL,
                "review-request",
                customer.value(),
                null,
                email,
                "今朝のお知らせ",
                "本文",
                null,
                Map.of(),
                thisMorning)));
        jdbc.sql("update outbound_mail set status = 'SENT', sent_at = :at where dedup_key = :key")
                .param("at", java.sql.Timestamp.from(thisMorning))
                .param("key", key)
                .update();
    }

    private Instant deliveryDueAt(String email) {
        return jdbc.sql("""
                        select d.due_at from newsletter_delivery d join customer c on c.id = d.customer_id
                         where c.email_normalized = :e
                        """)
                .param("e", email)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private String deliveryReason(String email) {
        return jdbc.sql("""
                        select d.reason from newsletter_delivery d join customer c on c.id = d.customer_id
                         where c.email_normalized = :e
                        """).param("e", email).query(String.class).single();
    }

    /** The newsletters the address received (the order-thanks mails of the fixtures left out). */
    private static java.util.List<String> newslettersTo(String email) {
        return TestMailServer.subjectsTo(email).stream().filter(SUBJECT::equals).toList();
    }

    private void drain() {
        while (sender.runDue() > 0) {
            // rounds until nothing is due
        }
        while (dispatcher.dispatchDue() > 0) {
            // send everything queued
        }
    }
}
