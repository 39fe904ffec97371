package com.aftercare.web.badinput;

import static com.aftercare.web.badinput.BadInputFixtures.FORM;
import static com.aftercare.web.badinput.BadInputFixtures.LONE_SURROGATE_BYTES;
import static com.aftercare.web.badinput.BadInputFixtures.MULTIPART;
import static com.aftercare.web.badinput.BadInputFixtures.concat;
import static com.aftercare.web.badinput.BadInputFixtures.form;
import static com.aftercare.web.badinput.BadInputFixtures.inboundEvents;
import static com.aftercare.web.badinput.BadInputFixtures.inquiriesAbout;
import static com.aftercare.web.badinput.BadInputFixtures.multipart;
import static com.aftercare.web.badinput.BadInputFixtures.operatorsNamed;
import static com.aftercare.web.badinput.BadInputFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Text that is not text: a lone surrogate ({@code \ud800} in JSON, its bytes {@code ED A0 80} in a
 * form) or bytes that are not UTF-8. Refused with a 400 that says so, never stored with U+FFFD in
 * place of what was sent: an event id that changed on the way would be another event.
 */
@AftercareIntegrationTest
class BrokenTextTest {

    static final String UNREADABLE = "送信された内容を読み取れませんでした";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void storefront() {
        api = new Api(port, TestStorefronts.create(storefronts).key());
    }

    @Test
    void shouldRefuseALoneSurrogateInAnEventsTextAndNameTheField() {
        String eventId = Events.unique("ls");
        String number = Events.unique("LS");
        String body = Events.placed(eventId, number, Events.unique("ls") + "@example.jp")
                .replace("\"山田 花子\"", "\"山田\\ud800花子\"");

        Api.Answer answer = api.postEvent(body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("order.customer.name");
        assertThat(answer.json().get("errors").get(0).get("reason").asString()).contains("lone surrogate");
        assertThat(inboundEvents(jdbc, eventId)).isZero();
        assertThat(orders(jdbc, number)).isZero();
    }

    @Test
    void shouldRefuseALoneSurrogateInAnEventIdRatherThanStoreAnotherId() {
        String eventId = Events.unique("ls");
        String body = Events.placed(eventId, Events.unique("LS"), Events.unique("ls") + "@example.jp")
                .replace("\"" + eventId + "\"", "\"" + eventId + "\\udc00\"");

        Api.Answer answer = api.postEvent(body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertThat(jdbc.sql("select count(*) from inbound_event where event_id like :p")
                        .param("p", eventId + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldRefuseAJsonBodyThatIsNotUtf8InsteadOfStoringReplacementCharacters() {
        String eventId = Events.unique("u8");
        String number = Events.unique("U8");
        String[] around = Events.placed(eventId, number, Events.unique("u8") + "@example.jp")
                .split("山田 花子", 2);
        byte[] body = concat(around[0] + "山田", new byte[] {(byte) 0xFF, (byte) 0xFE}, "花子" + around[1]);

        Api.Answer answer =
                api.post("/api/v1/events", "application/json", HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(answer.json().get("errors").get(0).get("reason").asString()).isEqualTo("is not valid UTF-8");
        assertThat(inboundEvents(jdbc, eventId)).isZero();
        assertThat(orders(jdbc, number)).isZero();
    }

    @Test
    void shouldRefuseAQueryThatIsNotUtf8OnTheApiWithAProblem() {
        Api.Answer answer = api.get("/api/v1/orders/R-1?view=%ED%A0%80");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("detail").asString()).contains("not valid UTF-8");
    }

    @Test
    void shouldRefuseALoneSurrogateInAPortalFormAndOpenNoInquiry() {
        ConsoleClient customer = new ConsoleClient(port);
        String subject = Events.unique("件名");

        HttpResponse<String> answer = customer.postBytes(
                "/portal/contact",
                FORM,
                form(
                        customer.csrfToken("/portal/contact"),
                        "name=%E5%B1%B1%ED%A0%80&email=ls%40example.jp&subject=" + encode(subject) + "&body=x"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(UNREADABLE);
        assertThat(inquiriesAbout(jdbc, subject)).isZero();
    }

    @Test
    void shouldRefuseBytesThatAreNotUtf8InAMultipartTextFieldWhichTomcatWouldReplace() {
        ConsoleClient customer = new ConsoleClient(port);
        String subject = Events.unique("件名");

        HttpResponse<String> answer = customer.postBytes(
                "/portal/contact",
                MULTIPART,
                multipart(
                        customer.csrfToken("/portal/contact"),
                        "body",
                        concat("本文", LONE_SURROGATE_BYTES, ""),
                        "name",
                        "山田 花子",
                        "email",
                        "mp@example.jp",
                        "subject",
                        subject));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(UNREADABLE);
        assertThat(inquiriesAbout(jdbc, subject)).isZero();
    }

    @Test
    void shouldRefuseBytesThatAreNotUtf8InAConsoleFormAndCreateNoOperator() {
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        String username = "u8" + Long.toString(System.nanoTime(), 36);

        HttpResponse<String> answer = admin.postBytes(
                "/console/admin/operators",
                FORM,
                form(
                        admin.csrfToken("/console/admin/operators"),
                        "username=" + username + "&displayName=%FF%FE&role=OPERATOR&password=long-enough-password"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(UNREADABLE);
        assertThat(operatorsNamed(jdbc, username)).isZero();
    }

    @Test
    void shouldRefuseALoneSurrogateInTheLoginFormWithAPage() {
        ConsoleClient browser = new ConsoleClient(port);

        HttpResponse<String> answer = browser.postBytes(
                "/login", FORM, form(browser.csrfToken("/login"), "username=admin%ED%A0%80&password=x"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(UNREADABLE);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
