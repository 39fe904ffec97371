package com.aftercare.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.outbox.MailOutbox;
import com.aftercare.domain.mail.outbox.OutgoingMail;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An admin decides about mails the dispatcher parked: send again, retry, drop; all audited. */
@AftercareIntegrationTest
class MailDeliveryLogPageTest {

    @LocalServerPort
    int port;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    ConsoleClient admin;
    long mail;
    String subject;

    @BeforeEach
    void parkedMail() {
        admin = ConsoleClient.loggedInAsAdmin(port);
        subject = "結果不明のメール " + Events.unique("s");
        String key = Events.unique("parked");
        outbox.enqueue(new OutgoingMail(
                key,
                MailKind.TRANSACTIONAL,
                "order-thanks",
                null,
                null,
                Events.unique("to") + "@example.jp",
                subject,
                "本文",
                null,
                Map.of(),
                Instant.now()));
        mail = jdbc.sql(
                        "update outbound_mail set status = 'UNKNOWN', last_error = 'no reply after DATA' where dedup_key = :k returning id")
                .param("k", key)
                .query(Long.class)
                .single();
    }

    @Test
    void shouldListAParkedMailAndSendItAgainWhenTheAdminSaysSo() {
        HttpResponse<String> page = admin.get("/console/admin/mail?state=UNKNOWN");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(subject)
                .contains("no reply after DATA")
                .contains("再送する");

        HttpResponse<String> release = admin.postForm(
                "/console/admin/mail?state=UNKNOWN",
                "/console/admin/mail/" + mail + "/release",
                Map.of("state", "UNKNOWN"));

        assertThat(release.statusCode()).isEqualTo(302);
        assertThat(status()).isEqualTo("PENDING");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'mail.released' and target_id = :id")
                        .param("id", Long.toString(mail))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        HttpResponse<String> again = admin.postForm(
                "/console/admin/mail?state=UNKNOWN",
                "/console/admin/mail/" + mail + "/release",
                Map.of("state", "UNKNOWN"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(admin.get("/console/admin/mail?state=UNKNOWN").body()).contains("操作できませんでした");
    }

    @Test
    void shouldDropAParkedMailForGood() {
        admin.postForm(
                "/console/admin/mail?state=UNKNOWN",
                "/console/admin/mail/" + mail + "/drop",
                Map.of("state", "UNKNOWN"));

        assertThat(status()).isEqualTo("CANCELLED");
    }

    @Test
    void shouldRefuseADecisionPostedWithoutItsCsrfToken() {
        HttpResponse<String> forged =
                admin.postWithoutToken("/console/admin/mail/" + mail + "/release", Map.of("state", "UNKNOWN"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(status()).isEqualTo("UNKNOWN");
    }

    private String status() {
        return jdbc.sql("select status from outbound_mail where id = :id")
                .param("id", mail)
                .query(String.class)
                .single();
    }
}
