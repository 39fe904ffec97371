package com.aftercare.web.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The walking skeleton end to end: event in over HTTP, thank-you mail out over real SMTP. */
@AftercareIntegrationTest
class OrderThanksMailTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void storefront() {
        api = new Api(port, TestStorefronts.create(storefronts).key());
    }

    @Test
    void shouldSendAJapaneseThankYouMailNamingTheOrderAndItsProducts() throws Exception {
        String email = Events.unique("thanks") + "@example.jp";
        String number = Events.unique("T");

        api.postEvent(Events.placed(Events.unique("evt"), number, email));

        MimeMessage mail = deliveredTo(email);
        assertThat(mail.getSubject()).contains("ご注文ありがとうございます").contains(number);
        String text = TestMailServer.textOf(mail);
        assertThat(text)
                .contains("山田 花子 様")
                .contains(number)
                .contains("オーガニックコットンTシャツ")
                .contains("¥6,550");
        assertThat(mail.getMessageID())
                .isEqualTo(jdbc.sql("select message_id from outbound_mail where to_address = :to")
                        .param("to", email)
                        .query(String.class)
                        .single());
    }

    @Test
    void shouldNameNoProductInTheThankYouMailOfADiscreetOrder() throws Exception {
        String email = Events.unique("discreet") + "@example.jp";

        api.postEvent(Events.placed(Events.unique("evt"), Events.unique("T"), email, true));

        MimeMessage mail = deliveredTo(email);
        String text = TestMailServer.textOf(mail);
        for (String productWord : List.of("Tシャツ", "マグカップ", "TS-001", "MUG-02")) {
            assertThat(mail.getSubject()).doesNotContain(productWord);
            assertThat(text).doesNotContain(productWord);
        }
        assertThat(text).contains("商品名の記載を控えております").contains("¥6,550");
    }

    @Test
    void shouldSendOneThankYouMailWhenTheStorefrontRetriesTheEvent() {
        String email = Events.unique("once") + "@example.jp";
        String body = Events.placed(Events.unique("evt"), Events.unique("T"), email);

        api.postEvent(body);
        api.postEvent(body);
        deliveredTo(email);
        dispatcher.dispatchDue();

        assertThat(TestMailServer.receivedBy(email)).hasSize(1);
    }

    /**
     * The mail is queued in the order's own transaction (an outbox write, like a webhook
     * delivery): it is there when the storefront gets its answer, and no publication is left for
     * a listener to complete, so no crash between the two can lose it.
     */
    @Test
    void shouldQueueTheThankYouMailInTheOrdersOwnTransaction() {
        String email = Events.unique("same-tx") + "@example.jp";

        api.postEvent(Events.placed(Events.unique("evt"), Events.unique("T"), email));

        Long orderId = jdbc.sql(
                        "select order_id from outbound_mail where to_address = :to and template = 'order-thanks'")
                .param("to", email)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("""
                        select count(*) from event_publication
                         where listener_id like '%OrderThanksMail%' and serialized_event like :order
                        """)
                        .param("order", "%\"order\":{\"value\":" + orderId + "}%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** Dispatches like the scheduler would until the mail arrives. */
    private MimeMessage deliveredTo(String email) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            dispatcher.dispatchDue();
                            return TestMailServer.receivedBy(email);
                        },
                        received -> !received.isEmpty())
                .get(0);
    }
}
