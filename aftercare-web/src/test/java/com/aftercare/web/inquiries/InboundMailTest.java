package com.aftercare.web.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.outbox.MailSuppressions;
import com.aftercare.domain.operator.Operators;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryStatus;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.inquiry.MessageView;
import com.aftercare.inquiry.mail.MailboxPoller;
import com.aftercare.web.support.AftercareIntegrationTest;
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
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Customer mail in for real: a GreenMail IMAP server in-process, the whole application on the
 * real database, and {@link MailboxPoller#pollOnce()} called by hand (scheduled polling is off).
 */
@AftercareIntegrationTest
class InboundMailTest {

    static final String DESK = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example.jp";
    static final String PASSWORD = "imap-secret";
    static final int ATTACHMENT_LIMIT = 64 * 1024;

    static final GreenMail IMAP = startImap();
    static final GreenMailUser DESK_USER = IMAP.setUser(DESK, DESK, PASSWORD);
    static final Session SESSION = Session.getInstance(new Properties());

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
        registry.add("aftercare.inquiry.mailbox.max-attachment-size", () -> ATTACHMENT_LIMIT + "B");
        registry.add("aftercare.inquiry.mailbox.storefront", () -> TestEnvironment.BOOTSTRAP_STOREFRONT);
    }

    @Autowired
    MailboxPoller poller;

    @Autowired
    Inquiries inquiries;

    @Autowired
    Operators operators;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailSuppressions suppressions;

    // ---- tests -------------------------------------------------------------------------------

    @Test
    void shouldOpenAnEmailInquiryWithCustomerSubjectAndJapaneseBodyIntact() {
        String from = customer();
        String id = deliver(mail(from, "山田 花子", "マグカップが欠けていました", "届いたマグカップの取っ手が欠けていました。\r\n交換できますか？", "UTF-8"));

        poller.pollOnce();

        InquiryView view = inquiryHolding(id);
        assertThat(view.channel()).isEqualTo(Channel.EMAIL);
        assertThat(view.status()).isEqualTo(InquiryStatus.NEW);
        assertThat(view.subject()).isEqualTo("マグカップが欠けていました");
        assertThat(view.storefront()).isNotNull();
        assertThat(view.messages()).singleElement().satisfies(m -> {
            assertThat(m.direction()).isEqualTo("INBOUND");
            assertThat(m.authorName()).isEqualTo("山田 花子");
            assertThat(m.body()).isEqualTo("届いたマグカップの取っ手が欠けていました。\n交換できますか？");
        });
        assertThat(customerEmailOf(view)).isEqualTo(from);
        assertThat(outcomeOf(id)).isEqualTo("NEW_INQUIRY");
    }

    @Test
    void shouldDecodeAnIso2022JpMailWithItsSubjectAndNecSpecialCharacters() throws Exception {
        String from = customer();
        MimeMessage message = mail(from, "佐藤 一郎", "【至急】注文について", "", "ISO-2022-JP");
        // As Japanese mailers write it: labelled ISO-2022-JP, with NEC special characters (①, ㈱) in it.
        byte[] body = "注文番号①の件です。\r\n㈱サンプルより".getBytes("x-windows-iso2022jp");
        message.setDataHandler(new jakarta.activation.DataHandler(
                new jakarta.mail.util.ByteArrayDataSource(body, "text/plain; charset=ISO-2022-JP")));
        String id = deliver(message);

        poller.pollOnce();

        InquiryView view = inquiryHolding(id);
        assertThat(view.subject()).isEqualTo("【至急】注文について");
        assertThat(view.messages().get(0).authorName()).isEqualTo("佐藤 一郎");
        assertThat(view.messages().get(0).body()).isEqualTo("注文番号①の件です。\n㈱サンプルより");
    }

    @Test
    void shouldDecodeAShiftJisMailWithWindowsCharacters() throws Exception {
        MimeMessage message = mail(customer(), "髙橋 ②", "返品の件", "", "Shift_JIS");
        byte[] body = "髙橋です。②の商品を返品します。".getBytes("windows-31j");
        message.setDataHandler(new jakarta.activation.DataHandler(
                new jakarta.mail.util.ByteArrayDataSource(body, "text/plain; charset=Shift_JIS")));
        String id = deliver(message);

        poller.pollOnce();

        assertThat(inquiryHolding(id).messages().get(0).body()).isEqualTo("髙橋です。②の商品を返品します。");
    }

    @Test
    void shouldAddAReplyWithInReplyToToTheSameInquiryAndReopenItWhenResolved() {
        String from = customer();
        String first = deliver(mail(from, "山田 花子", "サイズ交換", "Mサイズに交換したいです。", "UTF-8"));
        poller.pollOnce();
        String reference = inquiryHolding(first).reference();
        String operator = operator();
        inquiries.reply(new Inquiries.Reply(reference, operator, "承知しました。"));
        inquiries.resolve(reference, operator);

        MimeMessage reply = mail(from, "山田 花子", "Re: サイズ交換", "やはりLサイズでお願いします。", "UTF-8");
        header(reply, "In-Reply-To", first);
        String second = deliver(reply);
        poller.pollOnce();

        InquiryView view = inquiries.find(reference).orElseThrow();
        assertThat(inquiryHolding(second).reference()).isEqualTo(reference);
        assertThat(view.status()).isEqualTo(InquiryStatus.OPEN);
        assertThat(view.resolvedAt()).isNull();
        assertThat(view.messages())
                .extracting(MessageView::body)
                .containsExactly("Mサイズに交換したいです。", "承知しました。", "やはりLサイズでお願いします。");
        assertThat(outcomeOf(second)).isEqualTo("ADDED_TO_INQUIRY");
        assertThat(inReplyToOf(second)).isEqualTo(first);
    }

    @Test
    void shouldAddAnAnswerToOurReplyMailToTheInquiryThroughTheOutboundMessageId() {
        String from = customer();
        String first = deliver(mail(from, null, "配送について", "いつ届きますか。", "UTF-8"));
        poller.pollOnce();
        String reference = inquiryHolding(first).reference();
        String ourMail = "<outbox-" + UUID.randomUUID() + "@aftercare.local>";
        long replyMessage = inquiries.reply(new Inquiries.Reply(reference, operator(), "明日お届けします。"));
        linkReplyToOutboundMail(replyMessage, ourMail, from);

        MimeMessage answer = mail(from, null, "Re: 配送について", "ありがとうございます。", "UTF-8");
        header(answer, "References", "<unknown-" + UUID.randomUUID() + "@elsewhere> " + ourMail);
        String second = deliver(answer);
        poller.pollOnce();

        assertThat(inquiryHolding(second).reference()).isEqualTo(reference);
    }

    @Test
    void shouldAddAMailWhoseSubjectCarriesTheReferenceButNoHeadersToThatInquiry() {
        String from = customer();
        String first = deliver(mail(from, null, "返品したい", "返品方法を教えてください。", "UTF-8"));
        poller.pollOnce();
        String reference = inquiryHolding(first).reference();

        String second = deliver(mail(from, null, "Re: [" + reference + "] 返品したい", "追加の質問です。", "UTF-8"));
        poller.pollOnce();

        assertThat(inquiryHolding(second).reference()).isEqualTo(reference);
        assertThat(inquiries.find(reference).orElseThrow().messages()).hasSize(2);
    }

    @Test
    void shouldNotLetAStrangerWriteIntoAnInquiryByQuotingItsReference() {
        String first = deliver(mail(customer(), null, "返品したい", "返品方法を教えてください。", "UTF-8"));
        poller.pollOnce();
        String reference = inquiryHolding(first).reference();

        String intruder = deliver(mail(customer(), null, "[" + reference + "] 私も", "割り込みます。", "UTF-8"));
        poller.pollOnce();

        assertThat(inquiryHolding(intruder).reference()).isNotEqualTo(reference);
        assertThat(inquiries.find(reference).orElseThrow().messages()).hasSize(1);
    }

    @Test
    void shouldTakeEachMailOnceWhenPolledTwiceAndByTwoPollersAtOnce() throws Exception {
        poller.pollOnce(); // whatever earlier tests left behind
        String a = deliver(mail(customer(), null, "一通目", "本文1", "UTF-8"));
        String b = deliver(mail(customer(), null, "二通目", "本文2", "UTF-8"));
        String c = deliver(mail(customer(), null, "三通目", "本文3", "UTF-8"));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> poll = poller::pollOnce;
            List<Future<Integer>> runs = pool.invokeAll(List.of(poll, poll));
            int recorded = runs.get(0).get() + runs.get(1).get();
            assertThat(recorded).isEqualTo(3);
        } finally {
            pool.shutdown();
        }
        assertThat(poller.pollOnce()).isZero();

        for (String id : List.of(a, b, c)) {
            assertThat(jdbc.sql("select count(*) from inquiry_message where message_id = :id")
                            .param("id", id)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from inbound_mail where message_id = :id")
                            .param("id", id)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldRejectAMailWithBrokenMimeAndStillTakeTheNextMail() {
        String broken = "<broken-" + UUID.randomUUID() + "@example.jp>";
        deliverRaw(("From: " + customer() + "\r\n"
                        + "To: " + DESK + "\r\n"
                        + "Subject: broken\r\n"
                        + "Message-ID: " + broken + "\r\n"
                        + "MIME-Version: 1.0\r\n"
                        + "Content-Type: multipart/mixed; boundary=\"never-used\"\r\n"
                        + "\r\n"
                        + "there is no boundary in this body at all\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String next = deliver(mail(customer(), null, "次のメール", "こちらは普通のメールです。", "UTF-8"));

        poller.pollOnce();

        Map<String, Object> rejected = jdbc.sql(
                        "select outcome, reason, inquiry_id from inbound_mail where mailbox = :box and outcome = 'REJECTED' "
                                + "and reason like '%boundary%' order by id desc limit 1")
                .param("box", DESK + "@127.0.0.1/INBOX")
                .query()
                .singleRow();
        assertThat(rejected.get("inquiry_id")).isNull();
        assertThat(jdbc.sql("select count(*) from inquiry_message where message_id = :id")
                        .param("id", broken)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(inquiryHolding(next).messages().get(0).body()).isEqualTo("こちらは普通のメールです。");
    }

    @Test
    void shouldRefuseAnOversizedAttachmentAndAFakeJpegWhileStoringARealPng() throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress(customer()));
        message.setRecipients(Message.RecipientType.TO, DESK);
        message.setSubject("写真を送ります", "UTF-8");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("破損の写真です。", "UTF-8");
        parts.addBodyPart(text);
        parts.addBodyPart(attachment("photo.png", "image/png", png()));
        parts.addBodyPart(attachment(
                "invoice.jpg", "image/jpeg", "MZ this is not a picture".getBytes(StandardCharsets.US_ASCII)));
        byte[] huge = new byte[ATTACHMENT_LIMIT + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        parts.addBodyPart(attachment("huge.jpg", "image/jpeg", huge));
        message.setContent(parts);
        String id = deliver(message);

        poller.pollOnce();

        InquiryView view = inquiryHolding(id);
        String body = view.messages().get(0).body();
        assertThat(body).startsWith("破損の写真です。");
        assertThat(body).contains("invoice.jpg (image/jpeg): declared image/jpeg but the content is text/plain");
        assertThat(body).contains("huge.jpg (image/jpeg): larger than");
        assertThat(body).doesNotContain("photo.png");
        List<Map<String, Object>> stored = jdbc.sql("""
                        select a.filename, a.content_type, a.size_bytes, a.content from inquiry_attachment a
                          join inquiry_message m on m.id = a.message_id where m.message_id = :id
                        """).param("id", id).query().listOfRows();
        assertThat(stored).singleElement().satisfies(row -> {
            assertThat(row.get("filename")).isEqualTo("photo.png");
            assertThat(row.get("content_type")).isEqualTo("image/png");
            assertThat((byte[]) row.get("content")).isEqualTo(png());
        });
    }

    @Test
    void shouldStoreAnHtmlOnlyMailAsTextWithoutTags() throws Exception {
        MimeMessage message = mail(customer(), null, "HTMLメール", "", "UTF-8");
        message.setContent(
                "<html><head><title>t</title><style>p{color:red}</style></head><body>"
                        + "<p>いつもお世話になっております。<br>商品が届きません。</p>"
                        + "<div>よろしく&amp;お願いします</div></body></html>",
                "text/html; charset=UTF-8");
        String id = deliver(message);

        poller.pollOnce();

        assertThat(inquiryHolding(id).messages().get(0).body()).isEqualTo("いつもお世話になっております。\n商品が届きません。\nよろしく&お願いします");
    }

    @Test
    void shouldStoreAMailFromAnUnknownSenderWithScriptInItAsText() throws Exception {
        String stranger = customer();
        MimeMessage message = mail(stranger, "<script>alert(1)</script>", "<b>hi</b>", "", "UTF-8");
        message.setContent(
                "<p>クリックしてください<img src=x onerror=alert(1)></p><script>alert('x')</script>"
                        + "<a href=\"javascript:alert(2)\">ここ</a>",
                "text/html; charset=UTF-8");
        String id = deliver(message);

        poller.pollOnce();

        InquiryView view = inquiryHolding(id);
        String body = view.messages().get(0).body();
        assertThat(body).isEqualTo("クリックしてください\nここ");
        // the subject is kept as the text it is; the console escapes it
        assertThat(view.subject()).isEqualTo("<b>hi</b>");
        assertThat(customerEmailOf(view)).isEqualTo(stranger);
    }

    @Test
    void shouldKeepScriptInAPlainTextMailAsLiteralText() {
        String id = deliver(mail(customer(), null, "テスト", "<script>alert('x')</script>", "UTF-8"));

        poller.pollOnce();

        assertThat(inquiryHolding(id).messages().get(0).body()).isEqualTo("<script>alert('x')</script>");
    }

    // ---- fixtures ----------------------------------------------------------------------------

    @Test
    void shouldStopMailToAnAddressWhoseDeliveryReportSaysOurMailFailedForGood() {
        String gone = customer();
        String ourMessageId = sentMailTo(gone);

        String reportId = "<dsn-" + UUID.randomUUID() + "@mx.example.jp>";
        deliverRaw(deliveryReport(reportId, gone, ourMessageId));
        poller.pollOnce();

        assertThat(suppressions.isBouncing(gone)).isTrue();
        assertThat(jdbc.sql("select count(*) from inquiry_message where message_id = :id")
                        .param("id", reportId)
                        .query(Long.class)
                        .single())
                .as("never filed as an inquiry")
                .isZero();
    }

    @Test
    void shouldIgnoreADeliveryReportAboutAMailWeNeverSentThere() {
        String victim = customer();
        sentMailTo(customer());

        deliverRaw(deliveryReport(
                "<dsn-" + UUID.randomUUID() + "@mx.example.jp>",
                victim,
                "<forged-" + UUID.randomUUID() + "@shop.example.jp>"));
        poller.pollOnce();

        assertThat(suppressions.isBouncing(victim)).isFalse();
    }

    /** A mail the dispatcher sent, as the outbox records it; returns its Message-ID. */
    String sentMailTo(String address) {
        String messageId = "<outbox-" + UUID.randomUUID() + "@shop.example.jp>";
        jdbc.sql("""
                        insert into outbound_mail (dedup_key, kind, template, to_address, subject, text_body, status,
                                                   message_id, sent_at)
                        values (:key, 'TRANSACTIONAL', 'test', :to, '件名', '本文', 'SENT', :id, now())
                        """)
                .param("key", "dsn-test:" + UUID.randomUUID())
                .param("to", address)
                .param("id", messageId)
                .update();
        return messageId;
    }

    /** A delivery status notification (RFC 3464) as a mail server writes it. */
    static byte[] deliveryReport(String id, String recipient, String originalMessageId) {
        return ("From: Mail Delivery System <MAILER-DAEMON@mx.example.jp>\r\n"
                        + "To: " + DESK + "\r\n"
                        + "Subject: Undelivered Mail Returned to Sender\r\n"
                        + "Message-ID: " + id + "\r\n"
                        + "Auto-Submitted: auto-replied\r\n"
                        + "MIME-Version: 1.0\r\n"
                        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
                        + "--B\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                        + "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
                        + "Reporting-MTA: dns; mx.example.jp\r\n\r\n"
                        + "Final-Recipient: rfc822; " + recipient + "\r\n"
                        + "Action: failed\r\nStatus: 5.1.1\r\n"
                        + "Diagnostic-Code: smtp; 550 5.1.1 no such user\r\n"
                        + "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                        + "Message-ID: " + originalMessageId + "\r\nSubject: order\r\n"
                        + "--B--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String customer() {
        return Events.unique("mail") + "@example.jp";
    }

    String operator() {
        String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(username, "{noop}x", "オペレーター " + username, Operators.Role.OPERATOR);
        return username;
    }

    static MimeMessage mail(String from, String name, String subject, String body, String charset) {
        try {
            MimeMessage message = new MimeMessage(SESSION);
            message.setFrom(name == null ? new InternetAddress(from) : new InternetAddress(from, name, charset));
            message.setRecipients(Message.RecipientType.TO, DESK);
            message.setSubject(subject, charset);
            message.setText(body, charset);
            return message;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void header(MimeMessage message, String name, String value) {
        try {
            message.setHeader(name, value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeBodyPart attachment(String filename, String type, byte[] content) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(
                new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(content, type)));
        part.setFileName(filename);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Delivers into the desk's INBOX with a Message-ID of our choice; returns it. */
    static String deliver(MimeMessage message) {
        try {
            message.saveChanges();
            String id = "<" + UUID.randomUUID() + "@customer.example.jp>";
            message.setHeader("Message-ID", id);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            deliverRaw(out.toByteArray());
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void deliverRaw(byte[] raw) {
        try {
            DESK_USER.deliver(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    InquiryView inquiryHolding(String messageId) {
        String reference =
                jdbc.sql("""
                        select i.reference from inquiry_message m join inquiry i on i.id = m.inquiry_id
                         where m.message_id = :id
                        """).param("id", messageId).query(String.class).single();
        return inquiries.find(reference).orElseThrow();
    }

    String outcomeOf(String messageId) {
        return jdbc.sql("select outcome from inbound_mail where message_id = :id")
                .param("id", messageId)
                .query(String.class)
                .single();
    }

    String inReplyToOf(String messageId) {
        return jdbc.sql("select in_reply_to from inquiry_message where message_id = :id")
                .param("id", messageId)
                .query(String.class)
                .single();
    }

    String customerEmailOf(InquiryView view) {
        return jdbc.sql("select email from customer where id = :id")
                .param("id", view.customer().value())
                .query(String.class)
                .single();
    }

    /** What the reply path of the console will do: the reply message points at its outbox mail. */
    void linkReplyToOutboundMail(long replyMessageId, String outboundMessageId, String to) {
        long mail = jdbc.sql("""
                        insert into outbound_mail (dedup_key, kind, template, to_address, subject, text_body, status, message_id)
                        values (:key, 'TRANSACTIONAL', 'inquiry-reply', :to, 'Re', 'body', 'CANCELLED', :mid)
                        returning id
                        """)
                .param("key", "test-inquiry-reply:" + UUID.randomUUID())
                .param("to", to)
                .param("mid", outboundMessageId)
                .query(Long.class)
                .single();
        jdbc.sql("update inquiry_message set outbound_mail_id = :mail where id = :id")
                .param("mail", mail)
                .param("id", replyMessageId)
                .update();
    }

    static List<String> lines(String text) {
        return Arrays.asList(text.split("\n"));
    }
}
