package com.aftercare.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input on the admin forms: the form again with a message per field, and nothing written. */
@AftercareIntegrationTest
class AdminFormsTest {

    private static final String OPERATORS = "/console/admin/operators";
    private static final String STOREFRONTS = "/console/admin/storefronts";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldRefuseABlankUsernameWithAFieldMessage() {
        String name = Events.unique("blank");
        HttpResponse<String> answer = ConsoleClient.loggedInAsAdmin(port)
                .postForm(OPERATORS, OPERATORS, operator("", name, "a-long-password-1"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"username-error\"").contains("入力してください。");
        assertThat(operatorsNamed(name)).isZero();
    }

    @Test
    void shouldRefuseAShortPasswordWithAFieldMessage() {
        String username = Events.unique("short").toLowerCase();
        HttpResponse<String> answer = ConsoleClient.loggedInAsAdmin(port)
                .postForm(OPERATORS, OPERATORS, operator(username, "短い パスワード", "short-1"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"password-error\"").contains("12 文字以上で入力してください。");
        assertThat(answer.body()).contains("value=\"" + username + "\"");
        assertThat(operatorCount(username)).isZero();
    }

    @Test
    void shouldRefuseADuplicateUsernameWithoutChangingTheExistingOperator() {
        String username = Events.unique("dup").toLowerCase();
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        assertThat(admin.postForm(OPERATORS, OPERATORS, operator(username, "最初の人", "first-password-123"))
                        .statusCode())
                .isEqualTo(302);

        HttpResponse<String> answer =
                admin.postForm(OPERATORS, OPERATORS, operator(username, "二人目", "second-password-123"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"username-error\"").contains("このユーザー名はすでに使われています。");
        assertThat(jdbc.sql("select display_name from operator where username = :u")
                        .param("u", username)
                        .query(String.class)
                        .list())
                .containsExactly("最初の人");
    }

    @Test
    void shouldRefuseABadStorefrontCodeInEnglishToo() {
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        admin.get("/console?lang=en");
        String name = Events.unique("Bad Code Shop");

        HttpResponse<String> answer =
                admin.postForm(STOREFRONTS, STOREFRONTS, Map.of("code", "Bad Code!", "name", name));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"code-error\"").contains("2 to 63 lower-case letters");
        assertThat(jdbc.sql("select count(*) from storefront where name = :n")
                        .param("n", name)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldRefuseAnAdminFormPostedWithoutItsCsrfToken() {
        String username = Events.unique("forged").toLowerCase();
        HttpResponse<String> answer = ConsoleClient.loggedInAsAdmin(port)
                .postWithoutToken(OPERATORS, operator(username, "偽造", "forged-password-123"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(operatorCount(username)).isZero();
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownApiKey() {
        HttpResponse<String> answer = ConsoleClient.loggedInAsAdmin(port)
                .postForm(STOREFRONTS, "/console/admin/storefronts/keys/999999999/revoke", Map.of());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("指定されたものは見つかりません。").doesNotContain("Exception");
    }

    private static Map<String, String> operator(String username, String displayName, String password) {
        return Map.of("username", username, "displayName", displayName, "role", "OPERATOR", "password", password);
    }

    private long operatorCount(String username) {
        return jdbc.sql("select count(*) from operator where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    private long operatorsNamed(String displayName) {
        return jdbc.sql("select count(*) from operator where display_name = :d")
                .param("d", displayName)
                .query(Long.class)
                .single();
    }
}
