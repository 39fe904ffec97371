package com.aftercare.web.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestStorefronts;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Values a form or a link cannot hold: an account type outside its list comes back as a message
 * under its field with nothing saved, and a correctly signed link whose expiry is past the end of
 * {@link Instant} is an invalid link (400), never a 500.
 */
@AftercareIntegrationTest
class OutOfRangeValuesTest {

    /** The suite's link secret (TestEnvironment), to sign what the application never would. */
    static final String LINK_SECRET = "test-link-secret-0123456789abcdefghij";

    static final Pattern RMA = Pattern.compile("/portal/claims/(RMA-\\d{4}-\\d{6,})\\?token=");

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    PortalOrderLinks links;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldRefuseABankAccountTypeOutsideItsListUnderItsFieldAndSaveNothing() {
        Api api = new Api(port, TestStorefronts.create(storefronts).key());
        String yesterday = OffsetDateTime.now(ZoneOffset.ofHours(9))
                .minusDays(1)
                .withNano(0)
                .toString();
        TestOrder order = ClaimFixtures.delivered(api, "COD", false, yesterday);
        String token = URLEncoder.encode(tokenOf(order), StandardCharsets.UTF_8);
        ConsoleClient customer = new ConsoleClient(port);
        HttpResponse<String> opened = customer.postMultipart(
                "/portal",
                "/portal/claims?type=RETURN&token=" + token,
                Map.of("reason", "DEFECTIVE", "quantity[1]", "1"),
                List.of());
        Matcher rma = RMA.matcher(opened.headers().firstValue("Location").orElse(""));
        assertThat(rma.find()).as(opened.statusCode() + " " + opened.headers()).isTrue();
        String status = "/portal/claims/" + rma.group(1) + "?token=" + token;

        HttpResponse<String> answer = customer.postForm(
                status,
                "/portal/claims/" + rma.group(1) + "/bank-account?token=" + token,
                Map.of(
                        "bankName", "みずほ銀行",
                        "bankCode", "0001",
                        "branchName", "渋谷支店",
                        "branchCode", "123",
                        "type", "SAVINGS_OFFSHORE",
                        "number", "1234567",
                        "holder", "ヤマダ ハナコ"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("預金種目を選んでください");
        assertThat(jdbc.sql("select count(*) from claim where rma = :rma and bank_account_enc is not null")
                        .param("rma", rma.group(1))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldRefuseAConsoleRoleOutsideItsListUnderItsFieldAndCreateNobody() {
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        String username = "role" + Long.toString(System.nanoTime(), 36);

        HttpResponse<String> answer = admin.postForm(
                "/console/admin/operators",
                "/console/admin/operators",
                Map.of(
                        "username", username,
                        "displayName", "範囲外",
                        "role", "EMPEROR",
                        "password", "long-enough-password"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"role-error\"");
        assertThat(jdbc.sql("select count(*) from operator where username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @ParameterizedTest(name = "expiry {0}")
    @ValueSource(strings = {"31556889864403200", "9223372036854775807", "99999999999999999999", "-9223372036854775808"})
    void shouldTreatASignedLinkWhoseExpiryIsOutOfRangeAsInvalid(String expiry) {
        String token = sign(PortalOrderLinks.PURPOSE, "1", expiry);

        HttpResponse<String> page = new ConsoleClient(port).get(links.pathFor(token));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("このリンクは無効です");
    }

    @Test
    void shouldStillOpenALinkSignedTheSameWayWithASaneExpiry() {
        Api api = new Api(port, TestStorefronts.create(storefronts).key());
        TestOrder order = ClaimFixtures.placed(api, "CARD", false);
        String orderId = jdbc.sql("select id from customer_order where order_number = :n")
                .param("n", order.number())
                .query(Long.class)
                .single()
                .toString();
        String token = sign(
                PortalOrderLinks.PURPOSE,
                orderId,
                Long.toString(Instant.now().plusSeconds(3600).getEpochSecond()));

        HttpResponse<String> page = new ConsoleClient(port).get(links.pathFor(token));

        assertThat(page.statusCode())
                .as("the control: the hand-made signature is right")
                .isEqualTo(200);
        assertThat(page.body()).contains(order.number());
    }

    private String tokenOf(TestOrder order) {
        long id = jdbc.sql("select id from customer_order where order_number = :n")
                .param("n", order.number())
                .query(Long.class)
                .single();
        return links.tokenFor(new com.aftercare.domain.order.OrderId(id), PortalOrderLinks.LOOKUP_VALIDITY);
    }

    /** A token as {@code SignedTokens} makes them, with an expiry it would never write. */
    private static String sign(String purpose, String subject, String expiry) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String encodedSubject = base64.encodeToString(subject.getBytes(StandardCharsets.UTF_8));
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(LINK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature =
                    hmac.doFinal((purpose + "\n" + encodedSubject + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
            return encodedSubject + "." + expiry + "." + base64.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
