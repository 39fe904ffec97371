package com.aftercare.web.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.consent.MarketingConsent;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.notice.Notices;
import com.aftercare.domain.privacy.Disclosures;
import com.aftercare.domain.privacy.Erasures;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.stepmail.scenario.Scenarios;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestScenarios;
import com.aftercare.web.support.TestScenarios.TestScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices on LINE (#12 §1, §2): the routing matrix of the shipping notice and step mails (the
 * storefront's switch, the customer's choice, an unfollow, consent and quiet hours for promotional
 * ones), the visit confirmation, and the customer timeline. LINE is the in-process {@link FakeLine},
 * which answers a push only with the documented path, headers and body.
 */
@AftercareIntegrationTest
class LineNoticesTest extends LinkedCustomerScene {

    @Autowired
    MarketingConsent consent;

    @Autowired
    Notices notices;

    @Autowired
    Erasures erasures;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Disclosures disclosures;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void shouldMailTheShippingNoticeWhileTheStorefrontSendsNoNoticesOnLine() {
        ship();

        assertMailedOnceAndNotPushed();
        assertThat(stepStatus("shipping-notice")).isEqualTo("ENQUEUED");
    }

    @Test
    void shouldPushTheShippingNoticeOnceOnLineAsLineDocumentsAPushAndMailNothing() {
        noticesOn();

        ship();
        rounds();

        assertThat(pushedTexts())
                .singleElement()
                .satisfies(text -> assertThat(text)
                        .startsWith("【")
                        .contains("発送しました")
                        .contains(number)
                        .contains("4000-5555-6666")
                        .doesNotContain("\r"));
        FakeLine.Request push = LINE.sends().stream()
                .filter(r -> user.equals(r.json().path("to").asString("")) && r.answered() == 200)
                .findFirst()
                .orElseThrow();
        assertThat(push.method()).isEqualTo("POST");
        assertThat(push.headers())
                .containsEntry("authorization", "Bearer " + TOKEN)
                .containsEntry("content-type", "application/json")
                .containsKey("x-line-retry-key");
        assertThat(push.json().get("messages").get(0).get("type").asString()).isEqualTo("text");
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("発送しました"));
        assertThat(stepStatus("shipping-notice")).isEqualTo("ENQUEUED");
        assertThat(admin.get("/console/customers/" + customer).body())
                .contains("LINE で送信済み")
                .contains("発送のお知らせ");
    }

    @Test
    void shouldMailTheNoticeToACustomerWhoChoseMail() {
        noticesOn();
        String page = "/console/customers/" + customer;
        assertThat(admin.postForm(page, page + "/line/" + account + "/notices", Map.of("channel", "MAIL"))
                        .statusCode())
                .isEqualTo(302);

        ship();

        assertMailedOnceAndNotPushed();
    }

    @Test
    void shouldMailTheNoticeToACustomerWhoUnfollowedTheAccount() throws Exception {
        noticesOn();
        unfollow();

        ship();

        assertMailedOnceAndNotPushed();
    }

    @Test
    void shouldMailOnceInsteadWhenTheCustomerUnfollowsBeforeTheTextGoes() throws Exception {
        noticesOn();
        shippedAndQueued();
        unfollow();

        rounds();
        rounds();

        assertThat(pushedTexts()).isEmpty();
        assertThat(TestMailServer.subjectsTo(email))
                .filteredOn(s -> s.contains("発送しました"))
                .hasSize(1);
        assertThat(admin.get("/console/customers/" + customer).body()).contains("代わりにメールで送信");
    }

    @Test
    void shouldCountAStepSentOnLineInTheScenarioFiguresAsLineAndSayOpensAreNotMeasured() {
        noticesOn();
        shippedAndQueued();
        Scenarios.Figures queued = shippingNoticeFigures();

        rounds();

        Scenarios.Figures sent = shippingNoticeFigures();
        assertThat(sent.sentOnLine()).isEqualTo(queued.sentOnLine() + 1);
        assertThat(sent.sentByMail()).isEqualTo(queued.sentByMail());
        assertThat(sent.sent()).isEqualTo(queued.sent() + 1);
        assertThat(sent.queued()).isEqualTo(queued.queued() - 1);
        String page = admin.get("/console/stepmail/scenarios/" + shippingNoticeScenario())
                .body();
        assertThat(page)
                .contains("（メール " + sent.sentByMail() + "・LINE " + sent.sentOnLine() + "）")
                .contains("開封とクリックは、メールでも LINE でも計測していません。");
    }

    @Test
    void shouldCountAStepLineRefusedAndMailedInsteadAsSentByMail() throws Exception {
        noticesOn();
        shippedAndQueued();
        Scenarios.Figures queued = shippingNoticeFigures();
        unfollow();

        rounds();
        rounds();

        Scenarios.Figures sent = shippingNoticeFigures();
        assertThat(sent.sentByMail()).isEqualTo(queued.sentByMail() + 1);
        assertThat(sent.sentOnLine()).isEqualTo(queued.sentOnLine());
        assertThat(sent.queued()).isEqualTo(queued.queued() - 1);
    }

    @Test
    void shouldRecordANoticeForACustomerWhoUnfollowedAndHasNoEmailAsNotDeliverable() throws Exception {
        noticesOn();
        unfollow();
        Notices.Sent sent = transactions.execute(status -> notices.send(MailRequest.transactional(
                Events.unique("notice"),
                "visit-confirmation",
                new CustomerId(customer),
                null,
                new StorefrontId(storefront.id().value()),
                null,
                visitVariables(),
                Instant.now())));

        assertThat(sent.channel()).isEqualTo(Notices.Channel.NONE);
        assertThat(sent.reason()).isEqualTo(Notices.UNDELIVERABLE);
        assertThat(admin.get("/console/customers/" + customer).body()).contains("届けられません（LINE はブロック中、メールアドレスなし）");
    }

    @Test
    void shouldMailTheNoticeWhenTheLineAccountWasNeverLinkedThroughThePortal() {
        noticesOn();
        // the account belongs to the customer (an operator's merge moves it so) but the person never
        // proved an order with it
        jdbc.sql("update line_identity set linked_at = null where id = :id")
                .param("id", account)
                .update();

        ship();
        rounds();

        assertMailedOnceAndNotPushed();
        assertThat(admin.get("/console/customers/" + customer).body())
                .contains("ポータルの注文確認でご注文と結び付いていないため、お知らせはメールで届きます");
    }

    @Test
    void shouldSendTheVisitConfirmationOfALineOnlyCustomerOnTheLineAccountTheyAre() throws Exception {
        // a customer who only ever wrote on LINE (no email): the record was made from the account,
        // so a notice about them is about the LINE user; #12 §2, answered where they asked
        noticesOn();
        String visitor = LineWebhook.newUser();
        webhook().signed(LineWebhook.textEvent(UUID.randomUUID().toString(), visitor, "修理に来てほしいです", false));
        CustomerId lineOnly = new CustomerId(jdbc.sql("select customer_id from line_identity where line_user_id = :u")
                .param("u", visitor)
                .query(Long.class)
                .single());
        StorefrontId shop = new StorefrontId(storefront.id().value());

        Notices.Sent sent = transactions.execute(status -> notices.send(MailRequest.transactional(
                Events.unique("notice"),
                "visit-confirmation",
                lineOnly,
                null,
                shop,
                null,
                visitVariables(),
                Instant.now())));
        rounds();

        assertThat(notices.takenOnLine(lineOnly, shop)).isTrue();
        assertThat(sent.channel()).isEqualTo(Notices.Channel.LINE);
        assertThat(pushedTexts(visitor))
                .singleElement()
                .satisfies(text -> assertThat(text).contains("2025-11-25 10:00–12:00"));
    }

    @Test
    void shouldSendNoPromotionalNoticeOnLineWithoutConsent() {
        noticesOn();
        TestScenario promotion = TestScenarios.afterDelivery(jdbc, storefront.id(), "PROMOTIONAL");
        consent.withdraw(new CustomerId(customer), clock.instant(), "test");
        delivered(promotion);
        clock.setJst("2025-11-24T10:00");
        rounds();

        assertThat(stepStatus(promotion.template())).isEqualTo("SKIPPED");
        assertThat(pushedTexts()).noneMatch(t -> t.contains("のその後"));
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("のその後"));
    }

    @Test
    void shouldKeepAPromotionalNoticeOnLineOutOfQuietHoursAsMailIs() {
        noticesOn();
        TestScenario promotion = TestScenarios.afterDelivery(jdbc, storefront.id(), "PROMOTIONAL");
        delivered(promotion);
        // due at 10:00 on the 24th, but the round first looks at 22:00: quiet hours hold it till 09:00
        clock.setJst("2025-11-24T22:00");
        rounds();
        assertThat(pushedTexts()).as("quiet hours").noneMatch(t -> t.contains("のその後"));
        assertThat(stepStatus(promotion.template())).isEqualTo("SCHEDULED");

        clock.setJst("2025-11-25T09:00");
        rounds();

        assertThat(pushedTexts())
                .filteredOn(t -> t.contains("のその後"))
                .singleElement()
                .satisfies(t -> assertThat(t).contains("配信停止：").contains("/portal/unsubscribe?token="));
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("のその後"));
    }

    @Test
    void shouldHoldAPromotionalNoticeThatADelayCarriedIntoQuietHoursUntilTheyEnd() {
        noticesOn();
        TestScenario promotion = TestScenarios.afterDelivery(jdbc, storefront.id(), "PROMOTIONAL");
        delivered(promotion);
        // queued for LINE at 20:30, in the day; LINE is not reached before 21:30 (down, or a backlog)
        clock.setJst("2025-11-24T20:30");
        scheduler.runDue();
        clock.setJst("2025-11-24T21:30");
        dispatcher.dispatchDue();

        assertThat(pushedTexts()).as("not in quiet hours").noneMatch(t -> t.contains("のその後"));
        Map<String, Object> held =
                jdbc.sql("""
                        select p.id, p.status, p.attempts, p.last_error from line_push p
                          join line_notice n on n.push_id = p.id
                         where n.customer_id = :customer and n.kind = 'PROMOTIONAL'
                        """).param("customer", customer).query().singleRow();
        assertThat(held.get("status")).isEqualTo("PENDING");
        assertThat(held.get("attempts")).as("holding is no attempt").isEqualTo(0);
        assertThat((String) held.get("last_error")).startsWith("quiet hours");

        // the hold is measured from the dispatcher's clock; make it due by the database's
        jdbc.sql("update line_push set next_attempt_at = now() where id = :id")
                .param("id", held.get("id"))
                .update();
        clock.setJst("2025-11-25T09:00");
        dispatcher.dispatchDue();

        assertThat(pushedTexts()).filteredOn(t -> t.contains("のその後")).hasSize(1);
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("のその後"));
    }

    @Test
    void shouldCountAPromotionalNoticeOnLineAgainstTheSameCapAsMail() {
        noticesOn();
        TestScenario first = TestScenarios.afterDelivery(jdbc, storefront.id(), "PROMOTIONAL");
        TestScenario second = TestScenarios.afterDelivery(jdbc, storefront.id(), "PROMOTIONAL");
        delivered(first);
        await().atMost(Duration.ofSeconds(20)).until(() -> stepStatus(second.template()) != null);

        clock.setJst("2025-11-24T10:00");
        rounds();

        assertThat(pushedTexts()).filteredOn(t -> t.contains("のその後")).hasSize(1);
        assertThat(List.of(stepStatus(first.template()), stepStatus(second.template())))
                .as("one a shop day: the other waits for the next morning")
                .containsExactlyInAnyOrder("ENQUEUED", "SCHEDULED");
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("のその後"));
    }

    @Test
    void shouldWithdrawAWaitingPromotionalNoticeWhenTheCustomerOptsOut() {
        noticesOn();
        TestScenario promotion = TestScenarios.afterDelivery(jdbc, storefront.id(), "PROMOTIONAL");
        delivered(promotion);
        clock.setJst("2025-11-24T10:00");
        scheduler.runDue();
        assertThat(stepStatus(promotion.template())).isEqualTo("ENQUEUED");

        consent.withdraw(new CustomerId(customer), clock.instant(), "test");
        rounds();

        assertThat(pushedTexts()).noneMatch(t -> t.contains("のその後"));
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("のその後"));
        assertThat(admin.get("/console/customers/" + customer).body()).contains("取りやめ（配信停止または注文のキャンセル）");
    }

    @Test
    void shouldWithdrawAWaitingShippingNoticeOnLineWhenTheOrderIsCancelled() {
        noticesOn();
        shippedAndQueued();
        assertThat(stepStatus("shipping-notice")).isEqualTo("ENQUEUED");

        api.postEvent(Events.progressed(Events.unique("evt"), "order.cancelled", number, "2025-11-20T16:30:00+09:00"));
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.sql("select count(*) from line_notice where customer_id = :c and outcome = 'WITHDRAWN'")
                                        .param("c", customer)
                                        .query(Long.class)
                                        .single()
                                == 1);
        rounds();

        assertThat(pushedTexts()).isEmpty();
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("発送しました"));
        assertThat(admin.get("/console/customers/" + customer).body()).contains("取りやめ（配信停止または注文のキャンセル）");
    }

    @Test
    void shouldDiscloseTheCustomersLineAccountAndTheNoticesSentThere() {
        noticesOn();
        shippedAndQueued();
        rounds();

        Map<String, List<Map<String, Object>>> sections =
                disclosures.export(new CustomerId(customer), "json", "admin").sections();

        assertThat(sections.get("line-accounts"))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("line_user_id", user));
        assertThat(sections.get("line-notices"))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("template", "shipping-notice")
                        .containsEntry("line_status", "SENT")
                        .hasEntrySatisfying(
                                "text_body", text -> assertThat((String) text).contains("4000-5555-6666")));
    }

    @Test
    void shouldWithdrawTheWaitingNoticeAndKeepNoWordOrAddressOfItWhenTheCustomerIsErased() {
        noticesOn();
        shippedAndQueued();

        erasures.erase(new CustomerId(customer), "admin", "開示・消去の請求");
        rounds();

        assertThat(pushedTexts()).isEmpty();
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("発送しました"));
        assertThat(jdbc.sql("""
                                select outcome || ' ' || subject || ' ' || text_body || ' ' || coalesce(mail_to, 'none')
                                  from line_notice where customer_id = :c
                                """).param("c", customer).query(String.class).list())
                .containsExactly("WITHDRAWN - - none");
    }

    @Test
    void shouldSendTheVisitConfirmationOnLineWithDatePlaceAndChangeLink() {
        noticesOn();
        Map<String, String> form = visitForm(email);

        assertThat(admin.postForm("/console/visits/new", "/console/visits", form)
                        .statusCode())
                .isEqualTo(302);
        rounds();

        assertThat(pushedTexts())
                .singleElement()
                .satisfies(text -> assertThat(text)
                        .contains("ご訪問日時のご確認")
                        .contains("2025-11-25 10:00–12:00")
                        .contains("東京都千代田区丸の内1-1-1")
                        .contains("/portal/visit?token="));
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("ご訪問日時のご確認"));
    }

    @Test
    void shouldBookAVisitFromTheLineOnlyCustomersPageAndConfirmItOnLine() throws Exception {
        noticesOn();
        String visitor = LineWebhook.newUser();
        webhook().signed(LineWebhook.textEvent(UUID.randomUUID().toString(), visitor, "修理に来てほしいです", false));
        long lineOnly = jdbc.sql("select customer_id from line_identity where line_user_id = :u")
                .param("u", visitor)
                .query(Long.class)
                .single();
        assertThat(admin.get("/console/customers/" + lineOnly).body())
                .as("links to take down a call or a visit for them, and nothing to reveal")
                .doesNotContain("id=\"reveal\"")
                .contains("/console/visits/new?customer=" + lineOnly)
                .contains("/console/calls/new?customer=" + lineOnly);
        assertThat(admin.get("/console/visits/new?customer=" + lineOnly).body())
                .as("the form knows the customer and the storefront that recorded them")
                .contains("id=\"known-customer\"")
                .contains("name=\"customer\" value=\"" + lineOnly + "\"")
                .contains("value=\"" + storefront.id().value() + "\" selected=\"selected\"");
        Map<String, String> form = visitForm("");
        form.put("customer", String.valueOf(lineOnly));
        String summary = "修理の訪問（LINEのお客様）" + Events.unique("visit");
        form.put("summary", summary);

        assertThat(admin.postForm("/console/visits/new?customer=" + lineOnly, "/console/visits", form)
                        .statusCode())
                .isEqualTo(302);
        rounds();

        assertThat(jdbc.sql("select customer_id from inquiry where subject = :s")
                        .param("s", summary)
                        .query(Long.class)
                        .list())
                .as("the visit is the LINE-only customer's, no new record made")
                .containsExactly(lineOnly);
        assertThat(pushedTexts(visitor))
                .singleElement()
                .satisfies(text -> assertThat(text).contains("ご訪問日時のご確認").contains("2025-11-25 10:00–12:00"));
    }

    @Test
    void shouldRefuseAVisitWithNeitherContactNorAKnownCustomerAndOneForACustomerWhoIsNoMore() {
        Map<String, String> nobody = visitForm("");
        nobody.put("summary", "連絡先のない訪問");
        Map<String, String> unknown = visitForm("");
        unknown.put("customer", "-7");
        unknown.put("summary", "連絡先のない訪問");

        var refused = admin.postForm("/console/visits/new", "/console/visits", nobody);
        var stranger = admin.postForm("/console/visits/new", "/console/visits", unknown);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("メールアドレスか電話番号のどちらかを入力してください。");
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("id=\"customer-error\"").contains("このお客様の記録はありません");
        assertThat(jdbc.sql("select count(*) from inquiry where subject = '連絡先のない訪問'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** A visit on 2025-11-25 10:00–12:00 at this storefront, for {@code email} (blank: none given). */
    private Map<String, String> visitForm(String email) {
        Map<String, String> form = new HashMap<>();
        form.put("customerEmail", email);
        form.put("customerName", "山田 花子");
        form.put("customerPhone", "");
        form.put("summary", "設置の確認");
        form.put("category", "PRODUCT");
        form.put("priority", "NORMAL");
        form.put("storefront", String.valueOf(storefront.id().value()));
        form.put("orderNumber", "");
        form.put("address", "東京都千代田区丸の内1-1-1");
        form.put("slotStart", "2025-11-25T10:00");
        form.put("slotEnd", "2025-11-25T12:00");
        form.put("staff", "佐藤 健");
        return form;
    }

    /** The scenario this order's shipping notice belongs to. */
    private long shippingNoticeScenario() {
        return jdbc.sql("""
                        select st.scenario_id from step_mail m join enrolment e on e.id = m.enrolment_id
                          join scenario_step st on st.id = m.step_id join customer_order o on o.id = e.order_id
                         where o.order_number = :n and st.template = 'shipping-notice'
                        """).param("n", number).query(Long.class).single();
    }

    /** The shipping notice step's figures in that scenario, as the step mail console shows them. */
    private Scenarios.Figures shippingNoticeFigures() {
        return scenarios.find(shippingNoticeScenario()).steps().stream()
                .filter(step -> step.template().equals("shipping-notice"))
                .findFirst()
                .orElseThrow()
                .figures();
    }

    /** What the visit confirmation's template asks for. */
    private static Map<String, Object> visitVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("shopName", "テスト店");
        variables.put("customerName", "山田 花子");
        variables.put("inquiryReference", "INQ-2025-000001");
        variables.put("referenceTag", "[INQ-2025-000001]");
        variables.put("visitWhen", "2025-11-25 10:00–12:00");
        variables.put("visitPlace", "東京都千代田区丸の内1-1-1");
        variables.put("changeUrl", "https://example.jp/portal/visit?token=x");
        return variables;
    }

    private void assertMailedOnceAndNotPushed() {
        assertThat(TestMailServer.subjectsTo(email))
                .filteredOn(s -> s.contains("発送しました"))
                .hasSize(1);
        assertThat(pushedTexts()).isEmpty();
    }

    /** Delivered on the 21st at 11:00: the test scenario's step is due on the 24th at 10:00. */
    private void delivered(TestScenario scenario) {
        api.postEvent(Events.progressed(Events.unique("evt"), "order.delivered", number, "2025-11-21T11:00:00+09:00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> stepStatus(scenario.template()) != null);
    }
}
