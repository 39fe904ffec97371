package com.aftercare.domain.mail.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailSender;
import com.aftercare.domain.mail.outbox.OutgoingMail;
import com.aftercare.domain.mail.sender.MailSenderRows;
import com.aftercare.domain.storefront.StorefrontId;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A sender per storefront against two real SMTP servers: the shop's relay and a storefront's own
 * (as 楽天市場's relay is for its masked addresses). Each mail reaches only the relay that should
 * carry it, with its storefront's From and Reply-To, and the relay's password is opened from its
 * sealed form to log in.
 */
@TestPropertySource(properties = "aftercare.secrets.key=dGVzdC1zZWNyZXRzLWtleS0zMi1ieXRlcy1sb25nISE=")
class MailSenderRoutingTest extends OutboxTestSupport {

    private static final String RELAY_USER = "shop-a";
    private static final String RELAY_PASSWORD = "relay-パスワード-1";

    @RegisterExtension
    static GreenMailExtension shops =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @RegisterExtension
    static GreenMailExtension storefronts = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(RELAY_USER, RELAY_PASSWORD))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> shops.getSmtp().getPort());
    }

    @Autowired
    MailDispatcher dispatcher;

    String domain;

    @BeforeEach
    void recipientsOfTheirOwn() {
        domain = uniqueDomain();
    }

    @Test
    void shouldSendAStorefrontsMailThroughItsOwnRelayAsItsOwnSender() throws Exception {
        StorefrontId own = storefront();
        StorefrontId plain = storefront();
        configure(own, "楽天市場店", "rakuten-shop@shop.example", null, relay(List.of()));
        configure(plain, "自社サイト", "web@shop.example", "support@shop.example", null);

        outbox.enqueue(mail("a@" + domain, own));
        outbox.enqueue(mail("b@" + domain, plain));
        outbox.enqueue(mail("c@" + domain, null));
        dispatcher.dispatchDue();

        MimeMessage viaOwnRelay = only(storefronts, "a@" + domain);
        assertThat(sender(viaOwnRelay)).isEqualTo("楽天市場店 <rakuten-shop@shop.example>");
        assertThat(viaOwnRelay.getMessageID()).endsWith("@shop.example>");
        assertThat(received(shops, "a@" + domain)).isEmpty();

        MimeMessage plainOne = only(shops, "b@" + domain);
        assertThat(sender(plainOne)).isEqualTo("自社サイト <web@shop.example>");
        assertThat(Arrays.stream(plainOne.getReplyTo()).map(Address::toString)).containsExactly("support@shop.example");
        assertThat(received(storefronts, "b@" + domain)).isEmpty();

        assertThat(sender(only(shops, "c@" + domain))).isEqualTo("Aftercare テスト <noreply@shop.example>");
    }

    @Test
    void shouldSendOnlyTheListedDomainsThroughTheStorefrontsRelay() throws Exception {
        String masked = uniqueDomain();
        StorefrontId mall = storefront();
        configure(mall, "モール店", "mall@shop.example", null, relay(List.of(masked)));

        outbox.enqueue(mail("buyer@" + masked, mall));
        outbox.enqueue(mail("buyer@" + domain, mall));
        dispatcher.dispatchDue();

        assertThat(only(storefronts, "buyer@" + masked)).isNotNull();
        assertThat(received(shops, "buyer@" + masked)).isEmpty();
        assertThat(sender(only(shops, "buyer@" + domain))).isEqualTo("モール店 <mall@shop.example>");
        assertThat(received(storefronts, "buyer@" + domain)).isEmpty();
    }

    @Test
    void shouldRetryAStorefrontsMailLaterWhenItsRelayCannotBeReached() {
        StorefrontId away = storefront();
        configure(
                away,
                null,
                "away@shop.example",
                null,
                new MailSender.Relay("127.0.0.1", 1, false, null, false, List.of()));
        long id = outboxId(mail("d@" + domain, away));
        long other = outboxId(mail("e@" + domain, null));

        dispatcher.dispatchDue();

        assertThat(row(id).status()).isEqualTo("PENDING");
        assertThat(row(id).lastError()).startsWith("connect:");
        assertThat(row(other).status())
                .as("the shop's relay still works for the rest")
                .isEqualTo("SENT");
    }

    @Test
    void shouldLogInToTheStorefrontsRelayWithItsOwnPassword() {
        StorefrontId wrong = storefront();
        senders.store(
                new MailSender(wrong, null, "wrong@shop.example", null, null, relay(List.of())),
                secrets.seal("not-the-password", MailSenderRows.secretRow(wrong), "relayPassword"),
                false,
                "test");
        long id = outboxId(mail("f@" + domain, wrong));

        dispatcher.dispatchDue();

        assertThat(row(id).status()).isEqualTo("PENDING");
        assertThat(row(id).lastError()).startsWith("connect:").containsIgnoringCase("auth");
        assertThat(received(storefronts, "f@" + domain)).isEmpty();
    }

    private StorefrontId storefront() {
        String code = "s" + UUID.randomUUID().toString().substring(0, 8);
        return new StorefrontId(jdbc.sql("insert into storefront (code, name) values (:code, :code) returning id")
                .param("code", code)
                .query(Long.class)
                .single());
    }

    private MailSender.Relay relay(List<String> domains) {
        return new MailSender.Relay("127.0.0.1", storefronts.getSmtp().getPort(), false, RELAY_USER, true, domains);
    }

    private void configure(StorefrontId storefront, String name, String from, String replyTo, MailSender.Relay relay) {
        byte[] sealed = relay == null || relay.username() == null
                ? null
                : secrets.seal(RELAY_PASSWORD, MailSenderRows.secretRow(storefront), "relayPassword");
        senders.store(new MailSender(storefront, name, from, replyTo, null, relay), sealed, false, "test");
    }

    private long outboxId(OutgoingMail mail) {
        outbox.enqueue(mail);
        return idOf(mail.dedupKey());
    }

    private static OutgoingMail mail(String to, StorefrontId storefront) {
        return new OutgoingMail(
                "test:" + UUID.randomUUID(),
                MailKind.TRANSACTIONAL,
                "test",
                null,
                null,
                to,
                "ご注文ありがとうございます",
                "本文",
                null,
                Map.of(),
                Instant.now(),
                storefront == null ? null : storefront.value());
    }

    private static MimeMessage only(GreenMailExtension server, String to) {
        List<MimeMessage> received = received(server, to);
        assertThat(received).as("mails to " + to).hasSize(1);
        return received.get(0);
    }

    private static List<MimeMessage> received(GreenMailExtension server, String to) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equals(to));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The From as a person reads it: the name, then the address. */
    private static String sender(MimeMessage message) throws Exception {
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        return from.getPersonal() + " <" + from.getAddress() + ">";
    }
}
