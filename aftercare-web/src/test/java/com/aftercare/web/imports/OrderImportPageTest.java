package com.aftercare.web.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Order CSV imports through the console over a real port: upload in UTF-8 (with and without its
 * byte-order mark) and Windows-31J, map, preview, import in the background with its progress, the
 * error report; broken encoding and a bad email refused by row and column with nothing written for
 * them; a re-import changes nothing; a corrected shipping row applies; only admins, CSRF on.
 */
@AftercareIntegrationTest
class OrderImportPageTest {

    static final String HEADER = "受注番号,注文日時,メールアドレス,氏名,フリガナ,商品番号,商品名,個数,単価,送料,発送日,配送会社,伝票番号\n";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    ConsoleClient admin;
    String prefix;

    @BeforeEach
    void setUp() {
        storefront = TestStorefronts.create(storefronts);
        admin = ConsoleClient.loggedInAsAdmin(port);
        prefix = Events.unique("R");
    }

    String rows(String tracking) {
        return HEADER
                + prefix + "-1,2026/12/01 10:15:00,hanako-" + prefix + "@example.jp,山田 花子,ヤマダ ハナコ,SKU-1,"
                + "髙島屋の\"ふきん\",2,\"1,980\",550,2026/12/02 09:00,ヤマト運輸," + tracking + "\n"
                + prefix + "-1,2026/12/01 10:15:00,hanako-" + prefix + "@example.jp,山田 花子,ヤマダ ハナコ,SKU-2,"
                + "ﾃｽﾄ①茶碗,1,1200,550,2026/12/02 09:00,ヤマト運輸," + tracking + "\n"
                + prefix + "-2,2026/12/01 11:00:00,taro-" + prefix + "@example.jp,鈴木 太郎,,SKU-3,湯呑,1,800,0,,,\n";
    }

    String upload(byte[] content, String charset) {
        HttpResponse<String> uploaded = admin.postMultipart(
                "/console/admin/imports",
                "/console/admin/imports",
                Map.of("storefront", Long.toString(storefront.id().value()), "charset", charset),
                List.of(new ConsoleClient.FilePart("file", "orders.csv", "text/csv", content)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        return uploaded.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    Map<String, String> mapping(String action) {
        Map<String, String> form = new HashMap<>();
        form.put("map.ORDER_NUMBER", "受注番号");
        form.put("map.ORDERED_AT", "注文日時");
        form.put("map.CUSTOMER_EMAIL", "メールアドレス");
        form.put("map.CUSTOMER_NAME", "氏名");
        form.put("map.CUSTOMER_NAME_KANA", "フリガナ");
        form.put("map.SKU", "商品番号");
        form.put("map.PRODUCT_NAME", "商品名");
        form.put("map.QUANTITY", "個数");
        form.put("map.UNIT_PRICE", "単価");
        form.put("map.SHIPPING_FEE", "送料");
        form.put("map.SHIPPED_AT", "発送日");
        form.put("map.CARRIER", "配送会社");
        form.put("map.TRACKING_NUMBER", "伝票番号");
        form.put("action", action);
        return form;
    }

    /** Maps, starts and waits for the worker; the status endpoint is what the progress bar polls. */
    String importFile(byte[] content, String charset) {
        String page = upload(content, charset);
        HttpResponse<String> started = admin.postForm(page, page, mapping("start"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get(page + "/status.json").body().contains("\"DONE\""));
        return page;
    }

    long count(String sql) {
        return jdbc.sql(sql)
                .param("p", prefix + "%")
                .param("s", storefront.id().value())
                .query(Long.class)
                .single();
    }

    long orders() {
        return count("select count(*) from customer_order where storefront_id = :s and order_number like :p");
    }

    long events() {
        return count("select count(*) from inbound_event where storefront_id = :s and order_number like :p");
    }

    @Test
    void shouldImportAUtf8FileWithItsBomAsTheSameOrdersAnApiCallMakesAndChangeNothingTheSecondTime() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = rows("1234-5678-9012").getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(body, 0, file, 3, body.length);

        String page = upload(file, "");
        HttpResponse<String> preview = admin.postForm(page, page, mapping("preview"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("髙島屋の&quot;ふきん&quot;")
                .contains("ﾃｽﾄ①茶碗")
                .doesNotContain("class=\"problem\"");
        admin.postForm(page, page, mapping("start"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get(page + "/status.json").body().contains("\"DONE\""));

        assertThat(admin.get(page + "/status.json").body())
                .contains("\"rowsDone\":3")
                .contains("\"ordersDone\":2");
        assertThat(orders()).isEqualTo(2);
        Map<String, Object> first = jdbc.sql("""
                        select o.status, o.tracking_number, o.carrier, c.name, c.name_kana,
                               (select count(*) from order_line l where l.order_id = o.id) as lines
                          from customer_order o join customer c on c.id = o.customer_id
                         where o.storefront_id = :s and o.order_number = :n
                        """)
                .param("s", storefront.id().value())
                .param("n", prefix + "-1")
                .query()
                .singleRow();
        assertThat(first)
                .containsEntry("status", "SHIPPED")
                .containsEntry("tracking_number", "1234-5678-9012")
                .containsEntry("name", "山田 花子")
                .containsEntry("lines", 2L);
        long events = events();

        importFile(file, "");
        assertThat(orders()).isEqualTo(2);
        assertThat(events()).isEqualTo(events);

        importFile(rows("9999-0000-1111").getBytes(StandardCharsets.UTF_8), "UTF_8");
        assertThat(events()).isEqualTo(events + 1);
        assertThat(jdbc.sql("select tracking_number from customer_order where storefront_id = :s and order_number = :n")
                        .param("s", storefront.id().value())
                        .param("n", prefix + "-1")
                        .query(String.class)
                        .single())
                .isEqualTo("9999-0000-1111");
    }

    @Test
    void shouldDetectAShiftJisExportAndKeepItsJapaneseNames() {
        byte[] file = rows("1111").getBytes(Charset.forName("windows-31j"));

        String page = importFile(file, "");

        assertThat(admin.get(page).body()).contains("windows-31j");
        assertThat(orders()).isEqualTo(2);
        assertThat(jdbc.sql(
                                "select product_name from order_line where sku = 'SKU-2' and order_id = (select id from customer_order"
                                        + " where storefront_id = :s and order_number = :n)")
                        .param("s", storefront.id().value())
                        .param("n", prefix + "-1")
                        .query(String.class)
                        .single())
                .isEqualTo("ﾃｽﾄ①茶碗");
    }

    @Test
    void shouldRefuseAFileWhoseEncodingIsBrokenNamingTheLineAndWriteNothing() {
        byte[] good = rows("1").getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[good.length + 4];
        System.arraycopy(good, 0, file, 0, good.length);
        file[good.length] = 'x';
        file[good.length + 1] = (byte) 0xC3;
        file[good.length + 2] = (byte) 0x28;
        file[good.length + 3] = '\n';
        long before =
                jdbc.sql("select count(*) from order_import").query(Long.class).single();

        HttpResponse<String> refused = admin.postMultipart(
                "/console/admin/imports",
                "/console/admin/imports",
                Map.of("storefront", Long.toString(storefront.id().value()), "charset", "UTF_8"),
                List.of(new ConsoleClient.FilePart("file", "orders.csv", "text/csv", file)));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("ファイルの5行目が UTF-8 として読めない");
        assertThat(jdbc.sql("select count(*) from order_import")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void shouldRefuseARowWithABadEmailByRowAndColumnAndWriteNothingOfItsOrder() {
        String file = rows("2222").replace("taro-" + prefix + "@example.jp", "taro.example.jp");

        String page = upload(file.getBytes(StandardCharsets.UTF_8), "");
        HttpResponse<String> preview = admin.postForm(page, page, mapping("preview"));
        assertThat(preview.body()).contains("3行目「メールアドレス」列");
        admin.postForm(page, page, mapping("start"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get(page + "/status.json").body().contains("\"DONE\""));

        assertThat(admin.get(page + "/status.json").body())
                .contains("\"rowsFailed\":1")
                .contains("\"ordersDone\":1");
        assertThat(orders()).isEqualTo(1);
        assertThat(count("select count(*) from inbound_event where storefront_id = :s and order_number like :p"
                        + " and order_number like '%-2'"))
                .isZero();
        HttpResponse<byte[]> report = admin.download(page + "/errors.csv");
        String csv = new String(report.body(), StandardCharsets.UTF_8);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv).contains("row,column,message").contains("3,メールアドレス,");
    }

    @Test
    void shouldTeachTheCatalogueARakutenExportsProductsAndChoicesAndRefuseAVariantWithTooManyAttributes() {
        String file = "受注番号,注文日時,メールアドレス,氏名,商品管理番号,SKU管理番号,商品名,項目・選択肢,個数,単価\n"
                + prefix + "-1,2026/12/01 10:15,hanako-" + prefix + "@example.jp,山田 花子,tee-" + prefix + ","
                + prefix + "-tee-navy-m,Tシャツ,\"カラー:ネイビー\nサイズ:M\",1,2980\n"
                + prefix + "-1,2026/12/01 10:15,hanako-" + prefix + "@example.jp,山田 花子,,"
                + prefix + "-mug,マグカップ,,1,1200\n"
                + prefix + "-2,2026/12/01 11:00,taro-" + prefix + "@example.jp,鈴木 太郎,tee-" + prefix + ","
                + prefix + "-tee-navy-l,Tシャツ,\"a:1\nb:2\nc:3\nd:4\ne:5\nf:6\",1,2980\n";
        Map<String, String> mapping = new HashMap<>(Map.of(
                "map.ORDER_NUMBER", "受注番号",
                "map.ORDERED_AT", "注文日時",
                "map.CUSTOMER_EMAIL", "メールアドレス",
                "map.CUSTOMER_NAME", "氏名",
                "map.PRODUCT_CODE", "商品管理番号",
                "map.SKU", "SKU管理番号",
                "map.PRODUCT_NAME", "商品名",
                "map.VARIANT", "項目・選択肢",
                "map.QUANTITY", "個数",
                "map.UNIT_PRICE", "単価"));

        String page = upload(file.getBytes(StandardCharsets.UTF_8), "");
        mapping.put("action", "preview");
        assertThat(admin.postForm(page, page, mapping).body()).contains("3行目「項目・選択肢」列");
        mapping.put("action", "start");
        admin.postForm(page, page, mapping);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get(page + "/status.json").body().contains("\"DONE\""));

        assertThat(admin.get(page + "/status.json").body()).contains("\"ordersDone\":1");
        assertThat(orders()).as("the order with the bad variant is not written").isEqualTo(1);
        List<Map<String, Object>> variants = jdbc.sql("""
                        select sku, product_code, (select string_agg(key || '=' || value, ',')
                                                     from json_each_text(attributes)) as attributes
                          from catalogue_variant where storefront_id = :s and sku like :p order by sku
                        """)
                .param("s", storefront.id().value())
                .param("p", prefix + "%")
                .query()
                .listOfRows();
        assertThat(variants)
                .extracting(v -> v.get("sku") + " " + v.get("product_code") + " " + v.get("attributes"))
                .containsExactly(prefix + "-mug null null", prefix + "-tee-navy-m tee-" + prefix + " カラー=ネイビー,サイズ=M");
    }

    @Test
    void shouldLetOnlyAdminsImportWithTheirCsrfToken() {
        ConsoleClient supervisor = ConsoleClient.loggedInAs(
                port, TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR), TestOperators.PASSWORD);

        assertThat(supervisor.get("/console/admin/imports").statusCode()).isEqualTo(403);
        assertThat(admin.postWithoutToken("/console/admin/imports", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(admin.get("/console/admin/imports").body()).contains("受注CSV").contains("id=\"upload\"");
        assertThat(admin.get("/console/admin/imports/999999999").statusCode()).isEqualTo(404);
    }
}
