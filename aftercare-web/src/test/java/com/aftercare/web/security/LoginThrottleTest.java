package com.aftercare.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestOperators;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Failed sign-ins are limited per client address as well as per account: one password tried
 * against many usernames locks no account, so the address runs out (20 failures in 15 minutes).
 * Each test comes from its own address, through a proxy on this machine.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = TestEnvironment.LOGIN_FAILURES_PER_CLIENT + "=20")
class LoginThrottleTest {

    private static final int FAILURES_PER_CLIENT = 20;

    @LocalServerPort
    int port;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldRefuseEvenTheRightPasswordFromAnAddressThatFailedTooOftenButNotFromAnother() {
        String username = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        String sprayer = randomAddress();
        for (int i = 0; i < FAILURES_PER_CLIENT; i++) {
            // a different, unknown username each time: no account's lockout ever counts these
            assertThat(signIn(sprayer, Events.unique("guess"), "password-spray-1"))
                    .as("failure %d", i + 1)
                    .isEqualTo("/login?error");
        }

        assertThat(signIn(sprayer, username, TestOperators.PASSWORD)).isEqualTo("/login?throttled");
        assertThat(new ConsoleClient(port, sprayer).get("/login?throttled").body())
                .contains("id=\"login-throttled\"")
                .contains("このネットワークからのログイン失敗が多すぎます");
        assertThat(jdbc.sql("select failed_logins from operator where username = :u")
                        .param("u", username)
                        .query(Integer.class)
                        .single())
                .as("the refused attempt never reached the password check")
                .isZero();

        assertThat(signIn(randomAddress(), username, TestOperators.PASSWORD)).isEqualTo("/console");
    }

    @Test
    void shouldNotCountSuccessfulSignIns() {
        String username = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        String office = randomAddress();
        for (int i = 0; i < FAILURES_PER_CLIENT + 5; i++) {
            assertThat(signIn(office, username, TestOperators.PASSWORD)).isEqualTo("/console");
        }
    }

    /** Where the sign-in sent the browser: the console, or the login page with its reason. */
    private String signIn(String client, String username, String password) {
        HttpResponse<String> answer = new ConsoleClient(port, client)
                .postForm("/login", "/login", Map.of("username", username, "password", password));
        assertThat(answer.statusCode()).isEqualTo(302);
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // the IPv6 documentation prefix (RFC 3849): never a real client, and room for every run
        return String.format(
                "2001:db8:%x:%x::%x", random.nextInt(1 << 16), random.nextInt(1 << 16), random.nextInt(1, 1 << 16));
    }
}
