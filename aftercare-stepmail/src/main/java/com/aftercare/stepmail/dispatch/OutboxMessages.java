package com.aftercare.stepmail.dispatch;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Turns a claimed mail into a UTF-8 MIME message with a Message-ID we chose ourselves, so the
 * outbox records exactly the id the recipient's mail client will see (and thread replies on).
 */
final class OutboxMessages {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final InternetAddress from;
    private final String idDomain;

    OutboxMessages(String from) {
        this.from = parseSender(from);
        String address = this.from.getAddress();
        this.idDomain = address.substring(address.indexOf('@') + 1);
    }

    /** A message ready for {@code Transport.sendMessage}: headers final, Message-ID fixed. */
    MimeMessage build(Session session, ClaimedMail mail) throws MessagingException {
        // the random part keeps ids unique across databases (a restored backup, a test database)
        String messageId = "<outbox-" + mail.id() + "." + UUID.randomUUID() + "@" + idDomain + ">";
        MimeMessage message = new FixedIdMimeMessage(session, messageId);
        boolean alternative = mail.htmlBody() != null;
        MimeMessageHelper helper = new MimeMessageHelper(message, alternative, UTF_8);
        helper.setFrom(from);
        helper.setTo(new InternetAddress(mail.to(), true));
        helper.setSubject(mail.subject());
        if (alternative) {
            helper.setText(mail.textBody(), mail.htmlBody());
        } else {
            helper.setText(mail.textBody());
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
