package com.aftercare.web.console.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two customers of one name whose masked emails read the same (「山田 花子 / ha***@example.jp」)
 * can be told apart in the console search over HTTP: each row carries when and at which storefront
 * that customer last ordered, taken from their own orders only, and each order found names its
 * storefront.
 */
@AftercareIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarCustomersTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    ConsoleClient console;
    String name;
    TestStorefront autumnShop;
    TestStorefront winterShop;
    long autumnCustomer;
    long winterCustomer;
    String autumnOrder;

    @BeforeAll
    void twoNamesakesAtTwoStorefronts() {
        console = ConsoleClient.loggedInAsAdmin(port);
        name = "同名 " + ConsoleSearchTest.kanji(3);
        autumnShop = TestStorefronts.create(storefronts);
        winterShop = TestStorefronts.create(storefronts);
        autumnOrder = Events.unique("A");
        autumnCustomer = order(autumnShop, autumnOrder, "2026-10-01T09:00:00+09:00");
        winterCustomer = order(winterShop, Events.unique("W"), "2026-11-20T18:30:00+09:00");
    }

    @Test
    void shouldShowEachNamesakeWithTheDateAndStorefrontOfTheirOwnLastOrder() {
        String body = search(name);
        String autumn = row(body, "customer-" + autumnCustomer);
        String winter = row(body, "customer-" + winterCustomer);

        // what the operator could not tell apart before: the same name and masked email
        assertThat(autumn).contains(name).contains("ha***@example.jp");
        assertThat(winter).contains(name).contains("ha***@example.jp");
        assertThat(autumn)
                .contains("2026-10-01 09:00（テスト店 " + autumnShop.code() + "）")
                .doesNotContain(winterShop.code());
        assertThat(winter)
                .contains("2026-11-20 18:30（テスト店 " + winterShop.code() + "）")
                .doesNotContain(autumnShop.code());
    }

    @Test
    void shouldSayWhenACustomerHasNoOrderYet() {
        String lonely = "注文前 " + ConsoleSearchTest.kanji(3);
        long id = jdbc.sql("insert into customer (email, email_normalized, name) values (:e, :e, :n) returning id")
                .param("e", Events.unique("ha") + "@example.jp")
                .param("n", lonely)
                .query(Long.class)
                .single();

        assertThat(row(search(lonely), "customer-" + id)).contains("注文なし");
    }

    @Test
    void shouldNameTheStorefrontOfAnOrderFound() {
        String body = search(autumnOrder);
        long order = jdbc.sql("select id from customer_order where order_number = :n")
                .param("n", autumnOrder)
                .query(Long.class)
                .single();

        assertThat(row(body, "order-" + order)).contains("テスト店 " + autumnShop.code());
    }

    @Test
    void shouldShowTheDetailInEnglishToo() {
        String body = ConsoleClient.loggedInAsAdmin(port)
                .get("/console/search?lang=en&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .body();

        assertThat(body).contains("Last order");
        assertThat(row(body, "customer-" + autumnCustomer))
                .contains("2026-10-01 09:00 (テスト店 " + autumnShop.code() + ")");
    }

    /** One order.placed at {@code shop} by a new customer named {@link #name}, email "ha…@example.jp". */
    private long order(TestStorefront shop, String number, String placedAt) {
        String email = Events.unique("ha") + "@example.jp";
        new Api(port, shop.key())
                .postEvent(Events.placed(Events.unique("evt"), number, email)
                        .replace("山田 花子", name)
                        .replace("2026-11-23T10:15:30+09:00", placedAt));
        return jdbc.sql("select id from customer where email_normalized = :e")
                .param("e", email.toLowerCase())
                .query(Long.class)
                .single();
    }

    private String search(String q) {
        return console.get("/console/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .body();
    }

    /** The table row with this id, up to its end. */
    private static String row(String body, String id) {
        int start = body.indexOf("id=\"" + id + "\"");
        assertThat(start).as("row " + id).isNotNegative();
        return body.substring(start, body.indexOf("</tr>", start));
    }
}
