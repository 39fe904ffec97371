package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.mail.MailSender;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection for a whole batch. {@code JavaMailSender.send} would open and close a
 * connection per call; driving the {@link Transport} ourselves lets one connection carry the batch
 * and tells us exactly which mail a failure belongs to.
 */
final class SmtpConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);

    private final Session session;
    private final Transport transport;

    private SmtpConnection(Session session, Transport transport) {
        this.session = session;
        this.transport = transport;
    }

    /**
     * Connects with the host, port, credentials and {@code spring.mail.properties.*} (timeouts!)
     * Boot gave the sender.
     */
    static SmtpConnection open(JavaMailSenderImpl sender) throws MessagingException {
        Session session = sender.getSession();
        String protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
        Transport transport = session.getTransport(protocol);
        transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
        return new SmtpConnection(session, transport);
    }

    /**
     * Connects to a storefront's own relay with the same {@code spring.mail.properties.*} (the
     * timeouts) as the shop's relay, STARTTLS as the storefront asked, and authentication when it
     * has a username.
     */
    static SmtpConnection open(JavaMailSenderImpl shops, MailSender.Relay relay, String password)
            throws MessagingException {
        Properties properties = new Properties();
        properties.putAll(shops.getJavaMailProperties());
        properties.put("mail.smtp.starttls.enable", Boolean.toString(relay.starttls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(relay.starttls()));
        properties.put("mail.smtp.auth", Boolean.toString(relay.username() != null));
        Session session = Session.getInstance(properties);
        Transport transport = session.getTransport("smtp");
        transport.connect(relay.host(), relay.port(), relay.username(), password);
        return new SmtpConnection(session, transport);
    }

    Session session() {
        return session;
    }

    /**
     * Hands one message over. Throws {@link IllegalStateException} if the connection is already
     * closed, in which case nothing was sent.
     */
    void send(MimeMessage message) throws MessagingException {
        transport.sendMessage(message, message.getAllRecipients());
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (MessagingException e) {
            // QUIT failing after the last mail changes nothing about what was delivered
            log.debug("Closing the SMTP connection failed", e);
        }
    }
}
