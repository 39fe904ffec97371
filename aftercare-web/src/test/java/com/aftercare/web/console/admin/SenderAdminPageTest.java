package com.aftercare.web.console.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A storefront's own sender set by an admin in the console, and used: its mails leave through its
 * relay (a second real SMTP server, logging in with the password sealed at rest) with its From,
 * its name as the shop's and its signature, while the shop's relay sees none of them.
 */
@AftercareIntegrationTest
class SenderAdminPageTest {

    private static final String RELAY_USER = "rakuten-shop";
    private static final String RELAY_PASSWORD = "relay-パスワード-2";

    @RegisterExtension
    static GreenMailExtension mall = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(RELAY_USER, RELAY_PASSWORD))
            .withPerMethodLifecycle(false);

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    ConsoleClient admin;
    String path;

    @BeforeEach
    void aStorefrontOfItsOwn() {
        storefront = TestStorefronts.create(storefronts);
        admin = ConsoleClient.loggedInAsAdmin(port);
        path = "/console/admin/storefronts/" + storefront.id().value() + "/sender";
    }

    @Test
    void shouldSendAStorefrontsMailsThroughItsRelayAsItsOwnSender() throws Exception {
        assertThat(admin.get(path).body()).contains("いまはショップ共通の差出人と送信サーバーを使っています。");

        HttpResponse<String> saved = admin.postForm(path, path, form(Map.of()));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.get(path).body())
                .contains("このストア独自の差出人を使っています。")
                .contains("パスワードは保存されています。")
                .doesNotContain(RELAY_PASSWORD);
        byte[] sealed = jdbc.sql("select relay_password_enc from mail_sender where storefront_id = :s")
                .param("s", storefront.id().value())
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("relay");
        assertThat(jdbc.sql("select details::text from audit_log where action = 'mail.sender.saved' and target_id = :s")
                        .param("s", String.valueOf(storefront.id().value()))
                        .query(String.class)
                        .single())
                .contains("changed")
                .doesNotContain(RELAY_PASSWORD);

        String email = Events.unique("mall") + "@example.jp";
        new Api(port, storefront.key()).postEvent(Events.placed(Events.unique("evt"), Events.unique("R"), email));
        MimeMessage mail = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            dispatcher.dispatchDue();
                            return receivedBy(email);
                        },
                        received -> !received.isEmpty())
                .get(0);

        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("楽天市場店");
        assertThat(from.getAddress()).isEqualTo("rakuten@shop.example");
        assertThat(mail.getSubject()).startsWith("【楽天市場店】");
        assertThat(TestMailServer.textOf(mail)).endsWith("楽天市場店 カスタマーサポート\n受付 平日10:00〜17:00\n");
        assertThat(TestMailServer.receivedBy(email)).as("the shop's relay").isEmpty();
    }

    @Test
    void shouldRefuseABadSenderAtItsFieldAndSaveNothing() {
        for (Map.Entry<String, String> bad : Map.of(
                        "fromAddress", "楽天市場店 <rakuten@shop.example>",
                        "relayPort", "0",
                        "relayUsername", "shop\nuser",
                        "relayDomains", "fw.rakuten.ne.jp\nnot a domain",
                        "replyTo", "a@b.example, c@d.example")
                .entrySet()) {
            HttpResponse<String> refused = admin.postForm(path, path, form(Map.of(bad.getKey(), bad.getValue())));

            assertThat(refused.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(refused.body()).as(bad.getKey()).contains(bad.getKey() + "-error");
        }
        HttpResponse<String> notANumber = admin.postForm(path, path, form(Map.of("relayPort", "587番")));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("relayPort-error");
        HttpResponse<String> inClear = admin.postForm(path, path, form(Map.of("relayHost", "smtp.mall.example")));
        assertThat(inClear.statusCode())
                .as("a login to a relay elsewhere without STARTTLS")
                .isEqualTo(400);
        assertThat(inClear.body()).contains("relayStarttls-error").contains("STARTTLS をオンにしてください");
        assertThat(jdbc.sql("select count(*) from mail_sender where storefront_id = :s")
                        .param("s", storefront.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldGoBackToTheShopsSender() {
        admin.postForm(path, path, form(Map.of()));

        HttpResponse<String> removed = admin.postForm(path, path + "/remove", Map.of());

        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(admin.get(path).body()).contains("いまはショップ共通の差出人と送信サーバーを使っています。");
    }

    @Test
    void shouldLetOnlyAdminsSetASender() {
        ConsoleClient supervisor = ConsoleClient.loggedInAs(
                port, TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR), TestOperators.PASSWORD);

        assertThat(supervisor.get(path).statusCode()).isEqualTo(403);
        assertThat(admin.postWithoutToken(path, form(Map.of())).statusCode()).isEqualTo(403);
        assertThat(admin.get("/console/admin/storefronts/999999999/sender").statusCode())
                .isEqualTo(404);
    }

    private Map<String, String> form(Map<String, String> overrides) {
        Map<String, String> fields = new HashMap<>(Map.of(
                "fromName", "楽天市場店",
                "fromAddress", "rakuten@shop.example",
                "replyTo", "",
                "signature", "楽天市場店 カスタマーサポート\n受付 平日10:00〜17:00",
                "relayHost", "127.0.0.1",
                "relayPort", String.valueOf(mall.getSmtp().getPort()),
                "relayUsername", RELAY_USER,
                "relayPassword", RELAY_PASSWORD,
                "relayDomains", ""));
        fields.putAll(overrides);
        return fields;
    }

    private static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(mall.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
