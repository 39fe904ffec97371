package com.aftercare.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.line.LineChannels;
import com.aftercare.domain.line.LineDispatcher;
import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shopify.ShopifyConnections;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.PhoneHours;
import com.aftercare.inquiry.mail.MailboxPoller;
import com.aftercare.web.line.FakeLine;
import com.aftercare.web.line.LineWebhook;
import com.aftercare.web.privacy.PrivacyFixtures.Person;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.ShopifyStore;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The done-when of the erasure (#15 §4), column by column: one person reaches the shop through
 * every path there is (storefront events, a Shopify webhook, a mall CSV, a web form, a mail to the
 * desk over IMAP, a phone call without email, LINE with an operator's answer, a return with a
 * photo and a bank account, an operator's note, mails sent over SMTP), the duplicates the phone
 * call and LINE made are merged into them, and after the erasure no text, JSON or byte column of
 * any table or materialised view holds their name, email, phone, address or LINE id, while the
 * storefront's order counts and amounts are what they were.
 */
@AftercareIntegrationTest
class ErasureLeavesNoTraceTest {

    /**
     * Columns allowed to keep one of the person's values after the erasure, for the legal retention
     * rule (docs/privacy.md): none. The order record kept for the tax law is its number, date and
     * amounts, which name no one; the number is not one of the values looked for.
     */
    static final Set<String> KEPT_BY_LAW = Set.of();

    static final String LINE_TOKEN = "it-erasure-line-token-0123456789";
    static final FakeLine LINE = FakeLine.started(LINE_TOKEN);
    static final String DESK = "erasure-desk-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example.jp";
    static final GreenMail IMAP = startImap();
    static final GreenMailUser DESK_USER = IMAP.setUser(DESK, DESK, "imap-secret");

    static GreenMail startImap() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        IMAP.stop();
        LINE.close();
    }

    @DynamicPropertySource
    static void lineAndMailbox(DynamicPropertyRegistry registry) {
        registry.add("aftercare.line.api-base-url", LINE::url);
        registry.add("aftercare.line.data-api-base-url", LINE::url);
        registry.add("aftercare.inquiry.mailbox.enabled", () -> "false");
        registry.add("aftercare.inquiry.mailbox.host", () -> "127.0.0.1");
        registry.add("aftercare.inquiry.mailbox.port", () -> IMAP.getImap().getPort());
        registry.add("aftercare.inquiry.mailbox.ssl", () -> "false");
        registry.add("aftercare.inquiry.mailbox.username", () -> DESK);
        registry.add("aftercare.inquiry.mailbox.password", () -> "imap-secret");
        registry.add("aftercare.inquiry.mailbox.storefront", () -> TestEnvironment.BOOTSTRAP_STOREFRONT);
    }

    @LocalServerPort
    int port;

    @Autowired
    PhoneHours phoneHours;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LineChannels lineChannels;

    @Autowired
    LineDispatcher lineDispatcher;

    @Autowired
    ShopifyConnections shopifyConnections;

    @Autowired
    MailboxPoller mailbox;

    @Autowired
    MailDispatcher mailDispatcher;

    @Autowired
    Inquiries inquiries;

    TestStorefronts.TestStorefront shop;
    Api api;
    ConsoleClient admin;
    Person person;
    String lineUser;
    String lineName;
    long customer;
    String placedEvent;
    String recent;
    String sku;
    String mallOrder;

    @BeforeEach
    void aPersonWhoReachedTheShopThroughEveryPath() throws Exception {
        shop = TestStorefronts.create(storefronts);
        api = new Api(port, shop.key());
        admin = ConsoleClient.loggedInAsAdmin(port);
        person = Person.unique();
        lineUser = LineWebhook.newUser();
        lineName = "LINE" + person.givenName();

        // first, while no customer has their phone: a call without email makes a customer of its own
        long caller = phoneCallWithoutEmail();
        sku = Events.unique("SKU");
        recent = Events.unique("R");
        placedEvent = Events.unique("evt");
        PrivacyFixtures.placeOrder(api, person, placedEvent, recent, sku, "2026-11-23T10:15:30+09:00");
        PrivacyFixtures.placeOrder(
                api, person, Events.unique("evt"), Events.unique("R"), sku, "2018-05-01T10:00:00+09:00");
        accepted(api.postEvent(
                Events.shipped(Events.unique("evt"), recent, "2026-11-24T09:00:00+09:00", person.tracking())));
        accepted(api.postEvent("""
                {"id": "%s", "type": "customer.registered", "occurredAt": "2026-11-20T12:00:00+09:00",
                 "customer": {"id": "%s", "email": "%s", "name": "%s", "phone": "%s",
                              "marketingConsent": {"granted": true, "wording": "お得な情報をメールで受け取る"}}}
                """.formatted(
                        Events.unique("evt"), person.storefrontRef(), person.email(), person.name(), person.phone())));
        shopifyOrder();
        mallCsvImport(sku);
        customer = PrivacyFixtures.customerId(jdbc, person);

        PrivacyFixtures.openInquiry(api, person, recent);
        mailToTheDesk();
        long lineCustomer = lineConversationWithAnAnswer();
        merge(caller);
        merge(lineCustomer);
        PrivacyFixtures.claimWithPhotoAndBankAccount(api, jdbc, person, recent);
        HttpResponse<String> note = admin.postForm(
                "/console/customers/" + customer,
                "/console/customers/" + customer + "/notes",
                Map.of("body", person.name() + " 様は " + person.phone() + " に夕方の電話を希望"));
        assertThat(note.statusCode()).as(note.body()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).until(() -> pendingMails() >= 1);
        mailDispatcher.dispatchDue();
    }

    @Test
    void shouldFindThePersonInNoColumnOfAnyTableWhileTheStorefrontsFiguresStay() {
        Map<String, Map<String, Long>> before = new LinkedHashMap<>();
        for (String value : traces()) {
            before.put(value, PrivacyFixtures.columnsHolding(jdbc, value));
        }
        assertThat(before)
                .as("the control: before the erasure every value is held somewhere")
                .allSatisfy((value, columns) -> assertThat(columns).as(value).isNotEmpty());
        assertThat(before.get(person.email()))
                .as("the control: the paths taken left the email where the erasure must reach")
                .containsKeys(
                        "customer.email",
                        "inbound_event.payload",
                        "outbound_mail.to_address",
                        "order_import_part.content");
        assertThat(before.get(lineUser)).containsKey("line_identity.line_user_id");
        Map<String, Object> figures = figures();

        HttpResponse<String> erased = supervisor()
                .postForm(
                        privacyPage(),
                        privacyPage() + "/erase",
                        // against the form's advice, the reason quotes the person: the audit entry must not
                        Map.of("reason", "2026-12-05 " + person.phone() + " から本人より電話", "confirmed", "true"));

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(302);
        Map<String, Map<String, Long>> left = new LinkedHashMap<>();
        for (String value : traces()) {
            Map<String, Long> columns = new TreeMap<>(PrivacyFixtures.columnsHolding(jdbc, value));
            columns.keySet().removeAll(KEPT_BY_LAW);
            if (!columns.isEmpty()) {
                left.put(value, columns);
            }
        }
        assertThat(left)
                .as("columns still holding the person after the erasure")
                .isEmpty();
        assertThat(figures())
                .as("orders, amounts, lines, inquiries and claims of the storefront")
                .isEqualTo(figures);
        assertThat(jdbc.sql("""
                        select count(*) from audit_log where action = 'customer.erased' and target_id = cast(:c as text)
                        """).param("c", customer).query(Long.class).single())
                .as("the erasure is audited (and, by the scan above, without the erased data)")
                .isOne();
        assertThat(jdbc.sql("""
                        select details ->> 'reason' from audit_log where action = 'customer.erased' and target_id = cast(:c as text)
                        """).param("c", customer).query(String.class).single())
                .isEqualTo("2026-12-05 [erased] から本人より電話");
    }

    @Test
    void shouldTakeARedeliveredEventOfTheErasedPersonAsTheDuplicateItIs() {
        supervisor().postForm(privacyPage(), privacyPage() + "/erase", Map.of("reason", "本人より", "confirmed", "true"));

        Api.Answer again = api.postEvent(
                PrivacyFixtures.placedBody(person, placedEvent, recent, sku, "2026-11-23T10:15:30+09:00"));

        assertThat(again.status()).as(again.body()).isBetween(200, 299);
        assertThat(again.json().get("duplicate").asBoolean()).as(again.body()).isTrue();
        assertThat(PrivacyFixtures.columnsHolding(jdbc, person.email()))
                .as("the redelivery re-created no one")
                .isEmpty();
        assertThat(jdbc.sql("select customer_id from customer_order where storefront_id = :s and order_number = :n")
                        .param("s", shop.id().value())
                        .param("n", recent)
                        .query(Long.class)
                        .single())
                .as("the order is still the erased customer's")
                .isEqualTo(customer);
    }

    @Test
    void shouldCountALaterEventOfAnErasedOrderWithoutKeepingItsParcelAndTakeALaterOrderAsANewPerson() {
        supervisor().postForm(privacyPage(), privacyPage() + "/erase", Map.of("reason", "本人より", "confirmed", "true"));
        String laterParcel = "TRK-LATER-" + person.tag();

        accepted(api.postEvent(
                Events.shipped(Events.unique("evt"), mallOrder, "2026-12-06T09:00:00+09:00", laterParcel)));
        accepted(api.postEvent(PrivacyFixtures.placedBody(
                person, Events.unique("evt"), Events.unique("R"), sku, "2026-12-06T10:00:00+09:00")));

        assertThat(jdbc.sql("""
                        select status || ' ' || coalesce(tracking_number, '-') from customer_order
                         where storefront_id = :s and order_number = :n
                        """)
                        .param("s", shop.id().value())
                        .param("n", mallOrder)
                        .query(String.class)
                        .single())
                .as("the erased customer's order moved on, without the parcel number")
                .isEqualTo("SHIPPED -");
        assertThat(PrivacyFixtures.columnsHolding(jdbc, laterParcel))
                .as("the event is kept without the parcel number")
                .doesNotContainKeys(
                        "inbound_event.payload", "inbound_event.tracking_no", "customer_order.tracking_number");
        long later = PrivacyFixtures.customerId(jdbc, person);
        assertThat(later)
                .as("a later order under the erased email is a new person")
                .isNotEqualTo(customer);
        assertThat(jdbc.sql("select erased_at is null from customer where id = :c")
                        .param("c", later)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void shouldKeepNoDeliveryDetailsOfAnOrderPlacedUnderTheAddressAnErasureLeft() {
        supervisor().postForm(privacyPage(), privacyPage() + "/erase", Map.of("reason", "本人より", "confirmed", "true"));
        String left = jdbc.sql("select email from customer where id = :c")
                .param("c", customer)
                .query(String.class)
                .single();
        String number = Events.unique("R");

        // a storefront that copied the erased address back: the ingestion skips the erased-order
        // check for new orders, except under such an address
        accepted(api.postEvent(
                PrivacyFixtures.placedBody(person, Events.unique("evt"), number, sku, "2026-12-06T11:00:00+09:00")
                        .replace(person.email(), left)));

        assertThat(jdbc.sql("""
                        select customer_id || ' ' || coalesce(ship_address, '-') || ' ' || coalesce(ship_recipient_name, '-')
                          from customer_order where storefront_id = :s and order_number = :n
                        """)
                        .param("s", shop.id().value())
                        .param("n", number)
                        .query(String.class)
                        .single())
                .as("the order is the erased customer's and keeps no one's delivery details")
                .isEqualTo(customer + " - -");
    }

    // ---- the paths -----------------------------------------------------------------------------

    private void shopifyOrder() {
        String secret = "it-erasure-shopify-" + UUID.randomUUID();
        shopifyConnections.saveSecret(shop.id(), secret, "admin");
        String body = ShopifyStore.payload("orders-create")
                .replace("hanako.yamada@example.jp", person.email())
                .replace("山田 花子", person.name())
                .replace("\"山田\"", "\"" + person.familyName() + "\"")
                .replace("\"花子\"", "\"" + person.givenName() + "\"")
                .replace("090-1234-5678", person.phone())
                .replace("+819012345678", "+81" + person.phoneDigits().substring(1))
                .replace("神宮前1-2-3", person.address());
        accepted(new ShopifyStore(port, shop.code(), secret).send("orders/create", body));
    }

    private void mallCsvImport(String sku) {
        mallOrder = Events.unique("M");
        String csv = "受注番号,注文日時,メールアドレス,氏名,商品番号,商品名,個数,単価,送料\n"
                + mallOrder + ",2026/12/01 10:15:00," + person.email() + "," + person.name() + "," + sku
                + ",湯呑,1,800,0\n";
        HttpResponse<String> uploaded = admin.postMultipart(
                "/console/admin/imports",
                "/console/admin/imports",
                Map.of("storefront", Long.toString(shop.id().value()), "charset", ""),
                List.of(new ConsoleClient.FilePart(
                        "file",
                        "orders.csv",
                        "text/csv",
                        csv.getBytes(java.nio.charset.Charset.forName("windows-31j")))));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        String page = uploaded.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        Map<String, String> mapping = new HashMap<>();
        mapping.put("map.ORDER_NUMBER", "受注番号");
        mapping.put("map.ORDERED_AT", "注文日時");
        mapping.put("map.CUSTOMER_EMAIL", "メールアドレス");
        mapping.put("map.CUSTOMER_NAME", "氏名");
        mapping.put("map.SKU", "商品番号");
        mapping.put("map.PRODUCT_NAME", "商品名");
        mapping.put("map.QUANTITY", "個数");
        mapping.put("map.UNIT_PRICE", "単価");
        mapping.put("map.SHIPPING_FEE", "送料");
        mapping.put("action", "start");
        HttpResponse<String> started = admin.postForm(page, page, mapping);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get(page + "/status.json").body().contains("\"DONE\""));
    }

    private void mailToTheDesk() throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress(person.email(), person.name(), "UTF-8"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(DESK));
        mail.setSubject(person.name() + "です", "UTF-8");
        mail.setText(
                "届いたマグカップが欠けていました。\n" + person.address() + "\n電話 " + person.phone() + "\n" + person.name(), "UTF-8");
        mail.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.example.jp>");
        DESK_USER.deliver(mail);
        mailbox.pollOnce();
    }

    /**
     * An hour after the phones open on the next day they are open: this test runs on the real
     * clock, and a fixed date (2026-12-07 10:00 once) stops being in the future.
     */
    private LocalDateTime nextCallbackTime() {
        ZoneId shopZone = ZoneId.of("Asia/Tokyo");
        LocalDateTime at =
                LocalDate.now(shopZone).plusDays(1).atTime(phoneHours.opens()).plusHours(1);
        while (!phoneHours.contains(at.atZone(shopZone).toInstant())) {
            at = at.plusDays(1);
        }
        return at;
    }

    /** A call logged without an email: a customer of its own, found by phone only. */
    private long phoneCallWithoutEmail() {
        Map<String, String> form = new HashMap<>();
        form.put("storefront", Long.toString(shop.id().value()));
        form.put("caller", person.name());
        form.put("customerEmail", "");
        form.put("customerName", person.name());
        form.put("customerPhone", person.phone());
        form.put("summary", person.name() + " 様より、" + person.address() + " に届いた品の件で電話");
        form.put("category", "SHIPPING");
        form.put("priority", "NORMAL");
        form.put("orderNumber", "");
        form.put("callbackWanted", "true");
        form.put("callbackAt", nextCallbackTime().toString());
        HttpResponse<String> logged = admin.postForm("/console/calls/new", "/console/calls", form);
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(302);
        return jdbc.sql("select id from customer where email is null and phone = :p")
                .param("p", person.phone())
                .query(Long.class)
                .single();
    }

    /** A LINE user writes with their name and phone, and an operator answers through LINE. */
    private long lineConversationWithAnAnswer() throws Exception {
        String secret = "it-erasure-line-secret-" + UUID.randomUUID();
        lineChannels.save(shop.id(), secret, LINE_TOKEN, "test");
        LINE.profileName(lineName);
        HttpResponse<String> written = new LineWebhook(port, shop.code(), secret)
                .signed(LineWebhook.textEvent(
                        UUID.randomUUID().toString(),
                        lineUser,
                        person.name() + "です。電話は " + person.phone() + " です",
                        false));
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        String reference =
                jdbc.sql("""
                        select i.reference from inquiry i join line_identity l on l.id = i.line_identity_id
                         where l.line_user_id = :u
                        """).param("u", lineUser).query(String.class).single();
        inquiries.reply(new Inquiries.Reply(reference, "admin", person.name() + " 様、お電話いたします。"));
        lineDispatcher.dispatchDue();
        return jdbc.sql("select customer_id from line_identity where line_user_id = :u")
                .param("u", lineUser)
                .query(Long.class)
                .single();
    }

    private void merge(long duplicate) {
        String page = "/console/customers/" + customer + "/merge";
        HttpResponse<String> merged = supervisor().postForm(page, page, Map.of("duplicate", Long.toString(duplicate)));
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(302);
    }

    // ---- what is looked for and what must stay -------------------------------------------------

    private List<String> traces() {
        return List.of(
                person.email(),
                person.name(),
                person.givenName(),
                person.phone(),
                person.phoneDigits(),
                person.address(),
                person.tracking(),
                person.storefrontRef(),
                lineUser,
                lineName);
    }

    private Map<String, Object> figures() {
        return jdbc.sql("""
                        select count(*) as orders, sum(total_minor) as total,
                               (select count(*) from order_line l join customer_order o on o.id = l.order_id
                                 where o.storefront_id = :s) as lines,
                               (select sum(l.quantity) from order_line l join customer_order o on o.id = l.order_id
                                 where o.storefront_id = :s) as units,
                               (select count(*) from inquiry where storefront_id = :s) as inquiries,
                               (select count(*) from claim where storefront_id = :s and reason = 'SIZE') as claims
                          from customer_order where storefront_id = :s
                        """).param("s", shop.id().value()).query().singleRow();
    }

    private long pendingMails() {
        return jdbc.sql("select count(*) from outbound_mail where customer_id = :c and status = 'PENDING'")
                .param("c", customer)
                .query(Long.class)
                .single();
    }

    private static void accepted(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    }

    private ConsoleClient supervisor() {
        return ConsoleClient.loggedInAs(
                port, TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR), TestOperators.PASSWORD);
    }

    private String privacyPage() {
        return "/console/customers/" + customer + "/privacy";
    }
}
