package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.outbox.MailOutbox;
import com.aftercare.domain.mail.outbox.MailSuppressions;
import com.aftercare.domain.mail.outbox.OutgoingMail;
import com.aftercare.domain.mail.rules.MailRulesProperties;
import com.aftercare.domain.mail.sender.MailSenderRows;
import com.aftercare.domain.shared.Secrets;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.testsupport.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared test database with Flyway's schema, polling off (tests call {@code dispatchDue()}
 * themselves), and helpers. Tests share the database, so each one uses its own recipient domain
 * ending in {@value #TEST_DOMAIN_SUFFIX}.
 */
@SpringBootTest(
        classes = DispatchTestApplication.class,
        properties = {
            "aftercare.mail.dispatcher.enabled=false",
            "aftercare.mail.from=Aftercare テスト <noreply@shop.example>",
            "spring.flyway.locations=filesystem:../db/migration",
            "spring.mail.properties.mail.smtp.connectiontimeout=5000",
            "spring.mail.properties.mail.smtp.timeout=10000",
            "spring.mail.properties.mail.smtp.writetimeout=10000"
        })
abstract class OutboxTestSupport {

    static final String TEST_DOMAIN_SUFFIX = ".mailtest";

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRows rows;

    @Autowired
    MailDispatchProperties properties;

    @Autowired
    MailSuppressions suppressions;

    @Autowired
    MailSenderRows senders;

    @Autowired
    Secrets secrets;

    @Autowired
    MailRulesProperties mailRules;

    @Autowired
    ShopProperties shop;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.Connection db = TestDatabase.get();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    /**
     * Withdraws unfinished mails an earlier (perhaps aborted) run of these tests left behind, so a
     * dispatcher here never claims another test's mail.
     */
    @BeforeEach
    void withdrawLeftoversOfEarlierTests() {
        jdbc.sql("""
                        update outbound_mail set status = 'CANCELLED'
                         where status in ('PENDING', 'CLAIMED', 'IN_FLIGHT') and to_address like :suffix
                        """).param("suffix", "%" + TEST_DOMAIN_SUFFIX).update();
    }

    /** A recipient domain no other test uses. */
    static String uniqueDomain() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + TEST_DOMAIN_SUFFIX;
    }

    static OutgoingMail mail(String to, String subject, String text) {
        return mail(to, subject, text, Instant.now());
    }

    static OutgoingMail mail(String to, String subject, String text, Instant dueAt) {
        return new OutgoingMail(
                "test:" + UUID.randomUUID(),
                MailKind.TRANSACTIONAL,
                "test",
                null,
                null,
                to,
                subject,
                text,
                null,
                Map.of(),
                dueAt);
    }

    long enqueue(OutgoingMail mail) {
        if (!outbox.enqueue(mail)) {
            throw new AssertionError("expected a new mail for " + mail.dedupKey());
        }
        return idOf(mail.dedupKey());
    }

    long idOf(String dedupKey) {
        return jdbc.sql("select id from outbound_mail where dedup_key = :key")
                .param("key", dedupKey)
                .query(Long.class)
                .single();
    }

    Row row(long id) {
        return jdbc.sql("""
                        select status, attempts, next_attempt_at > now() as waiting, last_error, message_id, claimed_by
                          from outbound_mail where id = :id
                        """).param("id", id).query(Row.class).single();
    }

    /** Makes a waiting mail due now, as if its back-off had passed. */
    void makeDue(long id) {
        jdbc.sql("update outbound_mail set next_attempt_at = now() where id = :id")
                .param("id", id)
                .update();
    }

    /** A dispatcher of its own, for example a second instance or one pointed at a fake server. */
    MailDispatcher dispatcher(String instanceId, int smtpPort, int batchSize) {
        return dispatcher(instanceId, smtpPort, batchSize, Clock.systemUTC());
    }

    MailDispatcher dispatcher(String instanceId, int smtpPort, int batchSize, Clock clock) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpPort);
        // the same timeouts docs/mail-pipeline.md asks production to set
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", "10000");
        MailDispatchProperties own = properties.withDispatcher(
                properties.dispatcher().withInstanceId(instanceId).withBatchSize(batchSize));
        return new MailDispatcher(
                rows,
                sender,
                own,
                suppressions,
                senders,
                secrets,
                new SimpleMeterRegistry(),
                mailRules.quietHours(shop.zone()),
                clock);
    }

    /** A clock that reads {@code now}, so a test can move the dispatcher's time. */
    static Clock clockReading(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    double secondsUntilNextAttempt(long id) {
        return jdbc.sql("select extract(epoch from next_attempt_at - now())::float8 from outbound_mail where id = :id")
                .param("id", id)
                .query(Double.class)
                .single();
    }

    record Row(String status, int attempts, boolean waiting, String lastError, String messageId, String claimedBy) {}
}
