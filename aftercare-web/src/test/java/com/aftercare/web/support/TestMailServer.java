package com.aftercare.web.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;

/**
 * One real SMTP server (GreenMail) for the whole test JVM. Every Spring context of the suite
 * sends to it, so a mail is found wherever it was dispatched from; tests pick theirs out by
 * recipient, since each test uses addresses of its own.
 */
public final class TestMailServer {

    private static GreenMail server;

    private TestMailServer() {}

    public static synchronized GreenMail get() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            // once the Spring contexts have closed (see TestDatabase): nothing sends mail after that
            SpringApplication.getShutdownHandlers().add(server::stop);
        }
        return server;
    }

    public static int port() {
        return get().getSmtp().getPort();
    }

    public static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(get().getReceivedMessages())
                .filter(m -> isFor(m, address))
                .toList();
    }

    /** The subjects of the mails a recipient got, in arrival order. */
    public static List<String> subjectsTo(String address) {
        return receivedBy(address).stream().map(TestMailServer::subjectOf).toList();
    }

    /** The texts of the mails a recipient got, in arrival order. */
    public static List<String> textsTo(String address) {
        return receivedBy(address).stream().map(TestMailServer::textOf).toList();
    }

    public static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of a mail (its plain-text part when it has several). */
    public static String textOf(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return text;
            }
            return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
