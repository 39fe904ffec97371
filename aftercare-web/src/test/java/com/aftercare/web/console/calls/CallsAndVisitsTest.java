package com.aftercare.web.console.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.SignedTokens;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.inquiry.MessageView;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestInquiries;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestOperators;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Phone calls and visits taken down in the console, on a clock the test sets: Tuesday
 * 2026-11-24 09:00 in Tokyo, phone hours Mon–Fri 10:00–18:00.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class CallsAndVisitsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Inquiries inquiries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailDispatcher mailDispatcher;

    @Autowired
    SignedTokens tokens;

    ConsoleClient console;
    String email;

    @BeforeEach
    void setUp() {
        clock.setJst("2026-11-24T09:00");
        String operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        console = ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD);
        email = Events.unique("call") + "@example.jp";
    }

    @AfterEach
    void closeInquiries() {
        TestInquiries.closeAllOfCustomer(jdbc, email);
    }

    Map<String, String> call(String callbackAt) {
        Map<String, String> form = new HashMap<>();
        form.put("caller", "山田 花子（ご本人）");
        form.put("customerEmail", email);
        form.put("customerName", "山田 花子");
        form.put("customerPhone", "090-1234-5678");
        form.put("summary", "配送状況の確認\n明日届くか知りたいとのこと。");
        form.put("category", "SHIPPING");
        form.put("priority", "NORMAL");
        form.put("storefront", "");
        form.put("orderNumber", "");
        if (callbackAt != null) {
            form.put("callbackWanted", "true");
            form.put("callbackAt", callbackAt);
        }
        return form;
    }

    Map<String, String> visit(String start, String end) {
        Map<String, String> form = new HashMap<>();
        form.put("customerEmail", email);
        form.put("customerName", "山田 花子");
        form.put("customerPhone", "");
        form.put("summary", "洗濯機の設置不良の確認");
        form.put("category", "PRODUCT");
        form.put("priority", "HIGH");
        form.put("storefront", "");
        form.put("orderNumber", "");
        form.put("address", "東京都千代田区丸の内1-1-1");
        form.put("slotStart", start);
        form.put("slotEnd", end);
        form.put("staff", "佐藤 健");
        return form;
    }

    HttpResponse<String> logCall(Map<String, String> form) {
        return console.postForm("/console/calls/new", "/console/calls", form);
    }

    HttpResponse<String> bookVisit(Map<String, String> form) {
        return console.postForm("/console/visits/new", "/console/visits", form);
    }

    long inquiriesOfTheCustomer() {
        return jdbc.sql("""
                        select count(*) from inquiry i join customer c on c.id = i.customer_id
                         where c.email_normalized = :e
                        """).param("e", email).query(Long.class).single();
    }

    InquiryView opened(HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElseThrow();
        return inquiries.find(location.substring(location.lastIndexOf('/') + 1)).orElseThrow();
    }

    @Test
    void shouldLogACallWithACallbackInsideThePhoneHours() {
        HttpResponse<String> answer = logCall(call("2026-11-24 14:00"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        InquiryView inquiry = opened(answer);
        assertThat(inquiry.channel()).isEqualTo(Channel.PHONE);
        assertThat(inquiry.subject()).isEqualTo("配送状況の確認");
        assertThat(inquiry.details().phoneCaller()).isEqualTo("山田 花子（ご本人）");
        assertThat(inquiry.details().callbackWanted()).isTrue();
        assertThat(inquiry.details().callbackAt()).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
        assertThat(console.get("/console/inquiries/" + inquiry.reference()).body())
                .contains("id=\"callback-at\"")
                .contains("2026-11-24 14:00");
    }

    @Test
    void shouldRefuseACallbackAtEightInTheEvening() {
        HttpResponse<String> answer = logCall(call("2026-11-24T20:00"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("callbackAt-error").contains("電話受付時間内の、これから先の日時を指定してください。");
        assertThat(inquiriesOfTheCustomer()).isZero();
    }

    @Test
    void shouldRefuseACallbackOnASunday() {
        HttpResponse<String> answer = logCall(call("2026-11-29T14:00"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("callbackAt-error");
        assertThat(inquiriesOfTheCustomer()).isZero();
    }

    @Test
    void shouldRefuseACallbackInThePast() {
        HttpResponse<String> answer = logCall(call("2026-11-23T14:00"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("callbackAt-error");
        assertThat(inquiriesOfTheCustomer()).isZero();
    }

    @Test
    void shouldRefuseAWantedCallbackWithoutATimeOrWithAGarbledOne() {
        Map<String, String> withoutTime = call("");
        HttpResponse<String> missing = logCall(withoutTime);
        HttpResponse<String> garbled = logCall(call("tomorrow"));

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("callbackAt-error");
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("callbackAt-error").contains("2026-12-24 14:00 のような日時を入力してください。");
        assertThat(inquiriesOfTheCustomer()).isZero();
    }

    @Test
    void shouldRefuseACallWithoutACaller() {
        Map<String, String> form = call(null);
        form.put("caller", "  ");

        HttpResponse<String> answer = logCall(form);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("caller-error");
        assertThat(inquiriesOfTheCustomer()).isZero();
    }

    @Test
    void shouldRefuseAnOrderNumberWithoutItsStorefrontAndAForgedStorefront() {
        Map<String, String> orderOnly = call(null);
        orderOnly.put("orderNumber", "A-1001");
        Map<String, String> forged = call(null);
        forged.put("storefront", "999999999");

        HttpResponse<String> noStorefront = logCall(orderOnly);
        HttpResponse<String> unknown = logCall(forged);

        assertThat(noStorefront.statusCode()).isEqualTo(400);
        assertThat(noStorefront.body()).contains("orderNumber-error");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("storefront-error");
        assertThat(inquiriesOfTheCustomer()).isZero();
    }

    @Test
    void shouldBookAVisitWithItsSlotAndStaff() {
        HttpResponse<String> answer = bookVisit(visit("2026-11-26T13:00", "2026-11-26T15:00"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        InquiryView inquiry = opened(answer);
        assertThat(inquiry.channel()).isEqualTo(Channel.VISIT);
        assertThat(inquiry.details().visitAddress()).isEqualTo("東京都千代田区丸の内1-1-1");
        assertThat(inquiry.details().visitSlotStart()).isEqualTo(Instant.parse("2026-11-26T04:00:00Z"));
        assertThat(inquiry.details().visitSlotEnd()).isEqualTo(Instant.parse("2026-11-26T06:00:00Z"));
        assertThat(inquiry.details().visitStaff()).isEqualTo("佐藤 健");
    }

    @Test
    void shouldRefuseAVisitThatEndsBeforeItStarts() {
        HttpResponse<String> answer = bookVisit(visit("2026-11-26T15:00", "2026-11-26T13:00"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("slotEnd-error").contains("訪問終了は開始より後にしてください。");
        assertThat(inquiriesOfTheCustomer()).isZero();
    }

    @Test
    void shouldRefuseAVisitInThePastOrWithoutAnAddress() {
        HttpResponse<String> past = bookVisit(visit("2026-11-20T13:00", "2026-11-20T15:00"));
        Map<String, String> noAddress = visit("2026-11-26T13:00", "2026-11-26T15:00");
        noAddress.put("address", "");
        HttpResponse<String> withoutAddress = bookVisit(noAddress);

        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("slotStart-error");
        assertThat(withoutAddress.statusCode()).isEqualTo(400);
        assertThat(withoutAddress.body()).contains("address-error");
        assertThat(inquiriesOfTheCustomer()).isZero();
    }

    @Test
    void shouldListTodaysAndOverdueCallbacksButNotTomorrows() {
        String early = opened(logCall(call("2026-11-24T10:30"))).reference();
        String later = opened(logCall(call("2026-11-24T17:00"))).reference();
        String tomorrow = opened(logCall(call("2026-11-25T10:30"))).reference();
        clock.setJst("2026-11-24T11:00");

        String page = console.get("/console/callbacks").body();

        assertThat(page)
                .contains("callback-" + early)
                .contains("callback-" + later)
                .doesNotContain(tomorrow);
        assertThat(page.substring(page.indexOf("callback-" + early), page.indexOf("callback-" + later)))
                .contains("期限超過");
        assertThat(page.substring(page.indexOf("callback-" + later))).doesNotContain("期限超過");
    }

    @Test
    void shouldMarkACallbackMadeSoItLeavesTheListStaysOnTheInquiryAndShowsOnTheTimeline() {
        InquiryView call = opened(logCall(call("2026-11-24T10:30")));
        String reference = call.reference();
        clock.setJst("2026-11-24T11:00");
        long customer = call.customer().value();
        assertThat(console.get("/console/customers/" + customer).body()).contains("この時刻に折り返す約束");

        HttpResponse<String> done =
                console.postForm("/console/callbacks", "/console/callbacks/" + reference + "/done", Map.of());

        assertThat(done.statusCode()).isEqualTo(302);
        String list = console.get("/console/callbacks").body();
        assertThat(list).contains("折り返し電話を済みにしました。").doesNotContain("callback-" + reference);
        assertThat(inquiries.find(reference).orElseThrow().details().callbackDoneAt())
                .isEqualTo(java.time.Instant.parse("2026-11-24T02:00:00Z"));
        assertThat(console.get("/console/inquiries/" + reference).body()).contains("id=\"callback-done\"");
        assertThat(console.get("/console/customers/" + customer).body())
                .contains("折り返し電話済み")
                .contains("折り返しの予定時刻(済み)");

        HttpResponse<String> again =
                console.postForm("/console/callbacks", "/console/callbacks/" + reference + "/done", Map.of());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(console.get("/console/callbacks").body()).contains("この折り返しはすでに済んでいるか、約束されていません。");
    }

    @Test
    void shouldRefuseMarkingACallbackWithoutCsrfOrOnACallWithoutOne() {
        String reference = opened(logCall(call("2026-11-24T10:30"))).reference();
        String none = opened(logCall(call(null))).reference();

        HttpResponse<String> forged = console.postWithoutToken("/console/callbacks/" + reference + "/done", Map.of());
        HttpResponse<String> noCallback =
                console.postForm("/console/callbacks", "/console/callbacks/" + none + "/done", Map.of());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(inquiries.find(reference).orElseThrow().details().callbackDoneAt())
                .isNull();
        assertThat(noCallback.statusCode()).isEqualTo(302);
        assertThat(inquiries.find(none).orElseThrow().details().callbackDoneAt())
                .isNull();
        HttpResponse<String> unknown =
                console.postForm("/console/callbacks", "/console/callbacks/INQ-1900-000001/done", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldMailAVisitConfirmationWithDatePlaceAndALinkThatAsksForAnotherTimeInTheInquiry() throws Exception {
        String reference =
                opened(bookVisit(visit("2026-11-25T10:00", "2026-11-25T12:00"))).reference();
        mailDispatcher.dispatchDue();

        jakarta.mail.internet.MimeMessage mail = org.assertj.core.api.Assertions.assertThat(
                        TestMailServer.receivedBy(email))
                .singleElement()
                .actual();
        String text = TestMailServer.textOf(mail);
        assertThat(TestMailServer.subjectOf(mail)).contains("ご訪問日時のご確認").contains(reference);
        assertThat(text)
                .contains("2026-11-25 10:00–12:00")
                .contains("東京都千代田区丸の内1-1-1")
                .contains("/portal/visit?token=");
        java.util.regex.Matcher link =
                java.util.regex.Pattern.compile("/portal/visit\\?token=\\S+").matcher(text);
        assertThat(link.find()).isTrue();
        String page = link.group();
        ConsoleClient customer = new ConsoleClient(port);

        assertThat(customer.get(page).body()).contains("2026-11-25 10:00–12:00").contains("東京都千代田区丸の内1-1-1");
        HttpResponse<String> empty = customer.postForm(page, page, Map.of("wish", " "));
        HttpResponse<String> asked = customer.postForm(page, page, Map.of("wish", "来週の午後でお願いします。"));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("ご希望を承りました");
        assertThat(inquiries.find(reference).orElseThrow().messages())
                .extracting(MessageView::body)
                .containsExactly("洗濯機の設置不良の確認", "来週の午後でお願いします。");
    }

    @Test
    void shouldRefuseATamperedOrForeignVisitLinkAndWriteNothing() throws Exception {
        String reference =
                opened(bookVisit(visit("2026-11-25T10:00", "2026-11-25T12:00"))).reference();
        mailDispatcher.dispatchDue();
        String text = TestMailServer.textOf(TestMailServer.receivedBy(email).get(0));
        java.util.regex.Matcher link =
                java.util.regex.Pattern.compile("token=(\\S+)").matcher(text);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        long id = jdbc.sql("select id from inquiry where reference = :r")
                .param("r", reference)
                .query(Long.class)
                .single();
        ConsoleClient customer = new ConsoleClient(port);

        assertThat(customer.get("/portal/visit?token=" + tampered).statusCode()).isEqualTo(400);
        assertThat(customer.get("/portal/visit").statusCode()).isEqualTo(400);
        assertThat(customer.get("/portal/visit?token="
                                + java.net.URLEncoder.encode(
                                        tokens.sign(
                                                "csat",
                                                Long.toString(id),
                                                java.time.Instant.parse("2030-01-01T00:00:00Z")),
                                        java.nio.charset.StandardCharsets.UTF_8))
                        .statusCode())
                .as("a token for another purpose")
                .isEqualTo(400);
        HttpResponse<String> forged = customer.postForm(
                "/portal/visit?token=" + token, "/portal/visit?token=" + tampered, Map.of("wish", "改ざん"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(inquiries.find(reference).orElseThrow().messages()).hasSize(1);
    }
}
