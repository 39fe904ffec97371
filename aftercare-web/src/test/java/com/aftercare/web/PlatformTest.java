package com.aftercare.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.TestEnvironment;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What a newcomer touches first: health, the API description, bootstrap and the console login. */
@AftercareIntegrationTest
class PlatformTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("bootstrap")
    ApplicationRunner bootstrap;

    @Test
    void shouldReportHealthUp() {
        Api.Answer health = new Api(port, null).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void shouldDescribeTheApiWithAnExamplePerEventType() {
        Api.Answer docs = new Api(port, null).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode events = docs.json().at("/paths/~1api~1v1~1events/post");
        assertThat(events.isMissingNode()).isFalse();
        JsonNode examples = events.at("/requestBody/content/application~1json/examples");
        assertThat(examples.propertyNames())
                .containsExactlyInAnyOrder(
                        "order.placed",
                        "order.paid",
                        "order.shipped",
                        "order.delivered",
                        "order.cancelled",
                        "customer.registered",
                        "coupon.redeemed");
        assertThat(docs.json().at("/paths/~1api~1v1~1orders~1{orderNumber}/get").isMissingNode())
                .isFalse();
        assertThat(docs.json().at("/paths/~1api~1v1~1customers/get").isMissingNode())
                .isFalse();
        assertThat(docs.json().at("/components/securitySchemes/apiKey/scheme").asString())
                .isEqualTo("bearer");
        assertThat(new Api(port, null).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void shouldOpenTheBootstrapStorefrontWithTheBootstrapKeyAndStayIdempotent() throws Exception {
        bootstrap.run(new DefaultApplicationArguments());
        bootstrap.run(new DefaultApplicationArguments());

        assertThat(new Api(port, TestEnvironment.BOOTSTRAP_API_KEY)
                        .get("/api/v1/orders/NONE-1")
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from storefront where code = :c")
                        .param("c", TestEnvironment.BOOTSTRAP_STOREFRONT)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from api_key k join storefront s on s.id = k.storefront_id where s.code = :c")
                        .param("c", TestEnvironment.BOOTSTRAP_STOREFRONT)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select password_hash from operator where username = 'admin'")
                        .query(String.class)
                        .single())
                .startsWith("$2")
                .doesNotContain(TestEnvironment.ADMIN_PASSWORD);
    }

    @Test
    void shouldSendAnonymousVisitorsOfTheConsoleToTheLoginPage() throws Exception {
        HttpResponse<String> response = browser().send(get("/console"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void shouldLetTheBootstrapAdminLogInAndSeeTheConsoleInJapanese() throws Exception {
        HttpClient browser = browser();

        HttpResponse<String> afterLogin = logIn(browser, "admin", TestEnvironment.ADMIN_PASSWORD);
        assertThat(afterLogin.headers().firstValue("Location").orElseThrow()).endsWith("/console");

        HttpResponse<String> console =
                browser.send(get("/console"), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("Aftercare コンソールへようこそ").contains(TestEnvironment.BOOTSTRAP_STOREFRONT);
        HttpResponse<String> english =
                browser.send(get("/console?lang=en"), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(english.body()).contains("Welcome to the Aftercare console");
    }

    @Test
    void shouldRefuseAWrongPassword() throws Exception {
        HttpResponse<String> afterLogin = logIn(browser(), "admin", "not-the-password");

        assertThat(afterLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void shouldRefuseALoginFormPostedWithoutItsCsrfToken() throws Exception {
        HttpResponse<String> response = browser()
                .send(
                        HttpRequest.newBuilder(uri("/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "username=admin&password=" + encode(TestEnvironment.ADMIN_PASSWORD)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> logIn(HttpClient browser, String username, String password)
            throws IOException, InterruptedException {
        String page = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("login page carries a CSRF token").isTrue();
        String form =
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        return browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
