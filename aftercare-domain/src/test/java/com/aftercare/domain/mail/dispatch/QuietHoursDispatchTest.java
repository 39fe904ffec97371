package com.aftercare.domain.mail.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.outbox.OutgoingMail;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Promotional mail never arrives in the quiet hours (21:00–09:00 in the shop's zone by default),
 * even when something held it until they began: the send rules set its due time in the day, and a
 * relay that was down, or a backlog, must not carry it into the night.
 */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=25"})
class QuietHoursDispatchTest extends OutboxTestSupport {

    /** A shop day long past, so every mail below is due by the database's clock. */
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private Instant at(int hour, int minute) {
        return ZonedDateTime.of(DAY, LocalTime.of(hour, minute), shop.zone()).toInstant();
    }

    @Test
    void shouldHoldAPromotionalMailDelayedIntoTheQuietHoursUntilTheyEndWithoutUsingAnAttempt() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(at(21, 30));
        try (FakeSmtpServer server = FakeSmtpServer.accepting()) {
            MailDispatcher dispatcher = dispatcher("quiet", server.port(), 10, clockReading(now));
            long coupon = enqueue(promotional("coupon@" + uniqueDomain(), at(20, 30)));

            dispatcher.dispatchDue();

            Row held = row(coupon);
            assertThat(held.status()).isEqualTo("PENDING");
            assertThat(held.attempts()).as("holding is no attempt").isZero();
            assertThat(held.lastError()).startsWith("quiet hours");
            assertThat(server.messagesAccepted()).isZero();
            // the dispatcher's clock says 21:30 and the hours end at 09:00: 11.5 h from its now
            assertThat(secondsUntilNextAttempt(coupon)).isCloseTo(11.5 * 3600, within(60.0));

            makeDue(coupon);
            now.set(at(9, 0).plusSeconds(24 * 3600));
            dispatcher.dispatchDue();

            assertThat(row(coupon).status()).as("sent when the hours are over").isEqualTo("SENT");
            assertThat(server.messagesAccepted()).isEqualTo(1);
        }
    }

    @Test
    void shouldStillSendServiceMailAndPromotionalMailDueInsideTheHoursOnPurposeDuringThem() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(at(21, 30));
        try (FakeSmtpServer server = FakeSmtpServer.accepting()) {
            MailDispatcher dispatcher = dispatcher("quiet-others", server.port(), 10, clockReading(now));
            // a shipping notice delayed as long as the coupon above
            long notice = enqueue(mail("notice@" + uniqueDomain(), "発送のお知らせ", "本日発送しました", at(20, 30)));
            // an urgent step: the send rules let it be due at 21:15
            long urgent = enqueue(promotional("urgent@" + uniqueDomain(), at(21, 15)));

            dispatcher.dispatchDue();

            assertThat(row(notice).status()).isEqualTo("SENT");
            assertThat(row(urgent).status()).isEqualTo("SENT");
            assertThat(server.messagesAccepted()).isEqualTo(2);
        }
    }

    private OutgoingMail promotional(String to, Instant dueAt) {
        long customer = jdbc.sql("""
                        insert into customer (email, email_normalized, name, promotional_consent)
                        values (:email, :email, 'クーポン 太郎', true) returning id
                        """).param("email", to).query(Long.class).single();
        return new OutgoingMail(
                "test:" + UUID.randomUUID(),
                MailKind.PROMOTIONAL,
                "test",
                customer,
                null,
                to,
                "今夜だけのクーポン",
                "本文",
                null,
                Map.of(),
                dueAt);
    }
}
