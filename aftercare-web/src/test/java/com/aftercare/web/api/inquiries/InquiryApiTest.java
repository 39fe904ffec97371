package com.aftercare.web.api.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.request.IdempotentRequests;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.inquiry.TrailView;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The inquiry API over real HTTP: opening, customer messages, and storefront isolation. */
@AftercareIntegrationTest
class InquiryApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Inquiries inquiries;

    @Autowired
    Operators operators;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdempotentRequests requests;

    TestStorefront storefront;
    Api api;
    String email;

    @BeforeEach
    void storefront() {
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        email = Events.unique("inq") + "@example.jp";
    }

    static String openBody(String email, String orderNumber, String body) {
        return """
                {"channel": "WEB_FORM",
                 "customer": {"email": "%s", "name": "山田 花子", "phone": "090-1234-5678"},
                 %s
                 "category": "SHIPPING",
                 "subject": "お届け日の変更について",
                 "body": %s}
                """.formatted(email, orderNumber == null ? "" : "\"orderNumber\": \"" + orderNumber + "\",", json(body));
    }

    static String json(String text) {
        return JsonMapper.builder().build().writeValueAsString(text);
    }

    Api.Answer post(Api caller, String path, String body) {
        return caller.post(path, "application/json", HttpRequest.BodyPublishers.ofString(body));
    }

    String open() {
        Api.Answer answer = post(api, "/api/v1/inquiries", openBody(email, null, "12月1日の午前中に変更できますか。"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("reference").asString();
    }

    @Test
    void shouldOpenAnInquiryAndAnswer201WithItsReferenceAndLocation() {
        Api.Answer answer = post(api, "/api/v1/inquiries", openBody(email, null, "12月1日の午前中に変更できますか。"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode json = answer.json();
        String reference = json.get("reference").asString();
        assertThat(reference).matches("INQ-\\d{4}-\\d{6,}");
        assertThat(json.get("id").asString()).isEqualTo(reference);
        assertThat(json.get("status").asString()).isEqualTo("NEW");

        InquiryView view = inquiries.find(storefront.id(), reference).orElseThrow();
        assertThat(view.channel().name()).isEqualTo("WEB_FORM");
        assertThat(view.category().name()).isEqualTo("SHIPPING");
        assertThat(view.priority().name()).isEqualTo("NORMAL");
        assertThat(view.firstResponseDueAt()).isAfter(view.createdAt());
        assertThat(view.resolutionDueAt()).isAfter(view.firstResponseDueAt());
        assertThat(view.messages()).singleElement().satisfies(m -> {
            assertThat(m.direction()).isEqualTo("INBOUND");
            assertThat(m.author()).isEqualTo("customer");
            assertThat(m.body()).isEqualTo("12月1日の午前中に変更できますか。");
        });
        assertThat(view.trail()).extracting(TrailView::type).containsExactly("CREATED");
        assertThat(jdbc.sql("select count(*) from customer where email_normalized = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        Api.Answer fetched = api.get("/api/v1/inquiries/" + reference);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("messages").get(0).get("from").asString()).isEqualTo("CUSTOMER");
    }

    @Test
    void shouldAnswerTheLocationOfTheNewInquiry() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/inquiries"))
                                .header("Authorization", "Bearer " + storefront.key())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(openBody(email, null, "本文")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .matches(".*/api/v1/inquiries/INQ-\\d{4}-\\d{6,}");
    }

    @Test
    void shouldNeverLetAContactFormRewriteAKnownCustomersNameOrPhone() {
        api.postEvent(Events.placed(Events.unique("evt"), Events.unique("A"), email));
        String impostor =
                openBody(email, null, "名前を変えたい").replace("山田 花子", "なりすまし 太郎").replace("090-1234-5678", "080-0000-0000");

        assertThat(post(api, "/api/v1/inquiries", impostor).status()).isEqualTo(201);

        JsonNode customer = api.get("/api/v1/customers?email=" + email).json();
        assertThat(customer.get("name").asString()).isEqualTo("山田 花子");
        assertThat(customer.get("phone").asString()).isEqualTo("090-1234-5678");
    }

    @Test
    void shouldLinkAnOrderOfTheCallingStorefront() {
        String orderNumber = Events.unique("A");
        assertThat(api.postEvent(Events.placed(Events.unique("evt"), orderNumber, email))
                        .status())
                .isEqualTo(200);

        Api.Answer answer = post(api, "/api/v1/inquiries", openBody(email, orderNumber, "届きません"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        InquiryView view = inquiries
                .find(storefront.id(), answer.json().get("reference").asString())
                .orElseThrow();
        Long orderId = jdbc.sql("select id from customer_order where storefront_id = :s and order_number = :n")
                .param("s", storefront.id().value())
                .param("n", orderNumber)
                .query(Long.class)
                .single();
        assertThat(view.order().value()).isEqualTo(orderId);
    }

    @Test
    void shouldRefuseAnotherStorefrontsOrderNumberOnOrderNumberAndWriteNothing() {
        TestStorefront other = TestStorefronts.create(storefronts);
        String orderNumber = Events.unique("B");
        assertThat(new Api(port, other.key())
                        .postEvent(Events.placed(Events.unique("evt"), orderNumber, Events.unique("o") + "@example.jp"))
                        .status())
                .isEqualTo(200);

        Api.Answer answer = post(api, "/api/v1/inquiries", openBody(email, orderNumber, "届きません"));

        assertProblemOn(answer, "orderNumber", "not an order of this storefront");
        assertNothingWritten();
    }

    @Test
    void shouldStoreHtmlAsTextExactlyAsWritten() {
        String html = "<script>alert('x')</script><b>届きません</b> & \"quotes\"";

        Api.Answer answer = post(api, "/api/v1/inquiries", openBody(email, null, html));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(jdbc.sql("select body from inquiry_message m join inquiry i on i.id = m.inquiry_id "
                                + "where i.reference = :r")
                        .param("r", answer.json().get("reference").asString())
                        .query(String.class)
                        .single())
                .isEqualTo(html);
    }

    @Test
    void shouldAcceptABodyOfExactlyTwentyThousandCharacters() {
        Api.Answer answer = post(api, "/api/v1/inquiries", openBody(email, null, "あ".repeat(20_000)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    @Test
    void shouldAddTheCustomersMessageAndAnswer201() {
        String reference = open();

        Api.Answer answer = post(
                api,
                "/api/v1/inquiries/" + reference + "/messages",
                "{\"body\": \"午後でも大丈夫です。\", \"author\": \"山田 花子\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("inquiry").asString()).isEqualTo(reference);
        assertThat(answer.json().get("status").asString()).isEqualTo("NEW");
        InquiryView view = inquiries.find(reference).orElseThrow();
        assertThat(view.messages()).hasSize(2);
        assertThat(view.messages().get(1).authorName()).isEqualTo("山田 花子");
        assertThat(view.trail()).extracting(TrailView::type).containsExactly("CREATED", "CUSTOMER_REPLIED");
    }

    @Test
    void shouldTakeMessagesSentAtTheSameMomentOneAfterTheOther() throws Exception {
        String reference = open();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = "{\"body\": \"同時送信 " + i + "\"}";
                answers.add(pool.submit(() -> post(api, "/api/v1/inquiries/" + reference + "/messages", body)));
            }
            for (Future<Api.Answer> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(inquiries.find(reference).orElseThrow().messages()).hasSize(9);
    }

    @Test
    void shouldReopenAResolvedInquiryWhenTheCustomerWritesAgain() {
        String reference = open();
        String operator = operator();
        inquiries.reply(new Inquiries.Reply(reference, operator, "変更いたしました。"));
        inquiries.resolve(reference, operator);

        Api.Answer answer = post(api, "/api/v1/inquiries/" + reference + "/messages", "{\"body\": \"やはり午前で\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(inquiries.find(reference).orElseThrow().resolvedAt()).isNull();
    }

    @Test
    void shouldOpenAFollowUpWhenTheCustomerWritesToAClosedInquiry() {
        String reference = open();
        String operator = operator();
        inquiries.resolve(reference, operator);
        inquiries.close(reference, operator);

        Api.Answer answer = post(api, "/api/v1/inquiries/" + reference + "/messages", "{\"body\": \"別件です\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String followUp = answer.json().get("inquiry").asString();
        assertThat(followUp).isNotEqualTo(reference);
        assertThat(answer.json().get("followUpOf").asString()).isEqualTo(reference);
        assertThat(answer.json().get("status").asString()).isEqualTo("NEW");
        assertThat(inquiries.find(reference).orElseThrow().status().name()).isEqualTo("CLOSED");
        assertThat(api.get("/api/v1/inquiries/" + followUp)
                        .json()
                        .get("followUpOf")
                        .asString())
                .isEqualTo(reference);
    }

    @Test
    void shouldAnswer404ForAnotherStorefrontsInquiryExactlyLikeAnUnknownOne() {
        String reference = open();
        Api otherApi = new Api(port, TestStorefronts.create(storefronts).key());

        Api.Answer foreign = post(otherApi, "/api/v1/inquiries/" + reference + "/messages", "{\"body\": \"のぞき見\"}");
        Api.Answer unknown = post(otherApi, "/api/v1/inquiries/INQ-1999-000000/messages", "{\"body\": \"のぞき見\"}");
        Api.Answer foreignGet = otherApi.get("/api/v1/inquiries/" + reference);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(foreignGet.status()).isEqualTo(404);
        assertThat(foreign.json().get("title").asString())
                .isEqualTo(unknown.json().get("title").asString());
        assertThat(inquiries.find(reference).orElseThrow().messages()).hasSize(1);
    }

    @Test
    void shouldAnswer404ForAnInquiryOpenedInTheConsole() {
        Inquiries.Opened opened = inquiries.open(new Inquiries.OpenInquiry(
                null, Channel.PHONE, email, "山田 花子", null, null, null, null, "電話での問い合わせ", "折り返し希望", operator()));

        assertThat(api.get("/api/v1/inquiries/" + opened.reference()).status()).isEqualTo(404);
        assertThat(post(api, "/api/v1/inquiries/" + opened.reference() + "/messages", "{\"body\": \"x\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void shouldRefuseABadMessageNamingBodyAndWriteNothing() {
        String reference = open();

        assertProblemOn(
                post(api, "/api/v1/inquiries/" + reference + "/messages", "{\"body\": \" \"}"), "body", "blank");
        assertProblemOn(
                post(
                        api,
                        "/api/v1/inquiries/" + reference + "/messages",
                        "{\"body\": " + json("あ".repeat(20_001)) + "}"),
                "body",
                "at most 20000");
        assertProblemOn(
                post(api, "/api/v1/inquiries/" + reference + "/messages", "{\"body\": \"a\\u0007b\"}"),
                "body",
                "control characters");
        assertProblemOn(
                post(
                        api,
                        "/api/v1/inquiries/" + reference + "/messages",
                        "{\"body\": \"ok\", \"author\": \"a\\u202Eb\"}"),
                "author",
                "control characters");
        assertThat(inquiries.find(reference).orElseThrow().messages()).hasSize(1);
    }

    @Test
    void shouldDescribeTheInquiryEndpointsInTheOpenApiDocument() {
        JsonNode docs = new Api(port, null).get("/v3/api-docs").json();

        JsonNode open = docs.at("/paths/~1api~1v1~1inquiries/post");
        assertThat(open.at("/requestBody/content/application~1json/examples").propertyNames())
                .containsExactly("web form");
        assertThat(open.at("/responses").propertyNames()).contains("201", "400", "401");
        assertThat(docs.at("/paths/~1api~1v1~1inquiries~1{reference}~1messages/post/responses")
                        .propertyNames())
                .contains("201", "400", "404");
        assertThat(docs.at("/paths/~1api~1v1~1inquiries~1{reference}/get").isMissingNode())
                .isFalse();
        assertThat(docs.at("/components/schemas/NewInquiry/properties/channel/enum")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("PHONE", "EMAIL", "CHAT", "VISIT", "WEB_FORM");
    }

    @Test
    void shouldAnswer401WithoutAKey() {
        Api.Answer answer = post(new Api(port, null), "/api/v1/inquiries", openBody(email, null, "x"));

        assertThat(answer.status()).isEqualTo(401);
        assertNothingWritten();
    }

    String operator() {
        String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(username, "{noop}x", "オペレーター", Operators.Role.OPERATOR);
        return username;
    }

    static void assertProblemOn(Api.Answer answer, String field, String reason) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(StreamSupport.stream(answer.json().get("errors").spliterator(), false)
                        .anyMatch(e -> e.get("field").asString().equals(field)
                                && e.get("reason").asString().contains(reason)))
                .as(answer.body())
                .isTrue();
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

    @Test
    void shouldAnswerARetryWithTheSameKeyWithTheFirstInquiryAndRefuseTheKeyForAnotherRequest() {
        String key = Events.unique("idem");
        String body = openBody(email, null, "12月1日の午前中に変更できますか。");
        Api.Answer first = api.postJson("/api/v1/inquiries", body, "Idempotency-Key", key);
        // the same request with its keys in another order and other spacing
        Api.Answer retry = api.postJson("/api/v1/inquiries", """
                {"subject": "お届け日の変更について", "body": "12月1日の午前中に変更できますか。", "category": "SHIPPING",
                 "customer": {"phone": "090-1234-5678", "name": "山田 花子", "email": "%s"}, "channel": "WEB_FORM"}
                """.formatted(email), "Idempotency-Key", key);
        Api.Answer different =
                api.postJson("/api/v1/inquiries", openBody(email, null, "やはり12月2日で。"), "Idempotency-Key", key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("duplicate").asBoolean()).isFalse();
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().get("duplicate").asBoolean()).isTrue();
        assertThat(retry.json().get("reference")).isEqualTo(first.json().get("reference"));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.isProblem()).isTrue();
        assertThat(inquiriesOf(email)).isEqualTo(1);
        assertThat(inquiries
                        .find(first.json().get("reference").asString())
                        .orElseThrow()
                        .messages())
                .hasSize(1);
    }

    @Test
    void shouldOpenOneInquiryForConcurrentTriesWithTheSameKey() throws Exception {
        String key = Events.unique("idem");
        String body = openBody(email, null, "同時に再送されました。");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<String> references = new ArrayList<>();
        try {
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> api.postJson("/api/v1/inquiries", body, "Idempotency-Key", key)));
            }
            for (Future<Api.Answer> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
                references.add(answer.get().json().get("reference").asString());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(references).containsOnly(references.get(0));
        assertThat(inquiriesOf(email)).isEqualTo(1);
    }

    @Test
    void shouldKeepKeysApartPerStorefrontAndRefuseAMalformedKey() {
        String key = Events.unique("idem");
        TestStorefront other = TestStorefronts.create(storefronts);
        String body = openBody(email, null, "12月1日の午前中に変更できますか。");

        Api.Answer here = api.postJson("/api/v1/inquiries", body, "Idempotency-Key", key);
        Api.Answer there = new Api(port, other.key()).postJson("/api/v1/inquiries", body, "Idempotency-Key", key);
        Api.Answer tooLong = api.postJson("/api/v1/inquiries", body, "Idempotency-Key", "k".repeat(201));

        assertThat(here.status()).isEqualTo(201);
        assertThat(there.status()).isEqualTo(201);
        assertThat(there.json().get("duplicate").asBoolean())
                .as("another storefront's key")
                .isFalse();
        assertThat(there.json().get("reference")).isNotEqualTo(here.json().get("reference"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(inquiriesOf(email)).isEqualTo(2);
    }

    long inquiriesOf(String address) {
        return jdbc.sql("""
                        select count(*) from inquiry i join customer c on c.id = i.customer_id
                         where c.email_normalized = :e
                        """).param("e", address).query(Long.class).single();
    }

    @Test
    void shouldAddARetriedMessageOnceAndAnswerWhereTheFirstTryWent() {
        String reference = open();
        String path = "/api/v1/inquiries/" + reference + "/messages";
        String key = Events.unique("idem");

        Api.Answer first =
                api.postJson(path, "{\"body\": \"午後でも大丈夫です。\", \"author\": \"山田 花子\"}", "Idempotency-Key", key);
        Api.Answer retry =
                api.postJson(path, "{ \"author\": \"山田 花子\",\n \"body\": \"午後でも大丈夫です。\" }", "Idempotency-Key", key);
        Api.Answer different = api.postJson(path, "{\"body\": \"やはり午前で。\"}", "Idempotency-Key", key);
        Api.Answer otherInquiry = api.postJson(
                "/api/v1/inquiries/" + open() + "/messages",
                "{\"body\": \"午後でも大丈夫です。\", \"author\": \"山田 花子\"}",
                "Idempotency-Key",
                key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().get("messageId")).isEqualTo(first.json().get("messageId"));
        assertThat(retry.json().get("inquiry").asString()).isEqualTo(reference);
        assertThat(different.status()).isEqualTo(409);
        assertThat(otherInquiry.status())
                .as("a key is one message to one inquiry")
                .isEqualTo(201);
        assertThat(inquiries.find(reference).orElseThrow().messages())
                .as("the opening message and one added")
                .hasSize(2);
    }

    @Test
    void shouldForgetAKeyAfterTheRetentionSoTheStorefrontMayUseItAgain() {
        String key = Events.unique("idem");
        api.postJson("/api/v1/inquiries", openBody(email, null, "最初のお問い合わせ"), "Idempotency-Key", key);
        jdbc.sql("update api_request set created_at = now() - interval '31 days' where request_key = :k")
                .param("k", key)
                .update();

        assertThat(requests.forgetOld()).isGreaterThanOrEqualTo(1);
        Api.Answer reused =
                api.postJson("/api/v1/inquiries", openBody(email, null, "別のお問い合わせ"), "Idempotency-Key", key);

        assertThat(reused.status()).as("a new request, not a conflict").isEqualTo(201);
        assertThat(reused.json().get("duplicate").asBoolean()).isFalse();
        assertThat(inquiriesOf(email)).isEqualTo(2);
    }
}
