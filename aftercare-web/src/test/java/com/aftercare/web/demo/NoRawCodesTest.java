package com.aftercare.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.imports.OrderImports;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.domain.shared.SignedTokens;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestTotp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.MessageSource;
import org.springframework.http.server.PathContainer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #14 §4: every word a person reads comes from the messages files. Every GET route of the
 * console and the portal (read from Spring's handler mapping, so a new page cannot escape) is
 * opened over HTTP on the demo's data as the admin, who may see every page; its visible text must
 * hold no code (an enum name, a message or template key, a username where a name exists, a
 * product category key) in Japanese and no missing message ({@code ??key_ja??}) in either
 * language.
 *
 * <p>A route with path variables is filled from a link that another page shows (so it is opened
 * as an operator would reach it), or from the explicit fillers below for what no page links to:
 * the portal's signed links, also those whose token travels in the query (the order, a claim
 * request of every type, the survey, the visit, the unsubscribe page), an uploaded order import,
 * one claim and one inquiry in each state. A route that neither fills fails the test, and every
 * filled page must answer 200 (or a redirect).
 *
 * <p>Text inside a {@code <code>} element is not read: it is a value typed or copied as it is (an
 * API or template contract, a code the audit search takes), never words (see {@code visibleText}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoRawCodesTest {

    @RegisterExtension
    static final RunningDemo demo = new RunningDemo();

    /** Routes that answer a file, not a page: nothing of theirs is rendered by a template. */
    private static final Set<String> DOWNLOADS = Set.of(
            "/portal/claims/{rma}/slip.pdf",
            "/console/admin/imports/{id}/status.json",
            "/console/admin/imports/{id}/errors.csv",
            "/console/admin/mail/export",
            "/console/customers/{id}/privacy/disclosure.json",
            "/console/customers/{id}/privacy/disclosure.csv",
            "/console/search/export",
            "/console/figures/export",
            "/console/claims/export",
            "/console/claims/figures/export",
            "/console/claims/{rma}/photos/{key}",
            "/console/marketing/coupons/export",
            "/console/marketing/coupons/{campaign}/codes/export",
            "/console/inquiries/export",
            "/console/stepmail/deliveries/export",
            "/console/stepmail/bounces/export",
            "/console/marketing/newsletters/export",
            "/console/callbacks/export",
            // beside the words, each entry's actor and action codes, as the page shows them in <code>
            "/console/admin/audit/export",
            "/console/inquiries/{reference}/attachments/{id}",
            "/portal/claims/{rma}/photos/{key}");

    /**
     * Steps of the sign-in that a signed-in admin is sent past (a code or an enrolment only
     * exists half-way through a sign-in): the code step and the recovery codes are read by
     * {@link #shouldShowNoCodeOnTheSignInsSecondStepAndTheRecoveryCodes}; the enrolment is the
     * set-up page ({@value #TWO_FACTOR_SETUP}) under another address.
     */
    private static final Set<String> SIGN_IN_STEPS = Set.of("/login/code", "/login/enrol");

    /**
     * Upper-case words that are Japanese usage, not codes: a Japanese operator reads and writes
     * them as they are (SKU, RMA, CSV, FAQ, the LINE app…).
     */
    private static final Set<String> WORDS = Set.of(
            "SKU",
            "RMA",
            "CSV",
            "FAQ",
            "LINE",
            "API",
            "URL",
            "CSAT",
            "SLA",
            "JPY",
            "SMTP",
            "IMAP",
            "HTML",
            "JSON",
            "PDF",
            "LTV",
            "SPF",
            "DKIM",
            "DMARC",
            "TOTP",
            "HMAC",
            "SHA",
            "UTF",
            "JST",
            "EC",
            "QR",
            "ID",
            "OK",
            "NG",
            "TEL",
            "FAX",
            "POST",
            "GET",
            "ZIP",
            "PNG",
            "JPEG",
            "HEIC",
            "SNS",
            "HTTPS",
            "STARTTLS",
            // a shop's 「10%OFF」
            "OFF");

    private static final String TWO_FACTOR_SETUP = "/console/account/two-factor/setup";

    private static final Pattern TOTP_SECRET_GROUP = Pattern.compile("[A-Z2-7]{1,4}");

    private static final Pattern RECOVERY_CODE = Pattern.compile("[a-z2-9]{5}-[a-z2-9]{5}");

    private static final Pattern URL_OR_EMAIL =
            Pattern.compile("(https?://\\S+|[\\w.+*-]+@[\\w.-]+|/(console|portal|api)/\\S*)");
    private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s]+_(ja|en)\\?\\?");
    private static final Pattern SEPARATORS =
            Pattern.compile("[\\s、。，,：:（）()「」『』【】/|→←⇒・;!?！？\"'“”‘’\\[\\]{}<>=+*×…〜~#%&$^`\\\\]+");
    private static final Pattern SCREAMING = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{3,}");
    private static final Pattern KEY_LIKE =
            Pattern.compile("[a-z][a-z0-9]*([.\\-_][a-z0-9]+)+|[a-z]+[A-Z][A-Za-z0-9]*|[a-z]{2,}");

    private final Map<String, Page> japanese = new LinkedHashMap<>();
    private final Map<String, Page> english = new LinkedHashMap<>();
    private final Set<String> routes = new TreeSet<>();
    private final Set<String> unfilled = new TreeSet<>();
    private final Set<String> data = new HashSet<>();

    record Page(String route, String url, int status, String text) {}

    @BeforeAll
    void openEveryPageInBothLanguages() {
        ConsoleClient ja = ConsoleClient.loggedInAs(demo.port(), "admin", demo.adminPassword());
        ConsoleClient en = ConsoleClient.loggedInAs(demo.port(), "admin", demo.adminPassword());
        en.addCookie("aftercare-lang", "en");

        List<PathPattern> patterns = getRoutes();
        patterns.forEach(p -> routes.add(p.getPatternString()));
        Map<String, List<String>> explicit = explicitFills();
        // after the fillers, which add data of their own (an order import)
        readDataValues();
        Set<String> links = new LinkedHashSet<>();
        Set<String> pending = new TreeSet<>(routes);
        pending.removeAll(DOWNLOADS);
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (PathPattern pattern : patterns) {
                String route = pattern.getPatternString();
                if (!pending.contains(route)) {
                    continue;
                }
                // a portal page whose signed token travels in the query has no "{" but needs a filler
                List<String> urls = explicit.containsKey(route)
                        ? explicit.get(route)
                        : route.contains("{") ? linksMatching(pattern, links) : List.of(route);
                if (urls.isEmpty()) {
                    continue;
                }
                for (String url : urls) {
                    Page page = open(ja, route, url, links);
                    japanese.put(url, page);
                    english.put(url, open(en, route, url, new HashSet<>()));
                }
                pending.remove(route);
                progress = true;
            }
        }
        unfilled.addAll(pending);
    }

    @Test
    void shouldOpenEveryGetRouteOfTheConsoleAndThePortal() {
        assertThat(unfilled)
                .as("routes no page links to and no filler here fills: add a filler in explicitFills()")
                .isEmpty();
        assertThat(DOWNLOADS)
                .as("downloads named here that are no longer routes")
                .allMatch(routes::contains);
        assertThat(japanese.values())
                .as("pages that did not answer 200")
                .filteredOn(p -> p.status() != 200 && !(p.status() / 100 == 3))
                .extracting(p -> p.status() + " " + p.url())
                .isEmpty();
        assertThat(japanese).hasSizeGreaterThan(60);
    }

    @Test
    void shouldShowNoCodeOnAnyJapanesePage() {
        Map<String, Set<String>> leaks = new LinkedHashMap<>();
        japanese.values().forEach(page -> {
            Set<String> codes = codesIn(page.text());
            if (page.route().equals(TWO_FACTOR_SETUP)) {
                // the new secret, in groups of four, for typing into an authenticator: data, not a code
                codes.removeIf(code -> TOTP_SECRET_GROUP.matcher(code).matches());
            }
            if (!codes.isEmpty()) {
                leaks.computeIfAbsent(page.route(), r -> new TreeSet<>()).addAll(codes);
            }
        });
        assertThat(leaks).as("codes shown on Japanese pages, by route").isEmpty();
    }

    @Test
    void shouldMissNoMessageInJapaneseOrEnglish() {
        List<String> missing = new ArrayList<>();
        for (Map<String, Page> language : List.of(japanese, english)) {
            language.values().forEach(page -> {
                Matcher m = MISSING_MESSAGE.matcher(page.text());
                while (m.find()) {
                    missing.add(page.url() + " " + m.group());
                }
            });
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldNameEveryDisclosedSectionAndFieldInWords() throws IOException {
        // the disclosure CSV goes to the person who asked: every section and field in Japanese
        ConsoleClient ja = ConsoleClient.loggedInAs(demo.port(), "admin", demo.adminPassword());
        MessageSource messages = demo.app().getBean(MessageSource.class);
        Set<String> sections = new TreeSet<>();
        Set<String> held = new TreeSet<>();
        Set<String> labels = new TreeSet<>();
        for (long customer : customersHoldingEverySection()) {
            String path = "/console/customers/" + customer + "/privacy/disclosure.";
            JsonNode json = JsonMapper.builder()
                    .build()
                    .readTree(ja.download(path + "json").body())
                    .get("sections");
            json.propertyNames().forEach(section -> {
                sections.add(section);
                if (!json.get(section).isEmpty()) {
                    held.add(section);
                }
            });
            String text = new String(ja.download(path + "csv").body(), StandardCharsets.UTF_8);
            try (CSVParser csv = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(text.substring(1)))) {
                for (CSVRecord value : csv) {
                    labels.add(value.get(0));
                    labels.add(value.get(2));
                }
            }
        }
        assertThat(sections)
                .as("sections without a Japanese name")
                .filteredOn(section ->
                        messages.getMessage("privacy.section." + section, null, null, Locale.JAPANESE) == null)
                .isEmpty();
        // the fields are read from what the demo holds (its customers have no note, photo,
        // attachment, LINE notice or storefront account): the sections they fill must be most
        assertThat(held).hasSizeGreaterThanOrEqualTo(14);
        assertThat(codesIn(String.join(" ", labels))).isEmpty();
    }

    /** One customer per section of a disclosure, as the demo seeds them. */
    private Set<Long> customersHoldingEverySection() {
        var db = demo.db();
        Set<Long> customers = new TreeSet<>();
        for (String sql : List.of(
                "select c.customer_id from claim c join claim_photo p on p.claim_id = c.id",
                "select customer_id from line_notice",
                "select customer_id from line_identity",
                """
                select i.customer_id from inquiry i join inquiry_message m on m.inquiry_id = i.id
                  join inquiry_attachment a on a.message_id = m.id
                """,
                "select i.customer_id from inquiry i join inquiry_satisfaction s on s.inquiry_id = i.id",
                "select customer_id from coupon",
                "select customer_id from customer_note",
                "select customer_id from consent_record",
                "select customer_id from newsletter_delivery",
                "select e.customer_id from enrolment e join step_mail m on m.enrolment_id = e.id",
                "select customer_id from customer_external_id",
                "select target_id::bigint from audit_log where target_type = 'customer'")) {
            db.sql("select * from (" + sql + ") c(id) where id is not null limit 1")
                    .query(Long.class)
                    .optional()
                    .ifPresent(customers::add);
        }
        return customers;
    }

    @Test
    void shouldShowNoCodeOnTheSignInsSecondStepAndTheRecoveryCodes() {
        // the pages a signed-in admin is sent past: an operator sets up the app, then signs in again
        String username = "codes-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "NoRawCodes-" + UUID.randomUUID();
        demo.app()
                .getBean(Operators.class)
                .ensure(
                        username,
                        demo.app().getBean(PasswordEncoder.class).encode(password),
                        "検証 太郎",
                        Operators.Role.OPERATOR);
        ConsoleClient first = new ConsoleClient(demo.port());
        first.postForm("/login", "/login", Map.of("username", username, "password", password));
        Matcher secret = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<")
                .matcher(first.get(TWO_FACTOR_SETUP).body());
        assertThat(secret.find()).as("the key on the set-up page").isTrue();
        HttpResponse<String> recovery = first.postForm(
                TWO_FACTOR_SETUP,
                TWO_FACTOR_SETUP,
                Map.of("code", TestTotp.code(secret.group(1).replace(" ", ""), Instant.now())));
        ConsoleClient again = new ConsoleClient(demo.port());
        HttpResponse<String> signIn =
                again.postForm("/login", "/login", Map.of("username", username, "password", password));
        HttpResponse<String> codePage = again.get("/login/code");

        assertThat(recovery.statusCode()).as(recovery.body()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login/code"));
        assertThat(codePage.statusCode()).isEqualTo(200);
        for (HttpResponse<String> page : List.of(recovery, codePage)) {
            String text = visibleText(Jsoup.parse(page.body()));
            Set<String> codes = codesIn(text);
            // the shape of a recovery code, shown as the field's example: what the person types
            codes.removeIf(code -> RECOVERY_CODE.matcher(code).matches());
            assertThat(codes).as(page.uri().getPath()).isEmpty();
            assertThat(MISSING_MESSAGE.matcher(text).find())
                    .as(page.uri().getPath())
                    .isFalse();
        }
    }

    @Test
    void shouldFindTheCodesThatLeakedBefore() {
        // the detector itself: each leak issue #14 saw must be caught, and Japanese text must not
        assertThat(codesIn("対応中 WEB_FORM NEW CARD RETURN SIZE order.delivered DELIVERED portal-access SENT"))
                .containsExactlyInAnyOrder(
                        "WEB_FORM",
                        "NEW",
                        "CARD",
                        "RETURN",
                        "SIZE",
                        "order.delivered",
                        "DELIVERED",
                        "portal-access",
                        "SENT");
        assertThat(codesIn("担当 sato.miho テンプレート arrival-check カテゴリ apparel kitchen"))
                .containsExactlyInAnyOrder("sato.miho", "arrival-check", "apparel", "kitchen");
        assertThat(codesIn("山田 花子 様 ha***@example.jp RMA-2026-000001 https://shop.example/portal/order?token=x"))
                .isEmpty();
    }

    private Set<String> codesIn(String text) {
        String words = URL_OR_EMAIL.matcher(text).replaceAll(" ");
        Set<String> codes = new TreeSet<>();
        for (String raw : SEPARATORS.split(words)) {
            String token = raw.replaceAll("^[.\\-_]+|[.\\-_]+$", "");
            if (token.isEmpty() || data.contains(token) || WORDS.contains(token)) {
                continue;
            }
            if (SCREAMING.matcher(token).matches() || KEY_LIKE.matcher(token).matches()) {
                codes.add(token);
            }
        }
        return codes;
    }

    /** What the demo's data says that may look like a code but is the shop's own: SKUs, numbers. */
    private void readDataValues() {
        var db = demo.db();
        data.addAll(db.sql("select sku from order_line").query(String.class).list());
        data.addAll(db.sql("select order_number from customer_order")
                .query(String.class)
                .list());
        data.addAll(db.sql("select rma from claim").query(String.class).list());
        data.addAll(db.sql("select key_prefix from api_key").query(String.class).list());
        data.addAll(db.sql("select reference from inquiry").query(String.class).list());
        // the mall's order file as the operator named it
        data.addAll(
                db.sql("select file_name from order_import").query(String.class).list());
    }

    private List<PathPattern> getRoutes() {
        RequestMappingHandlerMapping mapping =
                demo.app().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        return mapping.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(info -> info.getPathPatternsCondition().getPatterns().stream())
                .filter(p -> p.getPatternString().equals("/")
                        || p.getPatternString().startsWith("/console")
                        || p.getPatternString().startsWith("/portal")
                        || p.getPatternString().startsWith("/login"))
                .distinct()
                .sorted((a, b) -> a.getPatternString().compareTo(b.getPatternString()))
                .toList();
    }

    /**
     * What no page links to: the portal's signed links (they arrive by mail), and the claims and
     * inquiries in each of their states (the queues link only to a page of them).
     */
    private Map<String, List<String>> explicitFills() {
        var db = demo.db();
        SignedTokens tokens = demo.app().getBean(SignedTokens.class);
        PortalOrderLinks orderLinks = demo.app().getBean(PortalOrderLinks.class);
        Instant later = Instant.now().plus(Duration.ofDays(3650));
        Map<String, List<String>> fills = new LinkedHashMap<>();
        fills.put(
                "/console/claims/{rma}",
                db.sql("""
                        select distinct on (status, type) rma from claim order by status, type, rma
                        """).query(String.class).list().stream()
                        .map(rma -> "/console/claims/" + rma)
                        .toList());
        fills.put(
                "/console/inquiries/{reference}",
                db.sql("""
                        select distinct on (status, channel) reference from inquiry order by status, channel, reference
                        """).query(String.class).list().stream()
                        .map(r -> "/console/inquiries/" + r)
                        .toList());
        List<Long> orders = db.sql("""
                        select distinct on (o.status, c.id is null) o.id from customer_order o
                          left join claim c on c.order_id = o.id
                         order by o.status, c.id is null, o.id
                        """).query(Long.class).list();
        List<String> orderPages = orders.stream()
                .map(id -> "/portal/order?token=" + encode(orderLinks.tokenFor(new OrderId(id), Duration.ofDays(1))))
                .toList();
        fills.put("/portal/order", orderPages);
        Long delivered = db.sql("select min(id) from customer_order where status = 'DELIVERED'")
                .query(Long.class)
                .single();
        String deliveredToken = encode(orderLinks.tokenFor(new OrderId(delivered), Duration.ofDays(1)));
        fills.put(
                "/portal/claims/new",
                Arrays.stream(RequestType.values())
                        .map(type -> "/portal/claims/new?token=" + deliveredToken + "&type=" + type)
                        .toList());
        fills.put(
                "/portal/claims/{rma}",
                db.sql("""
                        select distinct on (status) c.rma || ' ' || c.order_id from claim c order by status, rma
                        """).query(String.class).list().stream()
                        .map(row -> row.split(" "))
                        .map(row -> "/portal/claims/" + row[0] + "?token="
                                + encode(orderLinks.tokenFor(new OrderId(Long.parseLong(row[1])), Duration.ofDays(1))))
                        .toList());
        fills.put(
                "/portal/csat",
                db.sql("""
                        select distinct on (s.inquiry_id is null) i.id from inquiry i
                          left join inquiry_satisfaction s on s.inquiry_id = i.id
                         where i.status in ('RESOLVED', 'CLOSED') order by s.inquiry_id is null, i.id
                        """).query(Long.class).list().stream()
                        .map(id -> "/portal/csat?token=" + encode(tokens.sign("csat", id.toString(), later)))
                        .toList());
        fills.put(
                "/portal/visit",
                db.sql("select min(id) from inquiry where channel = 'VISIT'").query(Long.class).list().stream()
                        .map(id -> "/portal/visit?token=" + encode(tokens.sign("visit-change", id.toString(), later)))
                        .toList());
        fills.put(
                "/portal/unsubscribe",
                db.sql("select min(id) from customer").query(Long.class).list().stream()
                        .map(id ->
                                "/portal/unsubscribe?token=" + encode(tokens.sign("unsubscribe", id.toString(), later)))
                        .toList());
        fills.put("/console/admin/imports/{id}", List.of("/console/admin/imports/" + orderImportDraft(db)));
        fills.put("/console/admin/storefronts/{id}/keys", ids(db, "storefront", "/console/admin/storefronts/%d/keys"));
        fills.put("/console/policies/rules/{id}", List.of(approvalRule(db)));
        fills.put("/console/canned-responses/{id}", ids(db, "canned_response", "/console/canned-responses/%d"));
        fills.put("/console/automations/{id}", ids(db, "inquiry_automation", "/console/automations/%d"));
        fills.put("/console/macros/{id}", ids(db, "inquiry_macro", "/console/macros/%d"));
        fills.put(
                "/console/packing/orders/{id}",
                db
                        .sql("select min(id) from customer_order where status in ('PAID', 'SHIPPED')")
                        .query(Long.class)
                        .list()
                        .stream()
                        .map(id -> "/console/packing/orders/" + id)
                        .toList());
        return fills;
    }

    /**
     * The demo keeps no automatic approval rule: one as the editor writes it, kept for the demo
     * shop (written here, not through the audited editor, so the audit page's known leaks stay as
     * they are); the rule list and the dry run show it too.
     */
    private static String approvalRule(org.springframework.jdbc.core.simple.JdbcClient db) {
        Map<String, Object> rule = db.sql("""
                        insert into claim_rule (storefront_id, position, name, action, request_types, reasons,
                                                max_amount_yen, max_days, signal_condition, created_by, created_at)
                        select id, 10, '小額のサイズ違いの返品は自動承認', 'APPROVE', '{RETURN}', '{SIZE}', 5000, 7, 'NONE',
                               'admin', now()
                          from storefront where code = 'demo-shop'
                        returning id, storefront_id
                        """).query().singleRow();
        return "/console/policies/rules/%s?storefront=%s".formatted(rule.get("id"), rule.get("storefront_id"));
    }

    /**
     * The demo replays no order import: a mall's order file as an operator uploads it, left at the
     * step where its columns are matched to fields (the page with the most words of its own).
     */
    private static long orderImportDraft(org.springframework.jdbc.core.simple.JdbcClient db) {
        byte[] csv = ("受注番号,注文日時,メールアドレス,氏名,商品番号,商品名,個数,単価\n"
                        + "RK-IMPORT-1,2026-11-01 10:00:00,import@example.jp,山田 花子,MUG-01,マグカップ,1,1800\n")
                .getBytes(StandardCharsets.UTF_8);
        StorefrontId storefront = new StorefrontId(db.sql("select id from storefront where code = 'demo-shop'")
                .query(Long.class)
                .single());
        return demo.app()
                .getBean(OrderImports.class)
                .upload(
                        storefront,
                        new OrderImports.Upload() {
                            @Override
                            public String fileName() {
                                return "rakuten-orders.csv";
                            }

                            @Override
                            public long size() {
                                return csv.length;
                            }

                            @Override
                            public InputStream open() {
                                return new ByteArrayInputStream(csv);
                            }
                        },
                        null,
                        "admin");
    }

    private static List<String> ids(org.springframework.jdbc.core.simple.JdbcClient db, String table, String path) {
        return db.sql("select min(id) from " + table).query(Long.class).list().stream()
                .filter(java.util.Objects::nonNull)
                .map(id -> path.formatted(id))
                .toList();
    }

    private List<String> linksMatching(PathPattern pattern, Set<String> links) {
        return links.stream()
                .filter(link -> pattern.matches(PathContainer.parsePath(link.replaceAll("[?#].*", ""))))
                .limit(3)
                .toList();
    }

    private Page open(ConsoleClient client, String route, String url, Set<String> links) {
        HttpResponse<String> response = client.get(url);
        if (SIGN_IN_STEPS.contains(route) && response.statusCode() / 100 == 3) {
            return new Page(route, url, 200, "");
        }
        Document html = Jsoup.parse(response.body(), "http://127.0.0.1");
        html.select("a[href]").forEach(a -> {
            String href = a.attr("href");
            if (href.startsWith("/")) {
                links.add(href);
            }
        });
        return new Page(route, url, response.statusCode(), visibleText(html));
    }

    /**
     * The text a person reads: every text node and the words of titles, placeholders and labels,
     * without scripts, styles and what the person typed themselves (text areas), and without
     * {@code <code>} elements: a {@code <code>} holds a value a person types or copies exactly as it
     * is, a contract with a developer or with the search form (a storefront's code, a webhook event
     * name, a Shopify topic, a mail template variable such as {@code {{customerName}}}, an audit
     * action the audit search matches). Such a value is never translated; where it means something
     * to an operator, the page says that in words beside it (the audit page shows the action in
     * words above its code). Nothing else may use {@code <code>} to hide a code from this test.
     */
    private static String visibleText(Document html) {
        html.select("script, style, template, textarea, noscript, code").remove();
        StringBuilder text = new StringBuilder(html.text());
        for (Element e : html.select("[title], [placeholder], [alt], [aria-label]")) {
            for (String attribute : List.of("title", "placeholder", "alt", "aria-label")) {
                text.append(' ').append(e.attr(attribute));
            }
        }
        return text.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
