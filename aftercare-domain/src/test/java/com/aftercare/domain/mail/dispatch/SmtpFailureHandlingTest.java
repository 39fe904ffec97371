package com.aftercare.domain.mail.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** How the dispatcher reads what an SMTP server did, using a scripted fake server. */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=25"})
class SmtpFailureHandlingTest extends OutboxTestSupport {

    @Autowired
    ParkedMails parkedMails;

    @Test
    void shouldFailAMailAtOnceWhenTheServerRefusesTheRecipientPermanently() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.refusing("RCPT", "550 5.1.1 no such user")) {
            long id = enqueue(mail("nobody@" + uniqueDomain(), "宛先不明", "届かない"));

            dispatcher("refused", server.port(), 10).dispatchDue();

            Row row = row(id);
            assertThat(row.status()).isEqualTo("FAILED");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).contains("550");
        }
    }

    @Test
    void shouldRetryLaterWhenTheServerRefusesTemporarily() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.refusing("DATA", "451 4.3.0 try again later")) {
            long id = enqueue(mail("later@" + uniqueDomain(), "一時エラー", "後で再送"));

            dispatcher("deferred", server.port(), 10).dispatchDue();

            Row row = row(id);
            assertThat(row.status()).isEqualTo("PENDING");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.waiting()).isTrue();
            assertThat(row.lastError()).contains("451");
        }
    }

    @Test
    void shouldKeepMailsWaitingWithoutUsingTheirAttemptsWhileTheRelayIsDownAndTryItLessOften() throws Exception {
        long id = enqueue(mail("outage@" + uniqueDomain(), "障害中", "後で届く"));
        // one attempt short of giving up: a failed connection must not be what fails it
        jdbc.sql("update outbound_mail set attempts = 9 where id = :id")
                .param("id", id)
                .update();
        Instant start = Instant.now();
        AtomicReference<Instant> now = new AtomicReference<>(start);
        Clock clock = clockReading(now);
        MailDispatcher dispatcher = dispatcher("outage", FakeSmtpServer.closedPort(), 10, clock);

        dispatcher.dispatchDue();
        Row first = row(id);
        assertThat(first.status()).isEqualTo("PENDING");
        assertThat(first.attempts()).as("no attempt used up").isEqualTo(9);
        assertThat(first.waiting()).isTrue();
        assertThat(first.lastError()).startsWith("connect:");
        assertThat(secondsUntilNextAttempt(id)).isBetween(26.0, 30.0);

        makeDue(id);
        now.set(start.plusSeconds(10));
        dispatcher.dispatchDue();
        assertThat(row(id).attempts()).isEqualTo(9);
        assertThat(secondsUntilNextAttempt(id))
                .as("waits for the relay's next try, 30 s after the first")
                .isBetween(16.0, 20.0);

        makeDue(id);
        now.set(start.plusSeconds(31));
        dispatcher.dispatchDue();
        assertThat(row(id).attempts()).isEqualTo(9);
        assertThat(secondsUntilNextAttempt(id))
                .as("the second failed connection in a row waits twice as long")
                .isBetween(53.0, 60.0);

        try (FakeSmtpServer server = FakeSmtpServer.accepting()) {
            makeDue(id);
            dispatcher("recovered", server.port(), 10).dispatchDue();
            assertThat(row(id).status()).isEqualTo("SENT");
            assertThat(server.messagesAccepted()).isEqualTo(1);
        }
    }

    @Test
    void shouldParkAMailAsUnknownWhenTheConnectionDropsAfterItsDataAndNeverResendItByItself() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.droppingConnectionAfterDataOfMessage(1)) {
            long id = enqueue(mail("maybe@" + uniqueDomain(), "結果不明", "届いたかもしれない"));
            MailDispatcher dispatcher = dispatcher("dropped", server.port(), 10);

            dispatcher.dispatchDue();
            assertThat(row(id).status()).isEqualTo("UNKNOWN");

            dispatcher.dispatchDue();
            assertThat(server.messagesRead())
                    .as("not handed over a second time")
                    .isEqualTo(1);
            assertThat(row(id).status()).isEqualTo("UNKNOWN");

            assertThat(parkedMails.release(id)).isTrue();
            assertThat(row(id).status()).isEqualTo("PENDING");
        }
    }

    @Test
    void shouldGiveBackUntouchedTheMailsNotYetHandedOverWhenTheConnectionBreaksMidBatch() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.droppingConnectionAfterDataOfMessage(2)) {
            String domain = uniqueDomain();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(enqueue(mail("batch" + i + "@" + domain, "一括 " + i, "本文")));
                // claim order follows next_attempt_at, so make it follow enqueue order
                jdbc.sql("update outbound_mail set next_attempt_at = now() - :age * interval '1 second' where id = :id")
                        .param("age", 10 - i)
                        .param("id", ids.get(i))
                        .update();
            }

            dispatcher("broken", server.port(), 10).dispatchDue();

            assertThat(row(ids.get(0)).status()).isEqualTo("SENT");
            assertThat(row(ids.get(1)).status()).isEqualTo("UNKNOWN");
            for (long untouched : ids.subList(2, 4)) {
                Row row = row(untouched);
                assertThat(row.status()).isEqualTo("PENDING");
                assertThat(row.attempts()).isZero();
                assertThat(row.waiting()).as("still due, no back-off").isFalse();
                assertThat(row.claimedBy()).isNull();
            }
        }
    }

    @Test
    void shouldSendAWholeBatchOverOneSmtpConnection() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.accepting()) {
            String domain = uniqueDomain();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(enqueue(mail("reuse" + i + "@" + domain, "接続再利用 " + i, "本文")));
            }

            int handled = dispatcher("reusing", server.port(), 10).dispatchDue();

            assertThat(handled).isEqualTo(5);
            assertThat(server.messagesAccepted()).isEqualTo(5);
            assertThat(server.connections()).isEqualTo(1);
            assertThat(ids).allSatisfy(id -> assertThat(row(id).status()).isEqualTo("SENT"));
        }
    }

    @Test
    void shouldGiveAFailedMailFreshAttemptsOnRetryAndDropItOnRequest() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.refusing("RCPT", "550 5.1.1 no such user")) {
            long id = enqueue(mail("fixed@" + uniqueDomain(), "再試行", "本文"));
            dispatcher("operator", server.port(), 10).dispatchDue();
            assertThat(parkedMails.release(id))
                    .as("release is for UNKNOWN only")
                    .isFalse();

            assertThat(parkedMails.retry(id)).isTrue();
            Row retried = row(id);
            assertThat(retried.status()).isEqualTo("PENDING");
            assertThat(retried.attempts()).isZero();

            assertThat(parkedMails.drop(id)).isTrue();
            assertThat(row(id).status()).isEqualTo("CANCELLED");
            assertThat(parkedMails.drop(id)).isFalse();
        }
    }
}
