package com.aftercare.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Resolving an inquiry asks the customer one question; an unhappy answer flags the inquiry. */
@AftercareIntegrationTest
class SatisfactionSurveyTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Inquiries inquiries;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    String email;
    String reference;
    String surveyPath;
    ConsoleClient customer;

    @BeforeEach
    void aResolvedInquiry() {
        email = Events.unique("csat") + "@example.jp";
        reference = new Api(port, TestStorefronts.create(storefronts).key())
                .post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                        {"channel": "WEB_FORM", "customer": {"email": "%s", "name": "山田 花子"},
                         "category": "PRODUCT", "subject": "使い方を教えてください", "body": "電源が入りません。"}
                        """.formatted(
                                email)))
                .json()
                .get("reference")
                .asString();
        inquiries.resolve(reference, "admin");
        String text = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            dispatcher.dispatchDue();
                            return TestMailServer.receivedBy(email).stream()
                                    .filter(m -> TestMailServer.subjectOf(m).contains("アンケート"))
                                    .map(TestMailServer::textOf)
                                    .findFirst();
                        },
                        java.util.Optional::isPresent)
                .orElseThrow();
        Matcher link = Pattern.compile("(/portal/csat\\?token=\\S+)").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        surveyPath = link.group(1);
        customer = new ConsoleClient(port);
    }

    @Test
    void shouldFlagTheInquiryWhenTheCustomerIsUnhappyAndTakeOneAnswerOnly() {
        HttpResponse<String> form = customer.get(surveyPath);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains(reference).contains("どの程度ご満足");

        HttpResponse<String> answer =
                customer.postForm(surveyPath, surveyPath, Map.of("score", "1", "comment", "説明が分かりにくかった"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("ご回答ありがとうございました");
        assertThat(jdbc.sql("select flagged from inquiry where reference = :r")
                        .param("r", reference)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        HttpResponse<String> again = customer.get(surveyPath);
        assertThat(again.body()).contains("ご回答ありがとうございました").doesNotContain("送信する");
        // a second answer posted anyway (the thanks page has no form; any portal page gives a token)
        customer.postForm("/portal", surveyPath, Map.of("score", "5"));
        assertThat(jdbc.sql("""
                        select score from inquiry_satisfaction s join inquiry i on i.id = s.inquiry_id where i.reference = :r
                        """).param("r", reference).query(Integer.class).list())
                .containsExactly(1);
    }

    @Test
    void shouldNotFlagAHappyCustomer() {
        customer.postForm(surveyPath, surveyPath, Map.of("score", "5"));

        assertThat(jdbc.sql("select flagged from inquiry where reference = :r")
                        .param("r", reference)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void shouldAskAgainForAMissingOrImpossibleScore() {
        HttpResponse<String> missing = customer.postForm(surveyPath, surveyPath, Map.of("comment", "点数なし"));
        HttpResponse<String> impossible = customer.postForm(surveyPath, surveyPath, Map.of("score", "9"));

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("1から5のいずれか");
        assertThat(impossible.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql(
                                "select count(*) from inquiry_satisfaction s join inquiry i on i.id = s.inquiry_id where i.reference = :r")
                        .param("r", reference)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldRefuseATamperedLink() {
        String tampered = surveyPath.substring(0, surveyPath.length() - 2) + (surveyPath.endsWith("AA") ? "BB" : "AA");

        assertThat(customer.get(tampered).statusCode()).isEqualTo(400);
        assertThat(customer.get("/portal/csat").statusCode()).isEqualTo(400);
    }
}
