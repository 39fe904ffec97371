package com.aftercare.web.console.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.Priority;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestInquiries;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every console list downloads as CSV, over a real port: UTF-8 with a byte-order mark (or
 * Windows-31J on request), the page's own filter, masked columns masked, formula-looking cells
 * kept as text, each export audited, and a list closed to a role closed as a file too.
 */
@AftercareIntegrationTest
public class CsvExportTest {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final Charset MS932 = Charset.forName("windows-31j");

    @LocalServerPort
    int port;

    @Autowired
    Inquiries inquiries;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    String operator;
    ConsoleClient console;

    @BeforeEach
    void setUp() {
        storefront = TestStorefronts.create(storefronts);
        operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        console = ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD);
    }

    @AfterEach
    void tearDown() {
        TestInquiries.closeAllOf(jdbc, storefront.id());
    }

    @Test
    void shouldDownloadTheInquiryQueueAsUtf8WithAByteOrderMarkInTheOperatorsLanguage() throws Exception {
        String mine = open("高橋 美咲", "マグカップが欠けていました", operator);

        HttpResponse<byte[]> csv = console.download("/console/inquiries/export?filter=mine");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"inquiries-")
                .contains("filename*=UTF-8''" + URLEncoder.encode("問い合わせ一覧", StandardCharsets.UTF_8));
        assertThat(Arrays.copyOf(csv.body(), 3)).isEqualTo(BOM);
        List<CSVRecord> rows =
                parse(strictly(StandardCharsets.UTF_8, csv.body()).substring(1));
        assertThat(rows.get(0).get(0)).isEqualTo("お問い合わせ番号");
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get(0)).isEqualTo(mine);
            assertThat(row.get(2)).isEqualTo("高橋 美咲");
            assertThat(row.get(3)).isEqualTo("お問い合わせフォーム");
        });
    }

    @Test
    void shouldKeepToThePagesFilterAndAuditTheExportWithItsRowCount() throws Exception {
        String mine = open("高橋 美咲", "箱がつぶれていました", operator);
        String someoneElses =
                open("佐藤 健", "色が違いました", TestOperators.create(operators, passwords, Operators.Role.OPERATOR));

        HttpResponse<byte[]> csv = console.download("/console/inquiries/export?filter=all&assignee=" + operator);

        List<String> references = parse(new String(csv.body(), StandardCharsets.UTF_8).substring(1)).stream()
                .skip(1)
                .map(r -> r.get(0))
                .toList();
        assertThat(references).containsExactly(mine).doesNotContain(someoneElses);
        Map<String, Object> audit =
                jdbc.sql("""
                        select target_id, details->'filter'->>'assignee' as assignee, (details->>'rows')::int as rows,
                               (details->>'complete')::boolean as complete
                          from audit_log where actor = :actor and action = 'csv.exported'
                        """).param("actor", operator).query().singleRow();
        assertThat(audit)
                .containsEntry("target_id", "inquiries")
                .containsEntry("assignee", operator)
                .containsEntry("rows", 1)
                .containsEntry("complete", true);
    }

    @Test
    void shouldWriteShiftJisOnRequestWithJapaneseIntactAndUnencodableCharactersVisible() throws Exception {
        open("髙橋 𠮷子", "＝サイズ交換希望～", operator);

        HttpResponse<byte[]> csv = console.download("/console/inquiries/export?filter=mine&charset=shift_jis");

        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("windows-31j");
        assertThat(Arrays.copyOf(csv.body(), 3)).isNotEqualTo(BOM);
        List<CSVRecord> rows = parse(strictly(MS932, csv.body()));
        assertThat(rows.get(0).get(0)).isEqualTo("お問い合わせ番号");
        // 髙 and ～ are in Windows-31J (not in strict Shift_JIS); 𠮷 is in neither, so it shows as '?'
        assertThat(rows.get(1).get(2)).isEqualTo("髙橋 ?子");
        assertThat(rows.get(1).get(1)).isEqualTo("＝サイズ交換希望～");
    }

    @Test
    void shouldKeepACellThatLooksLikeAFormulaAsText() throws Exception {
        open("=HYPERLINK(\"http://evil.example\",\"開く\")", "+81 3 1234", operator);

        HttpResponse<byte[]> csv = console.download("/console/inquiries/export?filter=mine");

        CSVRecord row = parse(new String(csv.body(), StandardCharsets.UTF_8).substring(1))
                .get(1);
        assertThat(row.get(2)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"開く\")");
        assertThat(row.get(1)).isEqualTo("'+81 3 1234");
    }

    @Test
    void shouldRefuseAnUnknownCharsetBeforeWritingAFile() {
        HttpResponse<byte[]> csv = console.download("/console/inquiries/export?charset=ebcdic");

        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(csv.headers().firstValue("Content-Disposition")).isEmpty();
    }

    @Test
    void shouldExportOnlyTheClaimsAndOrdersTheFilterFinds() throws Exception {
        Api api = new Api(port, storefront.key());
        // delivered two days ago on the real clock, so both are within the return window
        String deliveredAt = OffsetDateTime.now(ZoneOffset.ofHours(9))
                .minusDays(2)
                .withNano(0)
                .toString();
        TestOrder first = ClaimFixtures.delivered(api, "CARD", false, deliveredAt);
        TestOrder second = ClaimFixtures.delivered(api, "CARD", false, deliveredAt);
        String wanted = returnOf(api, first);
        String other = returnOf(api, second);

        List<CSVRecord> claims = rows(console.download("/console/claims/export?status=open&q=" + wanted));
        List<CSVRecord> orders = rows(console.download("/console/search/export?in=orders&q=" + second.number()));

        assertThat(claims.get(0).get(0)).isEqualTo("受付番号");
        assertThat(claims.stream().skip(1).map(r -> r.get(0)))
                .containsExactly(wanted)
                .doesNotContain(other);
        assertThat(claims.get(1).get(4)).isEqualTo(first.number());
        assertThat(orders.stream().skip(1).map(r -> r.get(0))).containsExactly(second.number());
    }

    @Test
    void shouldKeepEmailAndPhoneMaskedUnlessASupervisorAsksForThemWholeAndAuditsThat() throws Exception {
        String word = "csv" + Events.unique("m").replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
        String email = word + "@example.jp";
        inquiries.open(new Inquiries.OpenInquiry(
                storefront.id(),
                Channel.PHONE,
                email,
                "高橋 " + word,
                "090-1234-5678",
                null,
                Category.PRODUCT,
                Priority.NORMAL,
                "電話でのお問い合わせ",
                "本文",
                operator));

        List<CSVRecord> masked = rows(console.download("/console/search/export?in=customers&q=" + word));
        HttpResponse<byte[]> refused = console.download("/console/search/export?in=customers&reveal=true&q=" + word);
        String supervisor = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);
        List<CSVRecord> whole = rows(ConsoleClient.loggedInAs(port, supervisor, TestOperators.PASSWORD)
                .download("/console/search/export?in=customers&reveal=true&q=" + word));

        assertThat(masked).hasSize(2);
        assertThat(masked.get(1).get(0)).isEqualTo("高橋 " + word);
        assertThat(masked.get(1).get(2))
                .isNotEqualTo(email)
                .doesNotContain(word)
                .endsWith("@example.jp");
        assertThat(masked.get(1).get(3)).isNotEqualTo("090-1234-5678").endsWith("5678");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(whole.get(1).get(2)).isEqualTo(email);
        assertThat(whole.get(1).get(3)).isEqualTo("090-1234-5678");
        assertThat(jdbc.sql("""
                        select (details->'filter'->>'reveal')::boolean from audit_log
                         where actor = :actor and action = 'csv.exported' and target_id = 'customers'
                        """).param("actor", supervisor).query(Boolean.class).list())
                .containsExactly(true);
    }

    @Test
    void shouldCloseAListsFileToARoleTheListIsClosedTo() {
        assertThat(console.download("/console/marketing/coupons/export").statusCode())
                .isEqualTo(403);
        assertThat(console.download("/console/figures/export?table=days").statusCode())
                .isEqualTo(403);
        assertThat(console.download("/console/admin/mail/export?state=SENT").statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = :actor and action = 'csv.exported'")
                        .param("actor", operator)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldExportCouponsFiguresAndTheDeliveryLogToThoseWhoSeeThem() throws Exception {
        String supervisor = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);
        ConsoleClient supervisors = ConsoleClient.loggedInAs(port, supervisor, TestOperators.PASSWORD);
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);

        List<CSVRecord> coupons = rows(supervisors.download("/console/marketing/coupons/export"));
        List<CSVRecord> days =
                rows(supervisors.download("/console/figures/export?table=days&from=2026-11-01&to=2026-11-03"));
        List<CSVRecord> mail = rows(admin.download("/console/admin/mail/export?state=SENT"));
        List<CSVRecord> reasons = rows(console.download("/console/claims/figures/export?table=reasons"));

        assertThat(coupons.get(0).get(0)).isEqualTo("名前");
        assertThat(days.stream().skip(1).map(r -> r.get(0))).containsExactly("2026-11-01", "2026-11-02", "2026-11-03");
        assertThat(mail.get(0).get(1)).isEqualTo("宛先");
        assertThat(reasons.get(0).get(0)).isEqualTo("理由");
        assertThat(console.download("/console/claims/figures/export?table=reasons&from=yesterday")
                        .statusCode())
                .isEqualTo(400);
        assertThat(supervisors
                        .download("/console/figures/export?table=nonsense")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void shouldLinkEachListToItsFileWithTheFilterThePageShows() {
        open("高橋 美咲", "リンクの確認", operator);

        String queue =
                console.get("/console/inquiries?filter=mine&team=returns").body();
        String claims = console.get("/console/claims?status=REQUESTED&q=R-1").body();

        assertThat(queue)
                .contains(
                        "href=\"/console/inquiries/export?filter=mine&amp;assignee=&amp;team=returns&amp;storefront=\"")
                .contains("href=\"/console/inquiries/export?filter=mine&amp;assignee=&amp;team=returns&amp;storefront="
                        + "&amp;charset=shift_jis\"");
        assertThat(claims).contains("href=\"/console/claims/export?status=REQUESTED&amp;q=R-1\"");
    }

    private static String returnOf(Api api, TestOrder order) {
        return api.postJson("/api/v1/returns", """
                        {"orderNumber": "%s", "type": "RETURN", "reason": "SIZE",
                         "lines": [{"sku": "%s", "quantity": 1}]}""".formatted(order.number(), order.shirt()))
                .json()
                .get("rma")
                .asString();
    }

    /** A UTF-8 download's rows, after checking it starts with the byte-order mark. */
    public static List<CSVRecord> rows(HttpResponse<byte[]> csv) throws IOException {
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(Arrays.copyOf(csv.body(), 3)).isEqualTo(BOM);
        return parse(strictly(StandardCharsets.UTF_8, csv.body()).substring(1));
    }

    private String open(String name, String subject, String assignee) {
        String reference = inquiries
                .open(new Inquiries.OpenInquiry(
                        storefront.id(),
                        Channel.WEB_FORM,
                        Events.unique("csv") + "@example.jp",
                        name,
                        null,
                        null,
                        Category.PRODUCT,
                        Priority.NORMAL,
                        subject,
                        "本文",
                        null))
                .reference();
        inquiries.take(reference, assignee);
        return reference;
    }

    static String strictly(Charset charset, byte[] bytes) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    static List<CSVRecord> parse(String text) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
    }
}
