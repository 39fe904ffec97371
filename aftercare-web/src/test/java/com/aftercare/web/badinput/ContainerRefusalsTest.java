package com.aftercare.web.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.TestStorefronts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat or the firewall refuses before any handler of ours runs: on the API a problem
 * (never Tomcat's HTML page), on the console, the portal and the login page a short page in the
 * person's language saying why.
 */
@AftercareIntegrationTest
class ContainerRefusalsTest {

    static final String HUGE_AUTHORIZATION = "Authorization: Bearer " + "x".repeat(20 * 1024);
    static final String LONG_QUERY = "?q=" + "q".repeat(10_000);

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    String key;

    @BeforeEach
    void storefront() {
        key = TestStorefronts.create(storefronts).key();
    }

    @Test
    void shouldAnswerA20KbAuthorizationHeaderOnTheApiWithAProblem() {
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/orders/R-1", HUGE_AUTHORIZATION);

        assertProblem(answer, "/api/v1/orders/R-1");
    }

    @Test
    void shouldAnswerAnEncodedSlashInAnApiPathWithAProblem() {
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/orders/R%2F1", "Authorization: Bearer " + key);

        assertProblem(answer, "/api/v1/orders/R%2F1");
    }

    @Test
    void shouldAnswerANulInAnApiPathWithAProblem() {
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/orders/R%001", "Authorization: Bearer " + key);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.head()).isTrue();
    }

    @Test
    void shouldAnswerA10kCharacterQueryOnTheApiWithAProblemAlthoughTomcatNeverReadThePath() {
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/orders" + LONG_QUERY, "Authorization: Bearer " + key);

        assertProblem(answer, "/api/v1/orders");
    }

    @Test
    void shouldAnswerWhatTheFirewallRejectsOnTheApiWithAProblemNamingTheRule() {
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/orders/R-1;jsessionid=x", "Authorization: Bearer " + key);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.head()).isTrue();
        assertThat(json(answer).get("detail").asString()).contains("\";\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/console/customers", "/portal/order", "/login"})
    void shouldShowAPersonAJapanesePageForWhatTomcatRefuses(String page) {
        for (RawHttp.Answer answer : new RawHttp.Answer[] {
            RawHttp.get(port, page, HUGE_AUTHORIZATION),
            RawHttp.get(port, page + "/a%2Fb"),
            RawHttp.get(port, page + "%00"),
            RawHttp.get(port, page + LONG_QUERY)
        }) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("text/html");
            assertThat(answer.body())
                    .contains("lang=\"ja\"")
                    .contains("このリクエストは受け付けられません")
                    .doesNotContain("HTTP Status 400");
        }
    }

    @Test
    void shouldShowThePageInEnglishToABrowserThatPrefersIt() {
        RawHttp.Answer answer = RawHttp.get(port, "/portal/a%2Fb", "Accept-Language: en-GB,en;q=0.9");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("lang=\"en\"").contains("This request is not accepted");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/console/customers", "/portal/order", "/login"})
    void shouldShowAPersonWhyTheFirewallRejectedTheAddress(String page) {
        RawHttp.Answer answer = RawHttp.get(port, page + ";jsessionid=x", "Accept: text/html");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("このアドレスは受け付けられません");
    }

    private static void assertProblem(RawHttp.Answer answer, String instance) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.head() + answer.body()).isTrue();
        JsonNode problem = json(answer);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("instance").asString()).isEqualTo(instance);
        assertThat(problem.get("detail").asString()).contains("refused before it reached the API");
    }

    private static JsonNode json(RawHttp.Answer answer) {
        return JsonMapper.builder().build().readTree(answer.body());
    }
}
