package com.aftercare.web.console.packing;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Packing inserts: the day's batch in the shop's zone, discreet orders unnamed, the card checked when saved. */
@AftercareIntegrationTest
class PackingInsertsTest {

    private static final String EDIT = "/console/marketing/packing-insert";
    // a day no other test ships on, so the batch holds only this test's parcels (and its reruns')
    private static final String DAY = "2024-02-29";
    private static final String BODY = """
            [(${shopName})]をご利用いただきありがとうございました。
            ご注文番号：[(${orderNumber})]
            [# th:each="line : ${lines}"]・[(${line.name})]
            [/]""";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder encoder;

    Api api;

    @BeforeEach
    void storefront() {
        api = new Api(port, TestStorefronts.create(storefronts).key());
    }

    @Test
    void shouldPrintADayOfShipmentsAndNameNoProductOnADiscreetOrdersCard() {
        String plain = shipped(false, DAY + "T10:00:00+09:00");
        String discreet = shipped(true, DAY + "T23:30:00+09:00");
        String nextDay = shipped(false, "2024-03-01T00:10:00+09:00");

        HttpResponse<String> batch = operator().get("/console/packing?day=" + DAY);

        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(batch.body()).contains("@page { size: A6").contains("page-break-after: always");
        assertThat(card(batch.body(), plain)).contains("山田 花子").contains("オーガニックコットンTシャツ");
        assertThat(card(batch.body(), discreet))
                .contains(discreet)
                .doesNotContain("オーガニックコットンTシャツ")
                .doesNotContain("有田焼マグカップ");
        assertThat(batch.body()).doesNotContain("card-" + nextDay);
    }

    @Test
    void shouldCheckTheCardWhenSavedAndUseItOnceSaved() {
        ConsoleClient supervisor = as(Operators.Role.SUPERVISOR);
        String heading = Events.unique("ありがとう");

        HttpResponse<String> unknown =
                supervisor.postForm(EDIT, EDIT, Map.of("heading", heading, "body", BODY + "[(${points})]"));
        HttpResponse<String> broken =
                supervisor.postForm(EDIT, EDIT, Map.of("heading", heading, "body", BODY + "[# th:if=\"${discreet}\"]"));
        HttpResponse<String> empty = supervisor.postForm(EDIT, EDIT, Map.of("heading", "", "body", BODY));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"body-error\"").contains("points");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("id=\"body-error\"");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"heading-error\"");
        assertThat(supervisor.get(EDIT).body()).doesNotContain(heading);

        HttpResponse<String> saved =
                supervisor.postForm(EDIT, EDIT, Map.of("heading", "[(${customerName})] 様 " + heading, "body", BODY));

        assertThat(saved.statusCode()).isEqualTo(302);
        String order = shipped(false, DAY + "T12:00:00+09:00");
        assertThat(card(operator().get("/console/packing?day=" + DAY).body(), order))
                .contains("山田 花子 様 " + heading);
    }

    @Test
    void shouldLetOnlySupervisorsEditTheCardButEveryoneInTheConsolePrint() {
        ConsoleClient operator = operator();

        assertThat(operator.get(EDIT).statusCode()).isEqualTo(403);
        assertThat(operator.postWithoutToken(EDIT, Map.of("heading", "x", "body", "y"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(operator.get("/console/packing").statusCode()).isEqualTo(200);
        assertThat(new ConsoleClient(port).get("/console/packing").statusCode()).isEqualTo(302);
    }

    private String shipped(boolean discreet, String shippedAt) {
        String number = Events.unique("S");
        api.postEvent(Events.placed(Events.unique("evt"), number, Events.unique("pack") + "@example.jp", discreet));
        api.postEvent(Events.shipped(Events.unique("evt"), number, shippedAt, "1234-5678"));
        return number;
    }

    private static String card(String page, String orderNumber) {
        int start = page.indexOf("id=\"card-" + orderNumber + "\"");
        assertThat(start).as("a card for " + orderNumber).isPositive();
        return page.substring(start, page.indexOf("</article>", start));
    }

    private ConsoleClient operator() {
        return as(Operators.Role.OPERATOR);
    }

    private ConsoleClient as(Operators.Role role) {
        String username = Events.unique(role.name().toLowerCase());
        operators.create(username, encoder.encode("packing-password-1"), "梱包 " + role, role);
        return ConsoleClient.loggedInAs(port, username, "packing-password-1");
    }
}
