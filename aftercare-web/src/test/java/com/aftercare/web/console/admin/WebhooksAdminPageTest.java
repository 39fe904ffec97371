package com.aftercare.web.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.claim.ClaimEvents.ClaimClosed;
import com.aftercare.domain.claim.ClaimEvents.ClaimDetails;
import com.aftercare.domain.claim.ClaimId;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.domain.webhook.WebhookAllowedHosts;
import com.aftercare.domain.webhook.WebhookDispatcher;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An admin subscribes a storefront's receiver in the console, sees the secret once, watches the
 * delivery and resends it (audited); a bad URL is refused at its field and saves nothing; a form
 * without its CSRF token is refused.
 */
@AftercareIntegrationTest
class WebhooksAdminPageTest {

    private static final Pattern DELIVERY = Pattern.compile("id=\"delivery-(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    WebhookAllowedHosts allowedHosts;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    ConsoleClient admin;
    String path;
    HttpServer receiver;

    @BeforeEach
    void setUp() throws Exception {
        storefront = TestStorefronts.create(storefronts);
        admin = ConsoleClient.loggedInAsAdmin(port);
        path = "/console/admin/storefronts/" + storefront.id().value() + "/webhooks";
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.stop(0);
    }

    String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void shouldSubscribeShowTheSecretOnceAndResendADelivery() {
        allowedHosts.add("127.0.0.1", "test");
        assertThat(admin.get(path).body()).contains("購読はまだありません。");

        HttpResponse<String> created =
                admin.postForm(path, path, Map.of("url", receiverUrl(), "events", "claim.closed"));

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(admin.get(path).body()).contains("whsec_").contains(receiverUrl());
        assertThat(admin.get(path).body()).doesNotContain("whsec_");

        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> events.publishEvent(new ClaimClosed(
                        new ClaimId(9),
                        "RMA-C-1",
                        RequestType.RETURN,
                        storefront.id(),
                        new OrderId(9),
                        new CustomerId(9),
                        Instant.now(),
                        new ClaimDetails("A-9", "CLOSED", "JPY", List.of(), null, null, null))));
        while (dispatcher.dispatchDue() > 0) {
            // drain
        }
        String page = admin.get(path).body();
        assertThat(page).contains("配信済み").contains("claim.closed");
        Matcher delivery = DELIVERY.matcher(page);
        assertThat(delivery.find()).isTrue();

        HttpResponse<String> resent =
                admin.postForm(path, path + "/deliveries/" + delivery.group(1) + "/resend", Map.of());

        assertThat(resent.statusCode()).isEqualTo(302);
        assertThat(admin.get(path).body()).contains("送信待ち");
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where action = 'webhook.delivery.resent' and target_id = :d")
                        .param("d", delivery.group(1))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseAnInwardUrlAtItsFieldAndSaveNothing() {
        HttpResponse<String> refused =
                admin.postForm(path, path, Map.of("url", "https://10.0.0.8/hook", "events", "claim.closed"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("url-error");
        assertThat(jdbc.sql("select count(*) from webhook_subscription where storefront_id = :s")
                        .param("s", storefront.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldRefuseAFormWithoutItsCsrfToken() {
        HttpResponse<String> forged =
                admin.postWithoutToken(path, Map.of("url", "https://shop.example.jp/hook", "events", "claim.closed"));

        assertThat(forged.statusCode()).isEqualTo(403);
    }
}
