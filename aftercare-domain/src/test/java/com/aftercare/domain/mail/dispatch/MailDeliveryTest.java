package com.aftercare.domain.mail.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.outbox.OutgoingMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The pipeline against a real SMTP server (GreenMail), through Boot's configured mail sender. */
class MailDeliveryTest extends OutboxTestSupport {

    @RegisterExtension
    static GreenMailExtension greenMail =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void shouldStampASentMailWithThePlatformsClockNotTheDatabases() {
        // the clock every service stamps with (a test's, the demo's replaying one): 40 days ago
        Instant then = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MILLIS);
        MailDispatcher dispatcher =
                dispatcher("clocked", greenMail.getSmtp().getPort(), 50, Clock.fixed(then, ZoneOffset.UTC));
        long id = enqueue(mail("clock@" + uniqueDomain(), "時計のテスト", "本文"));

        for (int round = 0; round < 20 && row(id).status().equals("PENDING"); round++) {
            dispatcher.dispatchDue();
        }

        assertThat(row(id).status()).isEqualTo("SENT");
        Instant sentAt = jdbc.sql("select sent_at from outbound_mail where id = :id")
                .param("id", id)
                .query(Timestamp.class)
                .single()
                .toInstant();
        assertThat(sentAt).isEqualTo(then);
    }

    @Test
    void shouldDeliverEnqueuedMailOnceWithJapaneseSubjectIntact() throws Exception {
        String to = "hanako@" + uniqueDomain();
        String subject = "【ご注文ありがとうございます】商品到着のご案内";
        String text = "山田花子様\n\nこの度はご購入いただき、誠にありがとうございました。";
        String html = "<p>山田花子様</p><p>ご購入ありがとうございました。</p>";
        long id = enqueue(new OutgoingMail(
                "thanks:" + UUID.randomUUID(),
                MailKind.TRANSACTIONAL,
                "order-thanks",
                null,
                null,
                to,
                subject,
                text,
                html,
                Map.of("X-Aftercare-Template", "order-thanks"),
                Instant.now()));

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        MimeMessage[] received = receivedBy(to);
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo(subject);
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Aftercare テスト");
        assertThat(message.getHeader("X-Aftercare-Template", null)).isEqualTo("order-thanks");
        String plain = textPart(message, "text/plain");
        assertThat(plain.replace("\r\n", "\n")).isEqualTo(text);
        assertThat(textPart(message, "text/html")).isEqualTo(html);
        Row row = row(id);
        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.messageId()).startsWith("<outbox-" + id + ".").endsWith("@shop.example>");
        assertThat(message.getMessageID()).isEqualTo(row.messageId());
    }

    @Test
    void shouldStoreAndSendOneMailWhenTheSameDedupKeyIsEnqueuedTwice() {
        String to = "twice@" + uniqueDomain();
        OutgoingMail first = mail(to, "初回", "一通目");
        OutgoingMail again = new OutgoingMail(
                first.dedupKey(),
                MailKind.TRANSACTIONAL,
                "test",
                null,
                null,
                to,
                "二回目",
                "二通目",
                null,
                Map.of(),
                Instant.now());

        assertThat(outbox.enqueue(first)).isTrue();
        assertThat(outbox.enqueue(again)).isFalse();
        dispatcher.dispatchDue();

        assertThat(jdbc.sql("select count(*) from outbound_mail where to_address = :to")
                        .param("to", to)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(receivedBy(to)).hasSize(1);
    }

    @Test
    void shouldStoreAndSendNothingWhenTheEnqueuingTransactionRollsBack() {
        // the application runs on JPA; the JDBC outbox must join that transaction, not commit alone
        assertThat(transactionManager).isInstanceOf(JpaTransactionManager.class);
        String to = "rolledback@" + uniqueDomain();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            outbox.enqueue(mail(to, "取り消されるメール", "送られないはず"));
            status.setRollbackOnly();
        });
        dispatcher.dispatchDue();

        assertThat(jdbc.sql("select count(*) from outbound_mail where to_address = :to")
                        .param("to", to)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(receivedBy(to)).isEmpty();
    }

    @Test
    void shouldKeepMailPendingWithBackoffWhileSmtpIsDownAndDeliverItOnceWhenItIsBack() {
        String to = "patient@" + uniqueDomain();
        long id = enqueue(mail(to, "再送テスト", "サーバー停止中"));
        MailDispatcher whileDown = dispatcher("down-instance", FakeSmtpServer.closedPort(), 100);

        assertThat(whileDown.dispatchDue()).isGreaterThanOrEqualTo(1);

        Row waiting = row(id);
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.attempts()).as("the relay was down, not the mail").isZero();
        assertThat(waiting.waiting()).as("next attempt pushed into the future").isTrue();
        assertThat(waiting.lastError()).contains("connect");
        assertThat(whileDown.dispatchDue())
                .as("nothing due during the back-off")
                .isZero();

        makeDue(id);
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(row(id).status()).isEqualTo("SENT");
        assertThat(receivedBy(to)).hasSize(1);
    }

    @Test
    void shouldLetAnotherDispatcherTakeOverAnExpiredClaimAndSendIt() {
        String to = "takeover@" + uniqueDomain();
        long id = enqueue(mail(to, "引き継ぎ", "期限切れの確保"));
        jdbc.sql("""
                        update outbound_mail set status = 'CLAIMED', claimed_by = 'crashed-instance',
                               lease_until = now() - interval '1 second' where id = :id
                        """).param("id", id).update();

        dispatcher.dispatchDue();

        Row row = row(id);
        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.claimedBy()).isEqualTo(properties.dispatcher().instanceId());
        assertThat(receivedBy(to)).hasSize(1);
    }

    @Test
    void shouldNotTakeOverAClaimWhoseLeaseIsStillRunning() {
        String to = "leased@" + uniqueDomain();
        long id = enqueue(mail(to, "確保中", "まだ期限内"));
        jdbc.sql("""
                        update outbound_mail set status = 'CLAIMED', claimed_by = 'busy-instance',
                               lease_until = now() + interval '1 minute' where id = :id
                        """).param("id", id).update();

        dispatcher.dispatchDue();

        assertThat(row(id).status()).isEqualTo("CLAIMED");
        assertThat(receivedBy(to)).isEmpty();
    }

    @Test
    void shouldParkAnExpiredInFlightMailAsUnknownInsteadOfSendingIt() {
        String to = "inflight@" + uniqueDomain();
        long id = enqueue(mail(to, "送信中に停止", "結果不明"));
        jdbc.sql("""
                        update outbound_mail set status = 'IN_FLIGHT', claimed_by = 'crashed-instance',
                               lease_until = now() - interval '1 second' where id = :id
                        """).param("id", id).update();

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        Row row = row(id);
        assertThat(row.status()).isEqualTo("UNKNOWN");
        assertThat(row.lastError()).contains("crashed-instance");
        assertThat(receivedBy(to)).isEmpty();
    }

    @Test
    void shouldParkAWholeGroupAsUnknownWhenItsDispatcherDiesAfterMarkingItInFlightAndSendNoneOfIt() {
        String domain = uniqueDomain();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(enqueue(mail("group" + i + "@" + domain, "送信前に停止 " + i, "本文")));
        }
        // what a dispatcher does before its first hand-over of the group, then it dies
        List<Long> claimed = rows.claim("dying-instance", Duration.ofMinutes(2), 100).stream()
                .map(ClaimedMail::id)
                .toList();
        assertThat(claimed).containsAll(ids);
        assertThat(rows.markInFlight(claimed, "dying-instance", Duration.ofMinutes(2)))
                .containsAll(ids);
        jdbc.sql("update outbound_mail set lease_until = now() - interval '1 second' where id in (:ids)")
                .param("ids", claimed)
                .update();

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(ids).allSatisfy(id -> {
            Row row = row(id);
            assertThat(row.status()).isEqualTo("UNKNOWN");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).contains("dying-instance");
        });
        assertThat(greenMail.getReceivedMessagesForDomain(domain))
                .as("a mail marked IN_FLIGHT is never handed over by anyone else")
                .isEmpty();
    }

    @Test
    void shouldDeliverEveryMailExactlyOnceWhenTwoDispatchersRunConcurrently() throws Exception {
        String domain = uniqueDomain();
        int mails = 300;
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < mails; i++) {
            String to = "c" + i + "@" + domain;
            recipients.add(to);
            outbox.enqueue(mail(to, "同時配信 " + i, "本文 " + i));
        }
        int port = greenMail.getSmtp().getPort();
        List<MailDispatcher> dispatchers =
                List.of(dispatcher("instance-a", port, 20), dispatcher("instance-b", port, 20));

        ExecutorService pool = Executors.newFixedThreadPool(dispatchers.size());
        // both start together, so their claims really overlap
        CyclicBarrier start = new CyclicBarrier(dispatchers.size());
        try {
            List<Callable<Integer>> drains = dispatchers.stream()
                    .<Callable<Integer>>map(d -> () -> {
                        start.await();
                        return drain(d);
                    })
                    .toList();
            int handled = 0;
            for (Future<Integer> drained : pool.invokeAll(drains)) {
                handled += drained.get();
            }
            assertThat(handled).isEqualTo(mails);
        } finally {
            pool.shutdownNow();
        }

        Map<String, Long> receivedPerRecipient = Arrays.stream(greenMail.getReceivedMessagesForDomain(domain))
                .map(MailDeliveryTest::recipient)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(receivedPerRecipient).hasSize(mails);
        assertThat(receivedPerRecipient.keySet()).containsExactlyInAnyOrderElementsOf(recipients);
        assertThat(receivedPerRecipient.values()).allMatch(count -> count == 1L);
        assertThat(jdbc.sql("select count(*) from outbound_mail where to_address like :d and status = 'SENT'")
                        .param("d", "%@" + domain)
                        .query(Long.class)
                        .single())
                .isEqualTo((long) mails);
        assertThat(jdbc.sql("select distinct claimed_by from outbound_mail where to_address like :d")
                        .param("d", "%@" + domain)
                        .query(String.class)
                        .list())
                .as("both dispatchers took part")
                .containsExactlyInAnyOrder("instance-a", "instance-b");
    }

    /** Dispatches until a round finds nothing left for this instance. */
    private static int drain(MailDispatcher dispatcher) {
        int total = 0;
        for (int handled = dispatcher.dispatchDue(); handled > 0; handled = dispatcher.dispatchDue()) {
            total += handled;
        }
        return total;
    }

    private static MimeMessage[] receivedBy(String to) {
        return Arrays.stream(greenMail.getReceivedMessagesForDomain(to.substring(to.indexOf('@') + 1)))
                .filter(message -> recipient(message).equals(to))
                .toArray(MimeMessage[]::new);
    }

    private static String recipient(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return ((InternetAddress) to[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded content of the first part with this type, searching nested multiparts. */
    private static String textPart(MimeMessage message, String type) throws Exception {
        String found = find(message.getContent(), message.getContentType(), type);
        if (found == null) {
            throw new AssertionError("no " + type + " part in " + GreenMailUtil.getWholeMessage(message));
        }
        return found;
    }

    private static String find(Object content, String contentType, String type) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                String found = find(part.getContent(), part.getContentType(), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return contentType.toLowerCase().startsWith(type) ? (String) content : null;
    }
}
