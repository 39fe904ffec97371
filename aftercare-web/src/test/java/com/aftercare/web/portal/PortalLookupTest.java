package com.aftercare.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.domain.shared.SignedTokens;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Find my order": the right pair opens a signed link; anything else reveals nothing and is throttled. */
@AftercareIntegrationTest
class PortalLookupTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    SignedTokens tokens;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    String email;
    String number;
    ConsoleClient customer;

    @BeforeEach
    void anOrder() {
        email = Events.unique("portal") + "@example.jp";
        number = Events.unique("W");
        new Api(port, TestStorefronts.create(storefronts).key())
                .postEvent(Events.placed(Events.unique("evt"), number, email));
        customer = new ConsoleClient(port);
    }

    @Test
    void shouldOpenTheOrderByASignedLinkAndMailTheLinkToo() {
        HttpResponse<String> lookup = lookUp(number, email.toUpperCase());

        assertThat(lookup.statusCode()).isEqualTo(302);
        String location = lookup.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/portal/order?token=").doesNotContain(number);
        HttpResponse<String> page = customer.get(location.substring(location.indexOf("/portal")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(number).contains("オーガニックコットンTシャツ").contains("ご注文受付");

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            dispatcher.dispatchDue();
            return TestMailServer.receivedBy(email).stream()
                    .anyMatch(m -> TestMailServer.subjectOf(m).contains("ご注文確認ページ"));
        });
    }

    @Test
    void shouldAcceptThePhoneNumberInsteadOfTheEmail() {
        assertThat(lookUp(number, "０９０－１２３４－５６７８").statusCode()).isEqualTo(302);
    }

    @Test
    void shouldGiveTheSameAnswerForAWrongEmailAndAnUnknownOrder() {
        HttpResponse<String> wrongEmail = lookUp(number, "someone-else@example.jp");
        HttpResponse<String> unknownOrder = lookUp(Events.unique("W"), email);

        assertThat(wrongEmail.statusCode()).isEqualTo(404);
        assertThat(unknownOrder.statusCode()).isEqualTo(404);
        assertThat(withoutVaryingParts(wrongEmail.body())).isEqualTo(withoutVaryingParts(unknownOrder.body()));
        assertThat(wrongEmail.body()).contains("確認できませんでした");
    }

    @Test
    void shouldThrottleGuessesAtOneOrderNumber() {
        for (int i = 0; i < 5; i++) {
            assertThat(lookUp(number, "guess" + i + "@example.jp").statusCode()).isEqualTo(404);
        }

        HttpResponse<String> throttled = lookUp(number, email);

        assertThat(throttled.statusCode())
                .as("even the right pair waits once the order's tries are used")
                .isEqualTo(429);
        assertThat(throttled.body()).contains("上限に達しました");
    }

    @Test
    void shouldRefuseATamperedOrExpiredLinkAndAnotherOrdersToken() {
        long orderId = jdbc.sql("select id from customer_order where order_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
        String expired = tokens.sign(
                PortalOrderLinks.PURPOSE, Long.toString(orderId), Instant.now().minusSeconds(1));
        String otherPurpose =
                tokens.sign("unsubscribe", Long.toString(orderId), Instant.now().plusSeconds(3600));
        String valid = tokens.sign(
                PortalOrderLinks.PURPOSE, Long.toString(orderId), Instant.now().plusSeconds(3600));
        String tampered = tokens.sign(
                        PortalOrderLinks.PURPOSE,
                        Long.toString(orderId + 1),
                        Instant.now().plusSeconds(3600))
                .replaceFirst("^[^.]+", valid.substring(0, valid.indexOf('.')));

        assertThat(customer.get("/portal/order?token=" + valid).statusCode()).isEqualTo(200);
        for (String bad : new String[] {expired, otherPurpose, "", "abc", tamperedWithSubject(valid)}) {
            HttpResponse<String> page = customer.get(
                    "/portal/order?token=" + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.statusCode()).as(bad).isEqualTo(400);
            assertThat(page.body()).doesNotContain(number);
        }
    }

    @Test
    void shouldAnswerAnEmptyFormWithFieldMessages() {
        HttpResponse<String> answer =
                customer.postForm("/portal", "/portal/lookup", Map.of("orderNumber", "", "contact", ""));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("入力してください");
    }

    @Test
    void shouldRefuseALookupPostedWithoutItsCsrfToken() {
        assertThat(customer.postWithoutToken("/portal/lookup", Map.of("orderNumber", number, "contact", email))
                        .statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> lookUp(String orderNumber, String contact) {
        return customer.postForm("/portal", "/portal/lookup", Map.of("orderNumber", orderNumber, "contact", contact));
    }

    /** Another customer's order id under a valid-looking token: the signature no longer matches. */
    private static String tamperedWithSubject(String token) {
        String[] parts = token.split("\\.");
        String otherSubject = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("1".getBytes());
        return otherSubject + "." + parts[1] + "." + parts[2];
    }

    private String withoutVaryingParts(String body) {
        return body.replaceAll("name=\"_csrf\"[^>]*>", "")
                .replace(number, "N")
                .replaceAll("W-[0-9a-f-]+", "N")
                .replace(email, "E")
                .replace("someone-else@example.jp", "E");
    }
}
