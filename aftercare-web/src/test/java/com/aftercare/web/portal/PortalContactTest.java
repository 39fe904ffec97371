package com.aftercare.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The contact form: a WEB_FORM inquiry, tied to an order only when number and email match. */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class PortalContactTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    TestOrder order;
    ConsoleClient customer;

    @BeforeEach
    void setUp() {
        order = ClaimFixtures.placed(
                new Api(port, TestStorefronts.create(storefronts).key()), "CARD", false);
        customer = new ConsoleClient(port);
    }

    @Test
    void shouldOpenAWebFormInquiryTiedToTheOrderWhenNumberAndEmailMatch() {
        String reference = referenceOf(send(order.email(), order.number()));

        Map<String, Object> inquiry = inquiry(reference);
        assertThat(inquiry.get("channel")).isEqualTo("WEB_FORM");
        assertThat(inquiry.get("order_number")).isEqualTo(order.number());
    }

    @Test
    void shouldDropAnOrderNumberThatDoesNotMatchWithoutSayingSo() {
        HttpResponse<String> wrongEmail = send("someone-else@example.jp", order.number());

        String reference = referenceOf(wrongEmail);
        assertThat(inquiry(reference).get("order_number")).isNull();
        assertThat(customer.get("/portal/contact/thanks").body()).doesNotContain(order.number());
    }

    @Test
    void shouldAnswerBadInputWithFieldMessagesAndAForgedPostWith403() {
        HttpResponse<String> empty = customer.postForm(
                "/portal/contact",
                "/portal/contact",
                Map.of("name", "", "email", "not-an-address", "subject", "", "body", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("入力してください");

        HttpResponse<String> badEmail = customer.postForm(
                "/portal/contact",
                "/portal/contact",
                Map.of("name", "山田", "email", "not-an-address", "subject", "件名", "body", "本文"));
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(badEmail.body()).contains("正しいメールアドレスを入力してください");

        assertThat(customer.postWithoutToken(
                                "/portal/contact",
                                Map.of("name", "山田", "email", order.email(), "subject", "件名", "body", "本文"))
                        .statusCode())
                .isEqualTo(403);
    }

    HttpResponse<String> send(String email, String orderNumber) {
        return customer.postForm(
                "/portal/contact",
                "/portal/contact",
                Map.of(
                        "name", "山田 花子",
                        "email", email,
                        "orderNumber", orderNumber,
                        "subject", "届いた商品について",
                        "body", "サイズ交換はできますか。"));
    }

    String referenceOf(HttpResponse<String> sent) {
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String thanks = customer.get(
                        sent.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body();
        Matcher m = Pattern.compile("id=\"reference\">(INQ-[0-9-]+)<").matcher(thanks);
        assertThat(m.find()).as(thanks).isTrue();
        return m.group(1);
    }

    Map<String, Object> inquiry(String reference) {
        return jdbc.sql("""
                        select i.channel, o.order_number from inquiry i left join customer_order o on o.id = i.order_id
                         where i.reference = :r
                        """).param("r", reference).query().singleRow();
    }
}
