package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.mail.MailSender;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a claimed mail into a UTF-8 MIME message with a Message-ID we chose ourselves, so the
 * outbox records exactly the id the recipient's mail client will see (and thread replies on).
 */
final class OutboxMessages {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final InternetAddress from;

    OutboxMessages(String from) {
        this.from = parseSender(from);
    }

    /**
     * A message ready for {@code Transport.sendMessage}: headers final, Message-ID fixed.
     *
     * @param sender the storefront's own sender, or null for the shop's
     */
    MimeMessage build(Session session, ClaimedMail mail, MailSender sender) throws MessagingException {
        InternetAddress sentFrom = sender == null ? from : address(sender.fromAddress(), sender.fromName());
        String address = sentFrom.getAddress();
        // the random part keeps ids unique across databases (a restored backup, a test database)
        String messageId = "<outbox-" + mail.id() + "." + UUID.randomUUID() + "@"
                + address.substring(address.indexOf('@') + 1) + ">";
        MimeMessage message = new FixedIdMimeMessage(session, messageId);
        // Plain Jakarta Mail rather than MimeMessageHelper: the helper builds (and parses
        // mime.types for) a new file-type map for every message, which the benchmark showed to
        // cost milliseconds per mail; we attach no files, so we need none of it.
        message.setFrom(sentFrom);
        if (sender != null && sender.replyTo() != null) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(sender.replyTo(), true)});
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), UTF_8);
        if (mail.htmlBody() == null) {
            message.setText(mail.textBody(), UTF_8);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.textBody(), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.htmlBody(), UTF_8, "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        }
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), encode(header.getKey(), header.getValue()));
        }
        message.setSentDate(new Date());
        // sendMessage does not call saveChanges (Transport.send would); without it the
        // Content-Transfer-Encoding and our Message-ID would be missing
        message.saveChanges();
        return message;
    }

    /**
     * Parses {@code aftercare.mail.from} and rebuilds it so a Japanese display name
     * ({@code ショップ名 <noreply@…>}) is RFC 2047 encoded instead of raw bytes in the header.
     */
    private static InternetAddress parseSender(String from) {
        try {
            InternetAddress parsed = new InternetAddress(from, true);
            return parsed.getPersonal() == null
                    ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), UTF_8);
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("aftercare.mail.from is not a mail address: " + from, e);
        }
    }

    private static InternetAddress address(String address, String name) throws MessagingException {
        try {
            return name == null ? new InternetAddress(address, true) : new InternetAddress(address, name, UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("Cannot encode the sender's name", e);
        }
    }

    // non-ASCII header values (a Japanese List-Unsubscribe comment) as RFC 2047 encoded words
    private static String encode(String name, String value) throws MessagingException {
        try {
            return MimeUtility.fold(name.length() + 2, MimeUtility.encodeText(value, UTF_8, null));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("Cannot encode header " + name, e);
        }
    }

    /** Keeps the Message-ID we chose when {@code saveChanges} would otherwise generate one. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
