package com.aftercare.web.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

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
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
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

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
