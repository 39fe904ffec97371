package com.aftercare.web.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimChannel;
import com.aftercare.returns.ClaimQueue;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.returns.Claims;
import com.aftercare.returns.logistics.Carrier;
import com.aftercare.returns.logistics.CarrierExports;
import com.aftercare.returns.logistics.CarrierFormat;
import com.aftercare.returns.logistics.LogisticsSettings;
import com.aftercare.returns.logistics.PickupRefused;
import com.aftercare.returns.logistics.PickupSlot;
import com.aftercare.returns.logistics.ReturnAddress;
import com.aftercare.returns.logistics.ReturnLogisticsSetup;
import com.aftercare.returns.logistics.ReturnMethod;
import com.aftercare.returns.logistics.ReturnPlan;
import com.aftercare.returns.logistics.ReturnReminders;
import com.aftercare.returns.logistics.ReturnShipments;
import com.aftercare.returns.logistics.ReturnState;
import com.aftercare.returns.logistics.ReturnStepRefused;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Return logistics through the facades on PostgreSQL, mails received by the SMTP server: the
 * address the rules choose (in the mail that asks for the item), the pick-up calendar's refusals
 * writing nothing, the tracking number, the carrier export in B2クラウド's layout and Shift_JIS,
 * the slip in Japanese, and the reminder that comes once and then flags. Today is 25 November 2025
 * (JST); the orders were delivered on the 21st.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ReturnLogisticsTest {

    static final String DELIVERED = "2025-11-21T11:00:00+09:00";

    @LocalServerPort
    int port;

    @Autowired
    Claims claims;

    @Autowired
    ClaimRequests requests;

    @Autowired
    ClaimWorkflow workflow;

    @Autowired
    ReturnShipments shipments;

    @Autowired
    ReturnLogisticsSetup setup;

    @Autowired
    CarrierExports exports;

    @Autowired
    ReturnReminders reminders;

    @Autowired
    ClaimQueue queue;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    Orders orders;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.context.MessageSource messages;

    TestStorefront storefront;
    Api api;
    String operator;
    long warehouse;
    long repairCentre;

    @BeforeEach
    void setUp() {
        clock.setJst("2025-11-25T10:00");
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(operator, "{noop}x", "担当 " + operator, Operators.Role.OPERATOR);
        warehouse = setup.addAddress(address("東京倉庫", "東京都江東区豊洲3-2-20 倉庫棟2F", null), operator);
        repairCentre = setup.addAddress(address("修理センター", "大阪府大阪市北区梅田1-1-1", ReturnReason.DEFECTIVE), operator);
    }

    ReturnAddress address(String label, String line, ReturnReason reason) {
        return new ReturnAddress(
                null, storefront.id(), label, "こもれび 返品係", "135-0061", line, "03-1234-5678", null, reason, null);
    }

    ClaimView approvedAndAwaiting(TestOrder order, ReturnReason reason) {
        String rma = requests.open(new ClaimRequests.OpenClaim(
                        storefront.id(),
                        order.number(),
                        RequestType.RETURN,
                        reason,
                        List.of(new ClaimRequests.LineRequest(order.mug(), 1, null)),
                        null,
                        null,
                        false,
                        ClaimChannel.API,
                        null,
                        null,
                        ClaimRequests.CUSTOMER))
                .rma();
        workflow.approve(rma, operator, null);
        workflow.awaitItem(rma, operator);
        return claims.byRma(rma).orElseThrow();
    }

    long shipmentRows(ClaimView claim) {
        return jdbc.sql(
                        "select count(*) from return_shipment where claim_id = :id and (pickup_date is not null or tracking_number is not null)")
                .param("id", claim.id().value())
                .query(Long.class)
                .single();
    }

    @Test
    void shouldSendAFaultToTheAddressItsRuleChoosesAndNameThatAddressInTheMailAskingForTheItem() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        ClaimView claim = approvedAndAwaiting(order, ReturnReason.DEFECTIVE);

        ReturnPlan plan = shipments.plan(claim).orElseThrow();
        assertThat(plan.address().id()).isEqualTo(repairCentre);
        assertThat(plan.method()).isEqualTo(ReturnMethod.RECEIVER_PAYS);
        assertThat(plan.state()).isEqualTo(ReturnState.READY_TO_SEND);
        assertThat(plan.pickupDays()).first().isEqualTo(LocalDate.of(2025, 11, 26));
        dispatcher.dispatchDue();
        assertThat(TestMailServer.textsTo(order.email()))
                .anyMatch(t -> t.contains("■返送先")
                        && t.contains("〒135-0061 大阪府大阪市北区梅田1-1-1")
                        && t.contains("当店負担（着払いでお送りください）"));
    }

    @Test
    void shouldSendAChangeOfMindToTheDefaultAddressPrepaidWithNoPickupOffered() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        ClaimView claim = approvedAndAwaiting(order, ReturnReason.SIZE);

        ReturnPlan plan = shipments.plan(claim).orElseThrow();
        assertThat(plan.address().id()).isEqualTo(warehouse);
        assertThat(plan.method()).isEqualTo(ReturnMethod.SENDER_PAYS);
        assertThat(plan.pickupBookable()).isFalse();
        assertThatThrownBy(() -> shipments.bookPickup(claim, "2025-11-27", "H14_16"))
                .isInstanceOfSatisfying(
                        ReturnStepRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(ReturnStepRefused.Reason.PICKUP_NOT_OFFERED));
        assertThat(shipmentRows(claim)).isZero();
    }

    @Test
    void shouldBookAPickupOnAnOfferedDayAndBandAndRefuseThePastANonWorkingDayAndAMadeUpBandWritingNothing() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        ClaimView claim = approvedAndAwaiting(order, ReturnReason.DEFECTIVE);
        setup.addNonWorkingDay(storefront.id(), LocalDate.of(2025, 11, 27), operator);

        assertThat(refusal(claim, "2025-11-25", "H14_16")).isEqualTo(PickupRefused.Refusal.PAST);
        assertThat(refusal(claim, "2025-11-24", "H14_16")).isEqualTo(PickupRefused.Refusal.PAST);
        assertThat(refusal(claim, "2025-11-27", "H14_16")).isEqualTo(PickupRefused.Refusal.NON_WORKING_DAY);
        assertThat(refusal(claim, "2025-12-31", "H14_16")).isEqualTo(PickupRefused.Refusal.TOO_FAR);
        assertThat(refusal(claim, "2025-11-28", "H12_14")).isEqualTo(PickupRefused.Refusal.NOT_A_BAND);
        assertThat(refusal(claim, "28/11/2025", "H14_16")).isEqualTo(PickupRefused.Refusal.MISSING_DATE);
        assertThat(shipmentRows(claim)).isZero();
        assertThat(shipments.plan(claim).orElseThrow().pickupDays()).doesNotContain(LocalDate.of(2025, 11, 27));

        ReturnPlan booked = shipments.bookPickup(claim, "2025-11-28", "H14_16");

        assertThat(booked.method()).isEqualTo(ReturnMethod.PICKUP);
        assertThat(booked.state()).isEqualTo(ReturnState.PICKUP_BOOKED);
        assertThat(booked.pickupDate()).isEqualTo(LocalDate.of(2025, 11, 28));
        assertThat(booked.pickupSlot()).isEqualTo(PickupSlot.H14_16);
    }

    PickupRefused.Refusal refusal(ClaimView claim, String date, String slot) {
        try {
            shipments.bookPickup(claim, date, slot);
        } catch (PickupRefused e) {
            return e.refusal();
        }
        throw new AssertionError("booked " + date + " " + slot);
    }

    @Test
    void shouldKeepATrackingNumberTypedWithHyphensOrFullWidthDigitsAndRefuseAMalformedOne() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        ClaimView claim = approvedAndAwaiting(order, ReturnReason.SIZE);

        for (String bad : List.of("12345", "ABCD-1234-5678", "1234-5678-9012-3456-7", " ")) {
            assertThatThrownBy(() -> shipments.enterTracking(claim, bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            com.aftercare.domain.shared.InvalidValue.class,
                            e -> assertThat(e.field()).isEqualTo("trackingNumber"));
        }
        assertThat(shipmentRows(claim)).isZero();

        ReturnPlan plan = shipments.enterTracking(claim, "１２３４－５６７８－９０１２");

        assertThat(plan.trackingNumber()).isEqualTo("123456789012");
        assertThat(plan.state()).isEqualTo(ReturnState.IN_TRANSIT);
        workflow.receive(claim.rma(), operator);
        ClaimView received = claims.byRma(claim.rma()).orElseThrow();
        assertThat(shipments.plan(received).orElseThrow().state()).isEqualTo(ReturnState.RECEIVED);
        assertThatThrownBy(() -> shipments.enterTracking(received, "123456789013"))
                .isInstanceOf(ReturnStepRefused.class);
    }

    @Test
    void shouldExportBookedPickupsInB2CloudsLayoutInShiftJisOnceAndLeavePrepaidReturnsOut() throws Exception {
        setup.saveSettings(storefront.id(), new LogisticsSettings(Carrier.YAMATO, true, 7, "012345678901"), operator);
        TestOrder fault = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        ClaimView pickup = approvedAndAwaiting(fault, ReturnReason.DEFECTIVE);
        shipments.bookPickup(pickup, "2025-11-28", "H14_16");
        TestOrder prepaid = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        approvedAndAwaiting(prepaid, ReturnReason.SIZE);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        int parcels = exports.export(storefront.id(), CarrierFormat.B2_CLOUD, false, file, operator);

        assertThat(parcels).isEqualTo(1);
        String text = file.toString(Charset.forName("windows-31j"));
        List<String> lines = text.lines().toList();
        assertThat(text).contains("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("お客様管理番号,送り状種類,クール区分,伝票番号,出荷予定日").endsWith("運賃管理番号");
        String[] cells = lines.get(1).split(",", -1);
        assertThat(cells).hasSize(42);
        assertThat(cells[0]).isEqualTo(pickup.rma());
        assertThat(cells[1]).isEqualTo("5");
        assertThat(cells[4]).isEqualTo("2025/11/28");
        assertThat(cells[10]).isEqualTo("135-0061");
        assertThat(cells[11]).isEqualTo("大阪府大阪市北区梅田1-1-1");
        assertThat(cells[21]).isEqualTo("150-0001");
        assertThat(cells[22]).isEqualTo("東京都渋谷区神宮前1-2-3");
        assertThat(cells[27]).isEqualTo("有田焼マグカップ");
        assertThat(cells[32]).contains(pickup.rma()).contains("集荷 2025-11-28 14-16");
        assertThat(cells[39]).isEqualTo("012345678901");

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        assertThat(exports.export(storefront.id(), CarrierFormat.B2_CLOUD, false, second, operator))
                .isZero();
        assertThat(exports.export(storefront.id(), CarrierFormat.GENERIC, true, new ByteArrayOutputStream(), operator))
                .isEqualTo(1);
        assertThat(exports.pending(storefront.id()))
                .extracting(CarrierExports.Pending::rma)
                .contains(pickup.rma());
    }

    @Test
    void shouldNameNoProductInTheExportOfAnOrderShippedDiscreetly() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", true, DELIVERED);
        ClaimView claim = approvedAndAwaiting(order, ReturnReason.DEFECTIVE);
        shipments.bookPickup(claim, "2025-11-28", "MORNING");

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        exports.export(storefront.id(), CarrierFormat.GENERIC, false, file, operator);

        String text = file.toString(Charset.forName("windows-31j"));
        assertThat(text).contains("返送品").doesNotContain("マグカップ").contains(",0812,");
    }

    @Test
    void shouldDrawTheSlipInJapaneseWithTheRmaAndTheAddress() throws Exception {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        ClaimView claim = approvedAndAwaiting(order, ReturnReason.DEFECTIVE);

        byte[] pdf = shipments
                .slip(
                        claim,
                        orders.find(claim.order()).orElseThrow(),
                        "こもれび",
                        key -> messages.getMessage(key, null, java.util.Locale.JAPANESE))
                .orElseThrow();

        // kept for a look (pdftoppm -png target/return-slip.pdf): the Japanese must be glyphs, not boxes
        java.nio.file.Files.write(java.nio.file.Path.of("target", "return-slip.pdf"), pdf);
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text)
                .contains("返送票")
                .contains("着払い（当店負担）")
                .contains(claim.rma())
                .contains("大阪府大阪市北区梅田")
                .contains("有田焼マグカップ");
    }

    @Test
    void shouldRemindOnceAfterTheStorefrontsDaysAndThenFlagForAnOperator() {
        setup.saveSettings(storefront.id(), new LogisticsSettings(Carrier.SAGAWA, true, 3, null), operator);
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        ClaimView claim = approvedAndAwaiting(order, ReturnReason.SIZE);
        TestOrder sent = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        ClaimView onItsWay = approvedAndAwaiting(sent, ReturnReason.SIZE);
        shipments.enterTracking(onItsWay, "123456789012");

        clock.advance(Duration.ofDays(2));
        reminders.round();
        assertThat(shipments.plan(claim).orElseThrow().remindedAt()).isNull();

        clock.advance(Duration.ofDays(1));
        reminders.round();
        reminders.round();
        ReturnPlan reminded = shipments.plan(claim).orElseThrow();
        assertThat(reminded.remindedAt()).isEqualTo(clock.instant());
        assertThat(reminded.flaggedAt()).isNull();
        assertThat(needsAttention(claim))
                .as("reminded only: not yet the operators' business")
                .isFalse();
        // every due mail, not one batch: earlier tests of the suite may have left theirs waiting
        while (dispatcher.dispatchDue() > 0) {}
        assertThat(TestMailServer.subjectsTo(order.email()))
                .filteredOn(s -> s.contains("商品のご返送について"))
                .hasSize(1);
        assertThat(TestMailServer.subjectsTo(sent.email())).noneMatch(s -> s.contains("商品のご返送について"));

        clock.advance(Duration.ofDays(3));
        reminders.round();
        ReturnPlan flagged = shipments.plan(claim).orElseThrow();
        assertThat(flagged.flaggedAt()).isEqualTo(clock.instant());
        assertThat(needsAttention(claim))
                .as("the queue's needs-attention filter finds it")
                .isTrue();
        assertThat(needsAttention(onItsWay)).isFalse();
        // every due mail, not one batch: earlier tests of the suite may have left theirs waiting
        while (dispatcher.dispatchDue() > 0) {}
        assertThat(TestMailServer.subjectsTo(order.email()))
                .filteredOn(s -> s.contains("商品のご返送について"))
                .hasSize(1);
        assertThat(shipments.plan(onItsWay).orElseThrow().flaggedAt()).isNull();
    }

    /** Whether the claims queue's "needs attention" filter lists the claim (searched by its RMA). */
    private boolean needsAttention(ClaimView claim) {
        return queue.page(null, claim.rma(), true, null, ClaimQueue.PAGE_SIZE).items().stream()
                .anyMatch(item -> item.rma().equals(claim.rma()));
    }

    @Test
    void shouldRemindOnceWhenTwoInstancesRunTheRoundAtTheSameTime() throws Exception {
        setup.saveSettings(storefront.id(), new LogisticsSettings(Carrier.YAMATO, true, 3, null), operator);
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        ClaimView claim = approvedAndAwaiting(order, ReturnReason.SIZE);
        clock.advance(Duration.ofDays(3));

        java.util.concurrent.ExecutorService instances = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Callable<ReturnReminders.Round> round = () -> {
            start.await();
            return reminders.round();
        };
        var first = instances.submit(round);
        var second = instances.submit(round);
        start.countDown();
        first.get();
        second.get();
        instances.shutdown();

        assertThat(jdbc.sql("select count(*) from outbound_mail where dedup_key = :key")
                        .param("key", "claim-return-reminder:" + claim.rma())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(shipments.plan(claim).orElseThrow().remindedAt()).isEqualTo(clock.instant());
        assertThat(shipments.plan(claim).orElseThrow().flaggedAt()).isNull();
    }

    @Test
    void shouldRefuseABadAddressOnItsFieldAndSaveNothing() {
        long before = setup.addresses(storefront.id()).size();
        assertThatThrownBy(() -> new ReturnAddress(
                        null, storefront.id(), "倉庫", "返品係", "1350061x", "東京都", "03-1234-5678", null, null, null))
                .isInstanceOfSatisfying(
                        com.aftercare.domain.shared.InvalidValue.class,
                        e -> assertThat(e.field()).isEqualTo("postalCode"));
        assertThatThrownBy(() -> new ReturnAddress(
                        null, storefront.id(), "倉庫", "返品係", "135-0061", "東京都", "0312345678", null, null, null))
                .isInstanceOfSatisfying(
                        com.aftercare.domain.shared.InvalidValue.class,
                        e -> assertThat(e.field()).isEqualTo("phone"));
        assertThatThrownBy(() -> setup.addAddress(
                        new ReturnAddress(
                                null,
                                new StorefrontId(-1),
                                "倉庫",
                                "返品係",
                                "135-0061",
                                "東京都",
                                "03-1234-5678",
                                null,
                                null,
                                null),
                        operator))
                .isInstanceOfSatisfying(
                        com.aftercare.domain.shared.InvalidValue.class,
                        e -> assertThat(e.field()).isEqualTo("storefront"));
        assertThat(setup.addresses(storefront.id())).hasSize((int) before);
    }
}
