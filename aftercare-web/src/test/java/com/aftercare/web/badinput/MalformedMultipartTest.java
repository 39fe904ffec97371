package com.aftercare.web.badinput;

import static com.aftercare.web.badinput.BadInputFixtures.MULTIPART;
import static com.aftercare.web.badinput.BadInputFixtures.inboundEvents;
import static com.aftercare.web.badinput.BadInputFixtures.operatorsNamed;
import static com.aftercare.web.badinput.BadInputFixtures.truncatedMultipart;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@code multipart/form-data} body cut off half-way, posted to every kind of form: a 400 page
 * that says the form could not be read (a 415 problem on the API, which takes JSON only), never a
 * 500, and nothing written.
 */
@AftercareIntegrationTest
class MalformedMultipartTest {

    static final String UNREADABLE = "送信された内容を読み取れませんでした";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldRefuseAMultipartBodyOnTheApiWith415AndWriteNothing() {
        Api api = new Api(port, TestStorefronts.create(storefronts).key());
        String eventId = Events.unique("mp");
        String body =
                "--" + BadInputFixtures.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n" + eventId;

        Api.Answer answer = api.post(
                "/api/v1/events", MULTIPART, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("detail").asString()).contains("application/json");
        assertThat(inboundEvents(jdbc, eventId)).isZero();
    }

    @Test
    void shouldRefuseABrokenMultipartLoginWithAPageAndSignNobodyIn() {
        ConsoleClient browser = new ConsoleClient(port);
        String csrf = browser.csrfToken("/login");

        HttpResponse<String> answer = browser.postBytes("/login", MULTIPART, truncatedMultipart(csrf));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).contains(UNREADABLE);
        assertThat(browser.get("/console").statusCode()).as("still signed out").isEqualTo(302);
    }

    @Test
    void shouldRefuseABrokenMultipartPortalFormWithAPage() {
        ConsoleClient customer = new ConsoleClient(port);
        String csrf = customer.csrfToken("/portal/contact");

        HttpResponse<String> answer = customer.postBytes("/portal/contact", MULTIPART, truncatedMultipart(csrf));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(UNREADABLE);
    }

    @Test
    void shouldRefuseABrokenMultipartPortalRequestWhereUploadsAreCheckedFirst() {
        ConsoleClient customer = new ConsoleClient(port);
        String csrf = customer.csrfToken("/portal");

        HttpResponse<String> answer =
                customer.postBytes("/portal/claims?type=RETURN&token=x", MULTIPART, truncatedMultipart(csrf));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(UNREADABLE);
    }

    @Test
    void shouldRefuseABrokenMultipartConsoleFormAndCreateNoOperator() {
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        String csrf = admin.csrfToken("/console/admin/operators");
        String username = "mp-"
                + Events.unique("op").toLowerCase().replaceAll("[^a-z0-9]", "").substring(0, 12);
        String body = "--" + BadInputFixtures.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + csrf + "\r\n--" + BadInputFixtures.BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n" + username + "\r\n--"
                + BadInputFixtures.BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nlong-enough-pass";

        HttpResponse<String> answer =
                admin.postBytes("/console/admin/operators", MULTIPART, body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(UNREADABLE);
        assertThat(operatorsNamed(jdbc, username)).isZero();
    }
}
