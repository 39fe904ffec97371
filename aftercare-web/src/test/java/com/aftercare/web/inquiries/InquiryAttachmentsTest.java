package com.aftercare.web.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.mail.MailboxPoller;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestEnvironment;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A customer's mail with attachments through a real IMAP server (GreenMail) into an inquiry, then
 * listed on the inquiry page and downloaded from the console: always as a download, never rendered.
 */
@AftercareIntegrationTest
class InquiryAttachmentsTest {

    static final String DESK = "files-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example.jp";
    static final String PASSWORD = "imap-secret";
    static final GreenMail IMAP = startImap();
    static final GreenMailUser DESK_USER = IMAP.setUser(DESK, DESK, PASSWORD);
    static final byte[] PDF = "%PDF-1.4\n% 見積書\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] HTML = "<html><script>alert('x')</script></html>".getBytes(StandardCharsets.US_ASCII);

    static GreenMail startImap() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.start();
        return server;
    }

    @AfterAll
    static void stopImap() {
        IMAP.stop();
    }

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry registry) {
        registry.add("aftercare.inquiry.mailbox.enabled", () -> "false");
        registry.add("aftercare.inquiry.mailbox.host", () -> "127.0.0.1");
        registry.add("aftercare.inquiry.mailbox.port", () -> IMAP.getImap().getPort());
        registry.add("aftercare.inquiry.mailbox.ssl", () -> "false");
        registry.add("aftercare.inquiry.mailbox.username", () -> DESK);
        registry.add("aftercare.inquiry.mailbox.password", () -> PASSWORD);
        registry.add("aftercare.inquiry.mailbox.storefront", () -> TestEnvironment.BOOTSTRAP_STOREFRONT);
    }

    @LocalServerPort
    int port;

    @Autowired
    MailboxPoller poller;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Inquiries inquiries;

    String reference;

    /** Resolved after each test: the console tests of other classes expect their own work on the queue's first page. */
    @AfterEach
    void resolve() {
        inquiries.resolve(reference, "admin");
    }

    @BeforeEach
    void setUp() throws Exception {
        String subject = "見積書を送ります " + UUID.randomUUID().toString().substring(0, 6);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(Events.unique("files") + "@example.jp", "山田 花子", "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, DESK);
        message.setSubject(subject, "UTF-8");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("見積書と画面の控えを添付します。", "UTF-8");
        parts.addBodyPart(text);
        parts.addBodyPart(attachment("見積書（11月）.pdf", "application/pdf", PDF));
        // An HTML page sent as bytes: the desk keeps it as text, and must never let it render.
        parts.addBodyPart(attachment("画面.html", "application/octet-stream", HTML));
        message.setContent(parts);
        message.saveChanges();
        DESK_USER.deliver(message);

        poller.pollOnce();

        reference = jdbc.sql("select reference from inquiry where subject = :s")
                .param("s", subject)
                .query(String.class)
                .single();
    }

    @Test
    void shouldListAttachmentsWithNameTypeAndSizeOnTheInquiryPage() {
        String page = ConsoleClient.loggedInAsAdmin(port)
                .get("/console/inquiries/" + reference)
                .body();

        assertThat(page).contains("見積書（11月）.pdf").contains("application/pdf").contains("画面.html");
        assertThat(page).contains("/console/inquiries/" + reference + "/attachments/" + attachmentId("画面.html"));
    }

    @Test
    void shouldDownloadAJapaneseNamedFileAsAnAttachmentWithItsType() {
        HttpResponse<byte[]> download = ConsoleClient.loggedInAsAdmin(port)
                .download("/console/inquiries/" + reference + "/attachments/" + attachmentId("見積書（11月）.pdf"));

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String disposition =
                download.headers().firstValue("Content-Disposition").orElseThrow();
        // RFC 6266: an ASCII fallback for old clients and the UTF-8 name for the rest
        assertThat(disposition)
                .startsWith("attachment;")
                .contains("filename=\"")
                .contains("filename*=UTF-8''");
        ContentDisposition parsed = ContentDisposition.parse(disposition);
        assertThat(parsed.isAttachment()).isTrue();
        assertThat(parsed.getFilename()).isEqualTo("見積書（11月）.pdf");
    }

    @Test
    void shouldNeverServeHtmlFromACustomerAsSomethingToRender() {
        HttpResponse<byte[]> download = ConsoleClient.loggedInAsAdmin(port)
                .download("/console/inquiries/" + reference + "/attachments/" + attachmentId("画面.html"));

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).doesNotContain("html");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("sandbox");
    }

    @Test
    void shouldAnswer404ForAnUnknownAttachmentOrOneOfAnotherInquiry() {
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        long id = attachmentId("画面.html");

        assertThat(admin.download("/console/inquiries/" + reference + "/attachments/999999999")
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin.download("/console/inquiries/INQ-1999-999999/attachments/" + id)
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin.download("/console/inquiries/" + reference + "/attachments/abc")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldSendSomeoneNotLoggedInToTheLoginPage() {
        HttpResponse<byte[]> download = new ConsoleClient(port)
                .download("/console/inquiries/" + reference + "/attachments/" + attachmentId("画面.html"));

        assertThat(download.statusCode()).isEqualTo(302);
        assertThat(download.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(download.body()).doesNotContain(HTML);
    }

    private long attachmentId(String filename) {
        return jdbc.sql("""
                        select a.id from inquiry_attachment a
                          join inquiry_message m on m.id = a.message_id
                          join inquiry i on i.id = m.inquiry_id
                         where i.reference = :r and a.filename = :f
                        """)
                .param("r", reference)
                .param("f", filename)
                .query(Long.class)
                .single();
    }

    private static MimeBodyPart attachment(String filename, String type, byte[] content) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(
                new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(content, type)));
        part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(filename, "UTF-8", "B"));
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }
}
