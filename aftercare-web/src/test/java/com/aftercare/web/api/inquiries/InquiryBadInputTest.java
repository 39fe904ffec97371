package com.aftercare.web.api.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every malformed new inquiry gets a 400 problem naming the field, and writes nothing at all. */
@AftercareIntegrationTest
class InquiryBadInputTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    Api api;
    String email;

    @BeforeEach
    void storefront() {
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        email = Events.unique("bad") + "@example.jp";
    }

    String valid() {
        return """
                {"channel": "EMAIL", "customer": {"email": "%s", "name": "山田 花子"},
                 "subject": "件名", "body": "本文"}""".formatted(email);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing channel          | "channel": "EMAIL",          | ''                           | channel         | must not be blank
            unknown channel          | "channel": "EMAIL",          | "channel": "FAX",            | channel         | must be one of PHONE, EMAIL, CHAT, VISIT, WEB_FORM
            channel as a number      | "channel": "EMAIL",          | "channel": 3,                | channel         | must be one of
            unknown category         | "channel": "EMAIL",          | "channel": "EMAIL", "category": "SPAM", | category | must be one of
            missing customer         | "customer": {"email": "MAILADDR", "name": "山田 花子"}, | '' | customer | must not be null
            blank customer name      | "name": "山田 花子"           | "name": " "                  | customer.name   | must not be blank
            invalid email            | "email": "MAILADDR"           | "email": "not-an-email"      | customer.email  | is not a valid email address
            missing subject          | "subject": "件名",            | ''                           | subject         | must not be blank
            blank subject            | "subject": "件名"             | "subject": "   "             | subject         | must not be blank
            subject with a newline   | "subject": "件名"             | "subject": "件\\n名"          | subject         | control characters
            subject with bidi        | "subject": "件名"             | "subject": "件\\u202E名"      | subject         | control characters
            subject too long         | "subject": "件名"             | "subject": "SUBJECT201"      | subject         | at most 200
            missing body             | , "body": "本文"              | ''                           | body            | must not be blank
            blank body               | "body": "本文"                | "body": "\\n\\t "            | body            | must not be blank
            body with NUL            | "body": "本文"                | "body": "本\\u0000文"         | body            | control characters
            body too long            | "body": "本文"                | "body": "BODY20001"          | body            | at most 20000
            bad order number         | "body": "本文"                | "body": "本文", "orderNumber": "A B" | orderNumber | must be 1-64
            unknown order number     | "body": "本文"                | "body": "本文", "orderNumber": "NOPE-1" | orderNumber | not an order of this storefront
            """)
    void shouldNameTheFieldAndWriteNothing(String name, String from, String to, String field, String reason) {
        String body = valid();
        String fromResolved = from.replace("MAILADDR", email);
        assertThat(body).as("template holds " + fromResolved).contains(fromResolved);
        body = body.replace(fromResolved, to)
                .replace("SUBJECT201", "あ".repeat(201))
                .replace("BODY20001", "あ".repeat(20_001));

        Api.Answer answer =
                api.post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString(body));

        InquiryApiTest.assertProblemOn(answer, field, reason);
        assertNothingWritten();
    }

    @Test
    void shouldRefuseJsonThatDoesNotParse() {
        Api.Answer answer = api.post(
                "/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("{\"channel\": "));

        InquiryApiTest.assertProblemOn(answer, "body", "not valid JSON");
        assertNothingWritten();
    }

    @Test
    void shouldRefuseTheWrongContentType() {
        Api.Answer answer = api.post("/api/v1/inquiries", "text/plain", HttpRequest.BodyPublishers.ofString(valid()));

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.isProblem()).isTrue();
        assertNothingWritten();
    }

    void assertNothingWritten() {
        assertThat(jdbc.sql("select count(*) from inquiry where storefront_id = :s")
                        .param("s", storefront.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from customer where email_normalized = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
