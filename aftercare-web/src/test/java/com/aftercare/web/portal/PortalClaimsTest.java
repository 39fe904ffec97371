package com.aftercare.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.domain.shared.SignedTokens;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.ConsoleClient.FilePart;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer's requests on the portal over a real port: the request form with photos, the
 * status page, the quote and the bank account, and every refusal leaving nothing written. Today
 * is 25 November 2025 (JST); orders were delivered on the 21st.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class PortalClaimsTest {

    static final String DELIVERED = "2025-11-21T11:00:00+09:00";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final Pattern RMA = Pattern.compile("/portal/claims/(RMA-\\d{4}-\\d{6,})\\?token=");

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    PortalOrderLinks links;

    @Autowired
    SignedTokens tokens;

    @Autowired
    ClaimWorkflow workflow;

    @Autowired
    Operators operators;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    Api api;
    ConsoleClient customer;

    @BeforeEach
    void setUp() {
        clock.setJst("2025-11-25T10:00");
        api = new Api(port, TestStorefronts.create(storefronts).key());
        customer = new ConsoleClient(port);
    }

    @Test
    void shouldShowWhatEachItemAllowsOnTheOrderPage() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);

        String page = customer.get(orderPath(order)).body();

        assertThat(page)
                .contains("返品・交換・その他のお手続き")
                .contains("2025-11-28までお申し込みいただけます（返品についての記載がない商品のため")
                .contains("返送料：お客様負担")
                .contains("この商品は交換を承っておりません")
                .contains("返品を申し込む");
    }

    @Test
    void shouldOpenAnExchangeWithAPhotoAndShowItsStatusToItsOwnLinkOnly() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        ClaimFixtures.policy(jdbc, order.shirt(), "return_window_days, exchange_allowed", "30, true");

        HttpResponse<String> sent = request(
                order,
                "EXCHANGE",
                Map.of("reason", "SIZE", "quantity[1]", "1", "variant[1]", "Lサイズ"),
                List.of(new FilePart("photos", "shirt.png", "image/png", PNG)));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String rma = rmaOf(sent);
        HttpResponse<String> status = customer.get(statusPath(order, rma));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body())
                .contains(rma)
                .contains("受付済み")
                .contains("お申し込みを受け付けました")
                .contains("（ご希望：Lサイズ）");
        Matcher photo = Pattern.compile("/portal/claims/" + rma + "/photos/([0-9a-f-]{36})")
                .matcher(status.body());
        assertThat(photo.find()).isTrue();
        HttpResponse<String> image =
                customer.get("/portal/claims/" + rma + "/photos/" + photo.group(1) + "?token=" + tokenOf(order));
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(customer.get(orderPath(order)).body()).contains(rma);
        dispatcher.dispatchDue();
        assertThat(TestMailServer.subjectsTo(order.email()).stream().filter(s -> s.contains(rma)))
                .as("one confirmation, from the facade")
                .hasSize(1);

        TestOrder other = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        assertThat(customer.get(statusPath(other, rma)).statusCode()).isEqualTo(404);
        assertThat(customer.get("/portal/claims/" + rma + "/photos/" + photo.group(1) + "?token=" + tokenOf(other))
                        .statusCode())
                .isEqualTo(404);
        assertThat(customer.postForm(
                                "/portal",
                                "/portal/claims/" + rma + "/quote?token=" + tokenOf(other),
                                Map.of("decision", "decline"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(customer.get(statusPath(order, rma)).body()).doesNotContain("辞退");
    }

    @Test
    void shouldShowTheGuaranteeTermsAndAskTheSurveyTheyRequire() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        ClaimFixtures.policy(
                jdbc,
                order.mug(),
                "guarantee_period_days, guarantee_minimum_use_days, guarantee_survey_required, guarantee_once,"
                        + " guarantee_return_shipping",
                "30, 3, true, true, 'SHOP'");

        String form = customer.get("/portal/claims/new?type=REFUND_GUARANTEE&token=" + encoded(order))
                .body();
        assertThat(form)
                .contains("返金保証の条件")
                .contains("お届けから30日以内")
                .contains("3日以上ご使用いただいた後")
                .contains("お一人様1商品につき1回まで")
                .contains("2025-12-20までお申し込みいただけます");
        HttpResponse<String> withoutSurvey = request(order, "REFUND_GUARANTEE", Map.of("quantity[2]", "1"), List.of());
        assertThat(withoutSurvey.statusCode()).isEqualTo(400);
        assertThat(withoutSurvey.body()).contains("アンケートにご回答ください");
        assertThat(claimRows(order)).isZero();

        String rma = rmaOf(
                request(order, "REFUND_GUARANTEE", Map.of("quantity[2]", "1", "survey", "香りが合いませんでした"), List.of()));
        assertThat(customer.get(statusPath(order, rma)).body()).contains("返金保証").contains("返送料：当店負担");
        assertThat(customer.get(orderPath(order)).body()).contains("この商品の返金保証はすでにご利用済みです");
    }

    @Test
    void shouldShowTheRecyclingFeeAndSpeakEnglishOnRequest() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        ClaimFixtures.policy(jdbc, order.mug(), "recycling_fee_yen", "1100");

        assertThat(customer.get(orderPath(order)).body()).contains("回収料金は1,100円です");
        String rma = rmaOf(request(order, "RECYCLE_PICKUP", Map.of("quantity[2]", "1"), List.of()));
        String english = customer.get(statusPath(order, rma) + "&lang=en").body();
        assertThat(english).contains("Recycling pick-up").contains("¥1,100").contains("Received");
        assertThat(english)
                .as("the language links keep the signed link")
                .contains("?token=" + encoded(order) + "&amp;lang=ja");
    }

    @Test
    void shouldKeepTheRequestTypeWhenTheFormSwitchesLanguage() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String path = "/portal/claims/new?type=EXCHANGE&token=" + encoded(order);

        String japanese = customer.get(path).body();
        String english = customer.get(path + "&lang=en").body();

        assertThat(japanese).contains("?type=EXCHANGE&amp;token=" + encoded(order) + "&amp;lang=en");
        assertThat(english)
                .as("lang itself is not kept twice")
                .contains("?type=EXCHANGE&amp;token=" + encoded(order) + "&amp;lang=ja")
                .doesNotContain("lang=en&amp;lang");
        assertThat(customer.get(path + "&lang=en").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldShowPhotosInTheConsoleToOperatorsOnly() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = rmaOf(request(
                order,
                "RETURN",
                Map.of("reason", "DAMAGED_IN_TRANSIT", "quantity[2]", "1"),
                List.of(new FilePart("photos", "box.jpg", "image/jpeg", PNG))));
        String key = jdbc.sql("select p.photo_key::text from claim_photo p join claim c on c.id = p.claim_id"
                        + " where c.rma = :rma")
                .param("rma", rma)
                .query(String.class)
                .single();
        String path = "/console/claims/" + rma + "/photos/" + key;

        assertThat(customer.get(path).statusCode())
                .as("anonymous: sent to log in")
                .isEqualTo(302);
        HttpResponse<String> photo = ConsoleClient.loggedInAsAdmin(port).get(path);
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type"))
                .as("the type read from the bytes, not the name given")
                .contains("image/png");
        assertThat(photo.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(photo.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("inline").contains("photo-" + key + ".png"));
        assertThat(ConsoleClient.loggedInAsAdmin(port)
                        .get("/console/claims/" + rma + "/photos/" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldRefuseATamperedOrExpiredLinkOnTheStatusPage() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = rmaOf(request(order, "RETURN", Map.of("reason", "SIZE", "quantity[1]", "1"), List.of()));
        String id = Long.toString(orderId(order).value());
        String expired =
                tokens.sign(PortalOrderLinks.PURPOSE, id, clock.instant().minusSeconds(1));
        String otherPurpose = tokens.sign("unsubscribe", id, clock.instant().plusSeconds(3600));
        String valid = tokenOf(order);
        String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("A") ? "BB" : "AA");

        for (String bad : List.of(expired, otherPurpose, tampered, "")) {
            HttpResponse<String> page =
                    customer.get("/portal/claims/" + rma + "?token=" + URLEncoder.encode(bad, StandardCharsets.UTF_8));
            assertThat(page.statusCode()).as(bad).isEqualTo(400);
            assertThat(page.body()).doesNotContain(rma).contains("このリンクは無効です");
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotAnImageWhateverItsNameAndWriteNothing() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);

        HttpResponse<String> answer = request(
                order,
                "RETURN",
                Map.of("reason", "DAMAGED_IN_TRANSIT", "quantity[1]", "1"),
                List.of(new FilePart(
                        "photos", "photo.jpg", "image/jpeg", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.UTF_8))));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("添付できるのは写真（JPEG・PNG・WebP・HEIC）のみです");
        assertThat(claimRows(order)).isZero();
    }

    @Test
    void shouldRefuseA50MegabyteUploadWithAPageNotAResetConnection() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        byte[] huge = new byte[50 * 1024 * 1024];
        System.arraycopy(PNG, 0, huge, 0, PNG.length);

        HttpResponse<String> answer = request(
                order,
                "RETURN",
                Map.of("reason", "DAMAGED_IN_TRANSIT", "quantity[1]", "1"),
                List.of(new FilePart("photos", "big.png", "image/png", huge)));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("ファイルが大きすぎます").contains("1枚10MBまで");
        assertThat(claimRows(order)).isZero();
    }

    @Test
    void shouldRefuseAPhotoJustOverThePortalsTenMegabytesThoughTheConsoleTakesLargerFiles() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        byte[] photo = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, photo, 0, PNG.length);

        HttpResponse<String> answer = request(
                order,
                "RETURN",
                Map.of("reason", "DAMAGED_IN_TRANSIT", "quantity[1]", "1"),
                List.of(new FilePart("photos", "big.png", "image/png", photo)));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("1枚10MBまで");
        assertThat(claimRows(order)).isZero();
    }

    @Test
    void shouldRefuseARequestOnACancelledOrAnUndeliveredOrderWithAMessage() {
        TestOrder cancelled = ClaimFixtures.placed(api, "CARD", false);
        ClaimFixtures.progress(api, cancelled, "order.cancelled", "2025-11-19T12:00:00+09:00");
        TestOrder undelivered = ClaimFixtures.placed(api, "CARD", false);

        HttpResponse<String> onCancelled =
                request(cancelled, "RETURN", Map.of("reason", "SIZE", "quantity[1]", "1"), List.of());
        HttpResponse<String> onUndelivered =
                request(undelivered, "RETURN", Map.of("reason", "DEFECTIVE", "quantity[1]", "1"), List.of());

        assertThat(onCancelled.statusCode()).isEqualTo(400);
        assertThat(onCancelled.body()).contains("このご注文はキャンセル済みのため");
        assertThat(onUndelivered.statusCode()).isEqualTo(400);
        assertThat(onUndelivered.body()).contains("商品のお届け後にお申し込みいただけます");
        assertThat(claimRows(cancelled) + claimRows(undelivered)).isZero();
    }

    @Test
    void shouldRefuseMoreThanWasBoughtOnTheLineAndWriteNothing() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);

        HttpResponse<String> tooMany =
                request(order, "RETURN", Map.of("reason", "DEFECTIVE", "quantity[1]", "3"), List.of());
        HttpResponse<String> none = request(order, "RETURN", Map.of("reason", "DEFECTIVE"), List.of());

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("数量は1以上、お申し込みできる数以内で入力してください");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("少なくとも1つの商品に数量を入力してください");
        assertThat(claimRows(order)).isZero();
    }

    @Test
    void shouldShowTheRejectionReasonTheOperatorGave() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = rmaOf(request(order, "RETURN", Map.of("reason", "SIZE", "quantity[1]", "2"), List.of()));

        workflow.reject(rma, anOperator(), "タグが外されていたため、お受けできません。");

        String page = customer.get(statusPath(order, rma)).body();
        assertThat(page)
                .contains("お受けできませんでした")
                .contains("タグが外されていたため、お受けできません。")
                .contains("このお申し込みはお受けできませんでした。理由は下記のとおりです。");
    }

    @Test
    void shouldLetTheCustomerDeclineARepairQuoteOnTheStatusPage() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = rmaOf(request(order, "WARRANTY_REPAIR", Map.of("quantity[2]", "1"), List.of()));
        workflow.quote(rma, anOperator(), 5500);

        String page = customer.get(statusPath(order, rma)).body();
        assertThat(page).contains("修理費用は¥5,500です").contains("見積もりを辞退する");
        HttpResponse<String> declined = customer.postForm(
                statusPath(order, rma),
                "/portal/claims/" + rma + "/quote?token=" + tokenOf(order),
                Map.of("decision", "decline"));

        assertThat(declined.statusCode()).isEqualTo(302);
        assertThat(customer.get(statusPath(order, rma)).body()).contains("お見積もり辞退");
    }

    @Test
    void shouldTakeTheBankAccountWithFieldMessagesAndShowItMasked() {
        TestOrder order = ClaimFixtures.delivered(api, "COD", false, DELIVERED);
        String rma = rmaOf(request(order, "RETURN", Map.of("reason", "DEFECTIVE", "quantity[1]", "1"), List.of()));
        Map<String, String> account = new HashMap<>(Map.of(
                "bankName", "みずほ銀行",
                "bankCode", "0001",
                "branchName", "渋谷支店",
                "branchCode", "１２３",
                "type", "ORDINARY",
                "number", "1234567",
                "holder", "yamada hanako"));
        String bankPath = "/portal/claims/" + rma + "/bank-account?token=" + tokenOf(order);
        assertThat(customer.get(statusPath(order, rma)).body()).contains("返金先の口座");

        HttpResponse<String> latin = customer.postForm(statusPath(order, rma), bankPath, account);
        assertThat(latin.statusCode()).isEqualTo(400);
        assertThat(latin.body()).contains("口座名義は通帳と同じくカタカナで入力してください");

        account.put("holder", "ヤマダ ハナコ");
        assertThat(customer.postForm(statusPath(order, rma), bankPath, account).statusCode())
                .isEqualTo(302);
        String page = customer.get(statusPath(order, rma)).body();
        assertThat(page).contains("みずほ銀行 渋谷支店 普通 ****567").doesNotContain("1234567");
    }

    HttpResponse<String> request(TestOrder order, String type, Map<String, String> fields, List<FilePart> files) {
        String token = tokenOf(order);
        // The session's CSRF token, as any portal page carries it (the refused orders show no form).
        return customer.postMultipart(
                "/portal",
                "/portal/claims?type=" + type + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                fields,
                files);
    }

    String anOperator() {
        String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(operator, "{noop}x", "担当", Operators.Role.OPERATOR);
        return operator;
    }

    String encoded(TestOrder order) {
        return URLEncoder.encode(tokenOf(order), StandardCharsets.UTF_8);
    }

    String tokenOf(TestOrder order) {
        return links.tokenFor(orderId(order), PortalOrderLinks.LOOKUP_VALIDITY);
    }

    String orderPath(TestOrder order) {
        return links.pathFor(tokenOf(order));
    }

    String statusPath(TestOrder order, String rma) {
        return "/portal/claims/" + rma + "?token=" + URLEncoder.encode(tokenOf(order), StandardCharsets.UTF_8);
    }

    OrderId orderId(TestOrder order) {
        return new OrderId(jdbc.sql("select id from customer_order where order_number = :n")
                .param("n", order.number())
                .query(Long.class)
                .single());
    }

    int claimRows(TestOrder order) {
        return jdbc.sql("""
                        select count(*) from claim c join customer_order o on o.id = c.order_id
                         where o.order_number = :n
                        """).param("n", order.number()).query(Integer.class).single();
    }

    static String rmaOf(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        Matcher m = RMA.matcher(answer.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
