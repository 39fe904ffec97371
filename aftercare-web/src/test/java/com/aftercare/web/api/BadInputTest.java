package com.aftercare.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every malformed input gets a 4xx problem naming the field and reason, and writes nothing. */
@AftercareIntegrationTest
class BadInputTest {

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            zero quantity          | "quantity": 2,               | "quantity": 0,                | order.lines[0].quantity | must be greater than 0
            negative quantity      | "quantity": 2,               | "quantity": -3,               | order.lines[0].quantity | must be greater than 0
            quantity as a string   | "quantity": 2,               | "quantity": "2",              | order.lines[0].quantity | must be a whole number
            quantity as a fraction | "quantity": 2,               | "quantity": 1.5,              | order.lines[0].quantity | must be a whole number
            negative price         | "unitPrice": 1800            | "unitPrice": -1               | order.lines[0].unitPrice | must be greater than or equal to 0
            invalid email          | "email": "EMAIL"             | "email": "not-an-email"       | order.customer.email    | is not a valid email address
            control character      | "name": "山田 花子"          | "name": "山田\\u0000花子"     | order.customer.name     | must not contain control characters
            blank name             | "name": "山田 花子"          | "name": "  "                  | order.customer.name     | must not be blank
            unknown type           | "type": "order.placed"       | "type": "order.exploded"      | type                    | must be one of
            missing id             | "id": "EVENT",               | "foo": "EVENT",               | id                      | must not be blank
            date without offset    | "2026-11-23T10:15:30+09:00"  | "2026-11-23T10:15:30"         | occurredAt              | ISO-8601 date-time with offset
            lines not an array     | "lines": [                   | "lines": 5, "x": [            | order.lines             | must be an array
            no lines               | "lines": [                   | "lines": [], "x": [           | order.lines             | at least one line
            bad order number       | "number": "ORDER"            | "number": "A B\\tC"           | order.number            | must be 1-64
            bad currency           | "currency": "JPY"            | "currency": "YEN"             | order.currency          | ISO 4217
            bad postal code        | "150-0001"                   | "1500"                        | order.shipping.postalCode | postal code
            discreet not boolean   | "discreet": false            | "discreet": "no"              | order.shipping.discreet | true or false
            """)
    void shouldNameTheFieldAndReasonAndWriteNothing(String name, String from, String to, String field, String reason) {
        String eventId = Events.unique("bad");
        String valid = Events.placed("EVENT", "ORDER", "EMAIL")
                .replace("\"EVENT\"", "\"" + eventId + "\"")
                .replace("\"EMAIL\"", "\"" + Events.unique("b") + "@example.jp\"")
                .replace("\"ORDER\"", "\"" + Events.unique("A") + "\"");
        String fromResolved = from.replace("EVENT", eventId);
        String body = valid.contains(fromResolved)
                ? valid.replaceFirst(
                        java.util.regex.Pattern.quote(fromResolved),
                        java.util.regex.Matcher.quoteReplacement(to.replace("EVENT", eventId)))
                : rewriteTemplate(valid, from, to);

        Api.Answer answer = api.postEvent(body);

        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(StreamSupport.stream(answer.json().get("errors").spliterator(), false)
                        .anyMatch(e -> e.get("field").asString().equals(field)
                                && e.get("reason").asString().contains(reason)))
                .as(answer.body())
                .isTrue();
        assertNothingWritten(eventId);
    }

    /** The template's placeholders (ORDER, EMAIL) are replaced already; match those fields by key instead. */
    private static String rewriteTemplate(String valid, String from, String to) {
        String key = from.substring(0, from.indexOf(':') + 1);
        int start = valid.indexOf(key);
        assertThat(start).as("template holds " + key).isNotNegative();
        int end = valid.indexOf('"', valid.indexOf('"', start + key.length()) + 1) + 1;
        return valid.substring(0, start) + to + valid.substring(end);
    }

    @Test
    void shouldRefuseJsonThatDoesNotParse() {
        Api.Answer answer = api.postEvent("{\"id\": \"x\", \"type\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void shouldRefuseABodyThatIsNotAnObject() {
        Api.Answer answer = api.postEvent("[1, 2, 3]");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("reason").asString()).isEqualTo("must be a JSON object");
    }

    @Test
    void shouldRefuseAnEmptyBody() {
        Api.Answer answer = api.postEvent("");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void shouldRefuseTheWrongContentType() {
        Api.Answer answer = api.post(
                "/api/v1/events",
                "text/plain",
                HttpRequest.BodyPublishers.ofString(
                        Events.placed(Events.unique("evt"), Events.unique("A"), "ct@example.jp")));

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.isProblem())
                .as(answer.contentType() + " " + answer.body())
                .isTrue();
    }

    @Test
    void shouldRefuseABodyOverOneMebibyteByItsLength() {
        String eventId = Events.unique("big");
        String body = oversized(eventId);

        Api.Answer answer = api.postEvent(body);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.isProblem()).isTrue();
        assertNothingWritten(eventId);
    }

    @Test
    void shouldRefuseAChunkedBodyThatGrowsOverOneMebibyte() {
        String eventId = Events.unique("big");
        byte[] bytes = oversized(eventId).getBytes(StandardCharsets.UTF_8);
        // A publisher with unknown length makes the client send chunked, without Content-Length.
        HttpRequest.BodyPublisher chunked = new HttpRequest.BodyPublisher() {
            final HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofByteArray(bytes);

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                inner.subscribe(subscriber);
            }
        };

        Api.Answer answer = api.post("/api/v1/events", "application/json", chunked);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.isProblem()).isTrue();
        assertNothingWritten(eventId);
    }

    private static String oversized(String eventId) {
        String padding = "あ".repeat(400_000);
        return Events.placed(eventId, Events.unique("A"), "big@example.jp").replace("\"山田 花子\"", "\"" + padding + "\"");
    }

    private void assertNothingWritten(String eventId) {
        assertThat(jdbc.sql("select count(*) from inbound_event where event_id = :id")
                        .param("id", eventId)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
