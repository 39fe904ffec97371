package com.aftercare.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestOperators;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Console sessions as an admin manages them: listed, ended one by one, ended all at once when an
 * operator is disabled or gets another role; and the cookie marked Secure behind a TLS proxy.
 */
@AftercareIntegrationTest
class OperatorSessionsTest {

    private static final String OPERATORS = "/console/admin/operators";
    private static final Pattern SESSION_FIELD = Pattern.compile("name=\"session\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldListSignedInOperatorsAndLetAnAdminEndOneSession() {
        String username = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        ConsoleClient operator = ConsoleClient.loggedInAs(port, username, TestOperators.PASSWORD);
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);

        String page = admin.get(OPERATORS).body();
        assertThat(page)
                .contains("id=\"active-sessions\"")
                .contains(">" + username + "<")
                .contains("127.0.0.1");
        String sessionId = sessionIdOf(page, username);

        HttpResponse<String> ended =
                admin.postForm(OPERATORS, OPERATORS + "/sessions/end", Map.of("session", sessionId));
        assertThat(ended.statusCode()).isEqualTo(302);
        assertSignedOut(operator);
        assertThat(auditCount(username, "operator.session-ended")).isEqualTo(1);
        // the admin's own session goes on
        assertThat(admin.get(OPERATORS).statusCode()).isEqualTo(200);

        HttpResponse<String> again =
                admin.postForm(OPERATORS, OPERATORS + "/sessions/end", Map.of("session", sessionId));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(admin.get(OPERATORS).body()).contains("そのセッションはすでに終了しています。");
        HttpResponse<String> bogus =
                admin.postForm(OPERATORS, OPERATORS + "/sessions/end", Map.of("session", "../../etc/passwd"));
        assertThat(bogus.statusCode()).isEqualTo(302);
        assertThat(auditCount(username, "operator.session-ended")).isEqualTo(1);
    }

    @Test
    void shouldEndEverySessionOfAnOperatorWhoIsDisabled() {
        String username = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        ConsoleClient laptop = ConsoleClient.loggedInAs(port, username, TestOperators.PASSWORD);
        ConsoleClient phone = ConsoleClient.loggedInAs(port, username, TestOperators.PASSWORD);
        assertThat(laptop.get("/console").statusCode()).isEqualTo(200);

        ConsoleClient.loggedInAsAdmin(port).postForm(OPERATORS, OPERATORS + "/" + username + "/disable", Map.of());

        assertSignedOut(laptop);
        assertSignedOut(phone);
        assertThat(signedInSessionsOf(username)).isZero();
    }

    @Test
    void shouldEndTheSessionsOfAnOperatorWhoseRoleChangesSoTheNewRoleAppliesAtTheNextSignIn() {
        String username = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        ConsoleClient before = ConsoleClient.loggedInAs(port, username, TestOperators.PASSWORD);
        assertThat(before.get("/console/figures").statusCode()).isEqualTo(403);

        HttpResponse<String> changed = ConsoleClient.loggedInAsAdmin(port)
                .postForm(OPERATORS, OPERATORS + "/" + username + "/role", Map.of("role", "SUPERVISOR"));

        assertThat(changed.statusCode()).isEqualTo(302);
        assertSignedOut(before);
        assertThat(ConsoleClient.loggedInAs(port, username, TestOperators.PASSWORD)
                        .get("/console/figures")
                        .statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("select details->>'from' || '>' || (details->>'to') from audit_log"
                                + " where action = 'operator.role-changed' and target_id = :u")
                        .param("u", username)
                        .query(String.class)
                        .list())
                .containsExactly("OPERATOR>SUPERVISOR");
    }

    @Test
    void shouldRefuseAnUnknownRoleAndAnAdminChangingTheirOwnRole() {
        String username = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        ConsoleClient operator = ConsoleClient.loggedInAs(port, username, TestOperators.PASSWORD);
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);

        for (String bad : List.of("ROOT", "", "admin")) {
            admin.postForm(OPERATORS, OPERATORS + "/" + username + "/role", Map.of("role", bad));
            assertThat(admin.get(OPERATORS).body()).contains("一覧にある役割から選んでください。");
        }
        admin.postForm(OPERATORS, OPERATORS + "/admin/role", Map.of("role", "OPERATOR"));

        assertThat(roleOf(username)).isEqualTo("OPERATOR");
        assertThat(roleOf("admin")).isEqualTo("ADMIN");
        assertThat(operator.get("/console").statusCode())
                .as("nothing changed, the session goes on")
                .isEqualTo(200);
        assertThat(admin.get(OPERATORS).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldMarkTheSessionCookieSecureWhenATrustedProxySaysTheRequestCameOverHttps() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> viaProxy = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("X-Forwarded-Proto", "https")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plain = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(sessionCookie(viaProxy))
                .contains("Secure")
                .contains("HttpOnly")
                .contains("SameSite=Lax");
        assertThat(sessionCookie(plain)).contains("HttpOnly").doesNotContain("Secure");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static void assertSignedOut(ConsoleClient client) {
        HttpResponse<String> answer = client.get("/console");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    private static String sessionIdOf(String page, String username) {
        int row = page.indexOf(">" + username + "<", page.indexOf("id=\"active-sessions\""));
        Matcher field = SESSION_FIELD.matcher(page);
        assertThat(field.find(row))
                .as("an end button in " + username + "'s row")
                .isTrue();
        return field.group(1);
    }

    private long signedInSessionsOf(String username) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    private long auditCount(String username, String action) {
        return jdbc.sql("select count(*) from audit_log where action = :a and target_id = :u")
                .param("a", action)
                .param("u", username)
                .query(Long.class)
                .single();
    }

    private String roleOf(String username) {
        return jdbc.sql("select role from operator where username = :u")
                .param("u", username)
                .query(String.class)
                .single();
    }
}
