package com.aftercare.domain.mail.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A recipient refused for good at RCPT time stops all mail to the address until an operator
 * clears it. The scripted server stands in for a real one here, as in
 * {@link SmtpFailureHandlingTest}: GreenMail accepts every recipient.
 */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=25"})
class HardBounceTest extends OutboxTestSupport {

    @Test
    void shouldMarkTheAddressBouncingAndCancelItsWaitingMailOnA550ToRcpt() throws Exception {
        String address = "Gone@" + uniqueDomain();
        try (FakeSmtpServer server = FakeSmtpServer.refusing("RCPT", "550 5.1.1 no such user")) {
            long first = enqueue(mail(address, "一通目", "届かない"));
            long waiting = enqueue(mail(address.toLowerCase(), "二通目", "後で"));
            jdbc.sql("update outbound_mail set next_attempt_at = now() + interval '1 hour' where id = :id")
                    .param("id", waiting)
                    .update();

            dispatcher("bounce", server.port(), 10).dispatchDue();

            assertThat(row(first).status()).isEqualTo("FAILED");
            assertThat(suppressions.isBouncing(address)).isTrue();
            assertThat(row(waiting).status()).isEqualTo("CANCELLED");
            assertThat(row(waiting).lastError()).isEqualTo("address is bouncing");
        }
    }

    @Test
    void shouldStoreNewMailToABouncingAddressAsCancelledUntilAnOperatorClearsIt() throws Exception {
        String address = "bouncing@" + uniqueDomain();
        suppressions.recordHardBounce(address, "550 5.1.1 no such user", "smtp");

        long refused = enqueue(mail(address, "止める", "送らない"));
        assertThat(row(refused).status()).isEqualTo("CANCELLED");

        assertThat(suppressions.clear(address, "supervisor")).isTrue();
        assertThat(suppressions.clear(address, "supervisor")).as("cleared once").isFalse();
        try (FakeSmtpServer server = FakeSmtpServer.accepting()) {
            long again = enqueue(mail(address, "再開", "送る"));
            dispatcher("cleared", server.port(), 10).dispatchDue();
            assertThat(row(again).status()).isEqualTo("SENT");
        }
    }

    @Test
    void shouldNotTreatATemporaryRefusalOrARefusedMessageAsABounce() throws Exception {
        String later = "later@" + uniqueDomain();
        try (FakeSmtpServer server = FakeSmtpServer.refusing("RCPT", "450 4.2.1 mailbox busy")) {
            enqueue(mail(later, "一時", "後で"));
            dispatcher("busy", server.port(), 10).dispatchDue();
        }
        String refusedMessage = "content@" + uniqueDomain();
        try (FakeSmtpServer server = FakeSmtpServer.refusing("DATA", "554 5.7.1 message refused")) {
            enqueue(mail(refusedMessage, "内容", "拒否"));
            dispatcher("content", server.port(), 10).dispatchDue();
        }

        assertThat(suppressions.isBouncing(later)).isFalse();
        assertThat(suppressions.isBouncing(refusedMessage)).isFalse();
    }
}
