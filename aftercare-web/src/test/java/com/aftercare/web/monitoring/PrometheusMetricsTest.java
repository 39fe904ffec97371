package com.aftercare.web.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.domain.webhook.WebhookAllowedHosts;
import com.aftercare.domain.webhook.WebhookDispatcher;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestInquiries;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.webhooks.TestReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code /actuator/prometheus} as Prometheus and an admin see it: who may read it, and that the
 * listed metrics move with the work they count. The suite shares one database, so each check
 * reads a figure before and after its own work.
 */
@AftercareIntegrationTest
class PrometheusMetricsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebhookDispatcher webhooks;

    @Autowired
    WebhookAllowedHosts allowedHosts;

    @Autowired
    Coupons coupons;

    TestStorefronts.TestStorefront storefront;
    Api api;

    @BeforeEach
    void storefront() {
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
    }

    @Test
    void shouldServeTheScraperWithTheTokenAndAnAdminButNobodyElse() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = scrape("not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(wrong.body()).contains("AFTERCARE_METRICS_TOKEN");
        // a storefront's API key is not a scrape token
        assertThat(scrape(TestEnvironment.BOOTSTRAP_API_KEY).statusCode()).isEqualTo(401);

        String operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        assertThat(ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD)
                        .get("/actuator/prometheus")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> admin = ConsoleClient.loggedInAsAdmin(port).get("/actuator/prometheus");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("aftercare_mail_outbox");

        HttpResponse<String> scraper = scrape(TestEnvironment.METRICS_TOKEN);
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.body()).contains("# TYPE aftercare_mail_outbox gauge");
    }

    @Test
    void shouldCountEventsByTypeAndResultAndTimeThem() {
        Map<String, String> applied = Map.of("type", "order.placed", "result", "applied");
        Map<String, String> duplicate = Map.of("type", "order.placed", "result", "duplicate");
        Map<String, String> pending = Map.of("type", "order.shipped", "result", "pending_order");
        Metrics before = metrics();

        String body = Events.placed(Events.unique("evt"), Events.unique("M"), Events.unique("m") + "@example.jp");
        assertThat(api.postEvent(body).status()).isEqualTo(200);
        assertThat(api.postEvent(body).status()).isEqualTo(200);
        String shippedFirst =
                Events.shipped(Events.unique("evt"), Events.unique("M"), "2026-12-01T10:00:00+09:00", "1234-5678-9012");
        assertThat(api.postEvent(shippedFirst).status()).isEqualTo(202);

        Metrics after = metrics();
        assertThat(after.increase(before, "aftercare_events_ingested_total", applied))
                .isEqualTo(1);
        assertThat(after.increase(before, "aftercare_events_ingested_total", duplicate))
                .isEqualTo(1);
        assertThat(after.increase(before, "aftercare_events_ingested_total", pending))
                .isEqualTo(1);
        assertThat(after.increase(before, "aftercare_events_ingest_seconds_count", Map.of("type", "order.placed")))
                .isEqualTo(2);
        assertThat(after.value("aftercare_events_ingest_seconds_sum", Map.of("type", "order.placed")))
                .isPositive();
    }

    @Test
    void shouldShowTheOutboxByStateWithTheAgeOfTheOldestDueMailAndCountWhatTheDispatcherSent() {
        String email = Events.unique("outbox") + "@example.jp";
        Metrics before = metrics();
        assertThat(before.value("aftercare_mail_dispatched_total", Map.of("result", "failed")))
                .as("every outcome is shown before it first happens")
                .isNotNull();

        long stale = insertMail(email, "PENDING", "now() - interval '1 hour'");
        long parked = insertMail(email, "UNKNOWN", "now()");
        Metrics queued = metrics();
        assertThat(queued.increase(before, "aftercare_mail_outbox", Map.of("state", "due")))
                .isGreaterThanOrEqualTo(1);
        assertThat(queued.increase(before, "aftercare_mail_outbox", Map.of("state", "unknown")))
                .isEqualTo(1);
        assertThat(queued.value("aftercare_mail_outbox_oldest_due_seconds", Map.of()))
                .isGreaterThanOrEqualTo(3600);

        // drains everything due: this test's mail and whatever earlier tests left waiting
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatcher.dispatchDue();
            return status(stale).equals("SENT");
        });
        Metrics drained = metrics();
        assertThat(drained.increase(queued, "aftercare_mail_dispatched_total", Map.of("result", "sent")))
                .isGreaterThanOrEqualTo(1);
        jdbc.sql("update outbound_mail set status = 'CANCELLED' where id = :id")
                .param("id", parked)
                .update();
        assertThat(metrics().increase(drained, "aftercare_mail_outbox", Map.of("state", "unknown")))
                .isEqualTo(-1);
    }

    @Test
    void shouldShowWebhookQueuesAndTheDesksSlaBreaches() {
        Metrics now = metrics();
        for (String state : new String[] {"pending", "delivering"}) {
            assertThat(now.value("aftercare_webhook_outbox", Map.of("state", state)))
                    .isNotNull();
        }
        assertThat(now.value("aftercare_webhook_outbox_oldest_due_seconds", Map.of()))
                .isNotNull();
        for (String result : new String[] {"delivered", "retried", "gone", "refused"}) {
            assertThat(now.value("aftercare_webhook_attempts_total", Map.of("result", result)))
                    .isNotNull();
        }

        String email = Events.unique("sla") + "@example.jp";
        Api.Answer opened = api.postJson("/api/v1/inquiries", """
                {"channel": "WEB_FORM", "customer": {"email": "%s", "name": "山田 花子"},
                 "category": "SHIPPING", "subject": "お届け日について", "body": "変更できますか。"}""".formatted(email));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        Metrics open = metrics();
        // the inquiry's first response was due an hour ago: its SLA is breached
        jdbc.sql("update inquiry set first_response_due_at = now() - interval '1 hour' where reference = :r")
                .param("r", opened.json().get("reference").asString())
                .update();
        assertThat(metrics().increase(open, "aftercare_inquiries_sla", Map.of("state", "overdue")))
                .isEqualTo(1);
        TestInquiries.closeAllOfCustomer(jdbc, email);
    }

    @Test
    void shouldCountAMailTheDispatcherCouldNotSendAsFailed() {
        Metrics before = metrics();
        // no '@domain': the message cannot be built, a failure no retry can mend
        long broken = insertMail(Events.unique("no-domain"), "PENDING", "now() - interval '1 minute'");

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatcher.dispatchDue();
            return status(broken).equals("FAILED");
        });

        assertThat(metrics().increase(before, "aftercare_mail_dispatched_total", Map.of("result", "failed")))
                .as("this test's mail, and any broken one earlier tests left due")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldCountWebhookAttemptsByResult() {
        allowedHosts.add("127.0.0.1", "test");
        try (TestReceiver receiver = new TestReceiver()) {
            Api.Answer subscribed = api.postJson(
                    "/api/v1/webhook-subscriptions",
                    "{\"url\": \"" + receiver.url() + "\", \"events\": [\"coupon.issued\"]}");
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
            receiver.secret(subscribed.json().get("secret").asString());
            long subscription = subscribed.json().get("id").asLong();
            receiver.answer(500);
            String email = Events.unique("hook") + "@example.jp";
            assertThat(api.postEvent(Events.placed(Events.unique("evt"), Events.unique("H"), email))
                            .status())
                    .isEqualTo(200);
            CustomerId customer = new CustomerId(jdbc.sql("select id from customer where email_normalized = :e")
                    .param("e", email)
                    .query(Long.class)
                    .single());
            Metrics before = metrics();
            coupons.issueStoreCredit(customer, storefront.id(), 1_000, "metrics:" + email);

            webhooks.dispatchDue();
            Metrics retried = metrics();
            jdbc.sql("update webhook_delivery set next_attempt_at = now() where subscription_id = :s")
                    .param("s", subscription)
                    .update();
            webhooks.dispatchDue();
            Metrics delivered = metrics();

            assertThat(receiver.received())
                    .extracting(TestReceiver.Received::answered)
                    .containsExactly(500, 200);
            assertThat(retried.increase(before, "aftercare_webhook_attempts_total", Map.of("result", "retried")))
                    .as("the 500, and any receiver earlier tests left pending that is gone now")
                    .isGreaterThanOrEqualTo(1);
            assertThat(retried.increase(before, "aftercare_webhook_attempts_total", Map.of("result", "delivered")))
                    .isZero();
            assertThat(delivered.increase(retried, "aftercare_webhook_attempts_total", Map.of("result", "delivered")))
                    .isEqualTo(1);
        }
    }

    private long insertMail(String to, String status, String nextAttempt) {
        return jdbc.sql("""
                        insert into outbound_mail (dedup_key, kind, template, to_address, subject, text_body,
                                                   status, next_attempt_at)
                        values (:key, 'TRANSACTIONAL', 'metrics-test', :to, 'メトリクス', '本文', :status, %s)
                        returning id
                        """.formatted(nextAttempt))
                .param("key", Events.unique("metrics"))
                .param("to", to)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    private String status(long id) {
        return jdbc.sql("select status from outbound_mail where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private HttpResponse<String> scrape(String token) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private Metrics metrics() {
        try {
            HttpResponse<String> response = scrape(TestEnvironment.METRICS_TOKEN);
            assertThat(response.statusCode()).isEqualTo(200);
            return new Metrics(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One scrape in Prometheus' text format. */
    private record Metrics(String text) {

        /** The sample of that name whose labels include the given ones, null when there is none. */
        Double value(String name, Map<String, String> labels) {
            for (String line : text.split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (sample.matches()
                        && sample.group(1).equals(name)
                        && labelsOf(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
                    return Double.parseDouble(sample.group(3));
                }
            }
            return null;
        }

        double increase(Metrics before, String name, Map<String, String> labels) {
            Double now = value(name, labels);
            assertThat(now).as(name + labels + " in the scrape").isNotNull();
            Double then = before.value(name, labels);
            return now - (then == null ? 0 : then);
        }

        private static Map<String, String> labelsOf(String labels) {
            Map<String, String> map = new HashMap<>();
            if (labels != null) {
                Matcher label = LABEL.matcher(labels);
                while (label.find()) {
                    map.put(label.group(1), label.group(2));
                }
            }
            return map;
        }
    }
}
