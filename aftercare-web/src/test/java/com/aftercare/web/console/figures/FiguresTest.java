package com.aftercare.web.console.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ReportingPeriod;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryFigures;
import com.aftercare.inquiry.Priority;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestInquiries;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
 * The figures of a small, known set of inquiries, limited to this test's own storefront so that
 * every number is exact. Times are in Tokyo; two inquiries sit on either side of midnight.
 *
 * <pre>
 * I1 03-10 10:00 EMAIL/SHIPPING  A  answered +1h,   resolved +4h  (03-10 14:00)  CSAT 5
 * I2 03-10 23:30 CHAT/PRODUCT    B  answered +3h,   resolved +10h (03-11 09:30)  CSAT 1
 * I3 03-11 00:10 EMAIL/SHIPPING  A  answered +30m,  open
 * I4 03-09 23:50 EMAIL/OTHER     -  before the period
 * I5 03-13 00:00 EMAIL/OTHER     -  after the period
 * </pre>
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class FiguresTest {

    static final LocalDate FROM = LocalDate.parse("2031-03-10");
    static final LocalDate TO = LocalDate.parse("2031-03-12");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Inquiries inquiries;

    @Autowired
    InquiryFigures figures;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    String a;
    String b;
    String supervisor;

    @BeforeEach
    void setUp() {
        storefront = TestStorefronts.create(storefronts);
        a = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        b = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        supervisor = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);
        String i1 = open("2031-03-10T10:00", Channel.EMAIL, Category.SHIPPING);
        String i2 = open("2031-03-10T23:30", Channel.CHAT, Category.PRODUCT);
        String i3 = open("2031-03-11T00:10", Channel.EMAIL, Category.SHIPPING);
        open("2031-03-09T23:50", Channel.EMAIL, Category.OTHER);
        open("2031-03-13T00:00", Channel.EMAIL, Category.OTHER);
        work(i1, a, "2031-03-10T11:00", "2031-03-10T14:00");
        work(i2, b, "2031-03-11T02:30", "2031-03-11T09:30");
        work(i3, a, "2031-03-11T00:40", null);
        answer(i1, 5);
        answer(i2, 1);
    }

    @AfterEach
    void closeInquiries() {
        TestInquiries.closeAllOf(jdbc, storefront.id());
    }

    String open(String at, Channel channel, Category category) {
        clock.setJst(at);
        return inquiries
                .open(new Inquiries.OpenInquiry(
                        storefront.id(),
                        channel,
                        Events.unique("fig") + "@example.jp",
                        "田中 太郎",
                        null,
                        null,
                        category,
                        Priority.NORMAL,
                        "質問",
                        "お尋ねします。",
                        null))
                .reference();
    }

    void work(String reference, String operator, String answeredAt, String resolvedAt) {
        inquiries.take(reference, operator);
        clock.setJst(answeredAt);
        // a CHAT among them: its storefront takes no chat webhook, so the operator confirms a mail
        inquiries.reply(new Inquiries.Reply(reference, operator, "ご連絡ありがとうございます。", true));
        if (resolvedAt != null) {
            clock.setJst(resolvedAt);
            inquiries.resolve(reference, operator);
        }
    }

    void answer(String reference, int score) {
        jdbc.sql("""
                        insert into inquiry_satisfaction (inquiry_id, score)
                        select id, :score from inquiry where reference = :r
                        """).param("score", score).param("r", reference).update();
    }

    @Test
    void shouldComputeResponseResolutionAndSatisfactionExactly() {
        InquiryFigures.Figures f = figures.of(FROM, TO, storefront.id());

        InquiryFigures.Measures total = f.total();
        assertThat(total.opened()).isEqualTo(3);
        assertThat(total.resolved()).isEqualTo(2);
        assertThat(total.firstResponse())
                .isEqualTo(new InquiryFigures.Times(3, Duration.ofHours(1), Duration.ofMinutes(90)));
        // median of 4h and 10h interpolates to 7h, as does the average
        assertThat(total.resolution()).isEqualTo(new InquiryFigures.Times(2, Duration.ofHours(7), Duration.ofHours(7)));
        // in business hours (Mon–Fri 10:00–18:00, as the SLA counts): 1 h, 0 and 0 (answered at night)
        assertThat(total.firstResponseBusiness())
                .isEqualTo(new InquiryFigures.Times(3, Duration.ZERO, Duration.ofMinutes(20)));
        // 4 h (Monday 10:00 to 14:00) and 0 (Monday night to Tuesday 09:30)
        assertThat(total.resolutionBusiness())
                .isEqualTo(new InquiryFigures.Times(2, Duration.ofHours(2), Duration.ofHours(2)));
        // NORMAL priority: one business day to answer and three to resolve, all kept
        assertThat(total.sla()).isEqualTo(new InquiryFigures.Attainment(3, 3, 2, 2));
        assertThat(total.sla().firstResponsePercent()).isEqualByComparingTo("100.0");
        // the chat's answer came a minute after its due time
        jdbc.sql("""
                        update inquiry set first_response_due_at = first_responded_at - interval '1 minute'
                         where storefront_id = :s and channel = 'CHAT'
                        """).param("s", storefront.id().value()).update();
        InquiryFigures.Attainment missed =
                figures.of(FROM, TO, storefront.id()).total().sla();
        assertThat(missed).isEqualTo(new InquiryFigures.Attainment(3, 2, 2, 2));
        assertThat(missed.firstResponsePercent()).isEqualByComparingTo("66.7");
        assertThat(total.csat().count()).isEqualTo(2);
        assertThat(total.csat().average()).isEqualByComparingTo("3.00");
        assertThat(total.csat().low()).isEqualTo(1);
        assertThat(total.csat().lowPercent()).isEqualByComparingTo("50.0");
    }

    @Test
    void shouldCountByChannelCategoryAndOperator() {
        InquiryFigures.Figures f = figures.of(FROM, TO, storefront.id());

        assertThat(f.byChannel())
                .containsExactly(
                        Map.entry(Channel.PHONE, 0L),
                        Map.entry(Channel.EMAIL, 2L),
                        Map.entry(Channel.CHAT, 1L),
                        Map.entry(Channel.VISIT, 0L),
                        Map.entry(Channel.WEB_FORM, 0L),
                        Map.entry(Channel.LINE, 0L));
        assertThat(f.byCategory())
                .containsEntry(Category.SHIPPING, 2L)
                .containsEntry(Category.PRODUCT, 1L)
                .containsEntry(Category.OTHER, 0L);
        assertThat(f.perOperator())
                .extracting(InquiryFigures.OperatorMeasures::operator)
                .containsExactly(List.of(a, b).stream().sorted().toArray(String[]::new));
        InquiryFigures.Measures ofA = measuresOf(f, a);
        assertThat(ofA.opened()).isEqualTo(2);
        assertThat(ofA.resolved()).isEqualTo(1);
        assertThat(ofA.firstResponse().median()).isEqualTo(Duration.ofMinutes(45));
        assertThat(ofA.csat().average()).isEqualByComparingTo("5.00");
        InquiryFigures.Measures ofB = measuresOf(f, b);
        assertThat(ofB.resolution().median()).isEqualTo(Duration.ofHours(10));
        assertThat(ofB.csat().low()).isEqualTo(1);
    }

    @Test
    void shouldCountEachDayFromMidnightToMidnightInTokyo() {
        assertThat(figures.of(FROM, TO, storefront.id()).perDay())
                .containsExactly(
                        new InquiryFigures.DayCount(LocalDate.parse("2031-03-10"), 2, 1),
                        new InquiryFigures.DayCount(LocalDate.parse("2031-03-11"), 1, 1),
                        new InquiryFigures.DayCount(LocalDate.parse("2031-03-12"), 0, 0));
        // one day: only the inquiry opened after midnight, and the one resolved that morning
        InquiryFigures.Figures eleventh =
                figures.of(LocalDate.parse("2031-03-11"), LocalDate.parse("2031-03-11"), storefront.id());
        assertThat(eleventh.total().opened()).isEqualTo(1);
        assertThat(eleventh.perDay()).containsExactly(new InquiryFigures.DayCount(LocalDate.parse("2031-03-11"), 1, 1));
    }

    @Test
    void shouldRefuseAPeriodThatEndsBeforeItStartsOrIsTooLong() {
        assertThatThrownBy(() -> figures.of(TO, FROM, null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> figures.of(FROM, FROM.plusDays(InquiryFigures.MAX_DAYS), null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void shouldShowTheFiguresWithChartsToASupervisor() {
        ConsoleClient console = ConsoleClient.loggedInAs(port, supervisor, TestOperators.PASSWORD);

        HttpResponse<String> page = console.get("/console/figures?from=2031-03-10&to=2031-03-12&storefront="
                + storefront.id().value());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<dd id=\"opened\">3</dd>")
                .contains("<span class=\"median\">1.0 時間</span>")
                .contains("<span class=\"average\">1.5 時間</span>")
                .contains("5点中 3.00（回答 2 件、低評価 50.0%）")
                .contains("<dd id=\"sla\">初回返信 100.0%、解決 100.0%</dd>")
                .contains("<dd id=\"first-response-business\"><span class=\"median\">0.0 時間</span>")
                .contains("<svg class=\"chart\"")
                .contains("id=\"day-2031-03-10\"")
                .doesNotContain("cdn");
    }

    @Test
    void shouldAnswerABadPeriodWithFieldMessages() {
        ConsoleClient console = ConsoleClient.loggedInAs(port, supervisor, TestOperators.PASSWORD);

        HttpResponse<String> backwards = console.get("/console/figures?from=2031-03-12&to=2031-03-10");
        HttpResponse<String> garbled = console.get("/console/figures?from=yesterday&to=2031-03-10");
        HttpResponse<String> forged =
                console.get("/console/figures?from=2031-03-10&to=2031-03-12&storefront=999999999");

        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("to-error").contains("終了日は開始日以降、366日以内にしてください。");
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("from-error").contains("2026-11-01 のような日付を入力してください。");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("storefront-error");
    }

    @Test
    void shouldForbidTheFiguresToAnOperator() {
        ConsoleClient console = ConsoleClient.loggedInAs(port, a, TestOperators.PASSWORD);

        assertThat(console.get("/console/figures").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldDefaultToTheLastThirtyDaysInTokyo() {
        clock.setJst("2031-03-12T08:00");

        assertThat(figures.lastThirtyDays())
                .isEqualTo(new ReportingPeriod(LocalDate.parse("2031-02-11"), LocalDate.parse("2031-03-12")));
    }

    static InquiryFigures.Measures measuresOf(InquiryFigures.Figures f, String operator) {
        return f.perOperator().stream()
                .filter(o -> o.operator().equals(operator))
                .findFirst()
                .orElseThrow()
                .measures();
    }
}
