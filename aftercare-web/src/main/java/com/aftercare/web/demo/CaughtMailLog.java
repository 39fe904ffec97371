package com.aftercare.web.demo;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In demo mode, every mail the app sends is caught here and written to the log for the operator to
 * read: each mail once, in the order it arrived.
 *
 * <p>It hooks GreenMail's delivery instead of reading its received list: that list is gathered
 * mailbox by mailbox, so counting through it printed one mail twice and skipped another whenever
 * a mail arrived for an earlier mailbox.
 */
final class CaughtMailLog {

    private static final Logger log = LoggerFactory.getLogger("aftercare.demo.mail");

    /** A caught mail as the log shows it; {@code number} counts from 1 in arrival order. */
    record CaughtMail(int number, String to, String subject, String body) {}

    private CaughtMailLog() {}

    /** @return stops the watching, after writing what had arrived */
    static AutoCloseable watch(GreenMail smtp) {
        return watch(
                smtp,
                mail -> log.info(
                        "Caught demo mail #{}\nTo: {}\nSubject: {}\n\n{}",
                        mail.number(),
                        mail.to(),
                        mail.subject(),
                        mail.body()));
    }

    /**
     * Passes every mail GreenMail takes to {@code out}, once, in arrival order, on a thread of its
     * own (a slow log never holds up the sender).
     *
     * @return stops the watching, after {@code out} has had what had arrived
     */
    static AutoCloseable watch(GreenMail smtp, Consumer<CaughtMail> out) {
        UserManager users = smtp.getUserManager();
        MessageDeliveryHandler delivery = users.getMessageDeliveryHandler();
        // one single-threaded writer: tasks run in the order deliveries handed them over
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "demo-mail-log");
            thread.setDaemon(true);
            return thread;
        });
        // GreenMail delivers a mail once per recipient; it is logged at its first
        Set<MovingMessage> seen = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
        int[] count = {0};
        users.setMessageDeliveryHandler((message, recipient) -> {
            if (seen.add(message)) {
                String to = message.getToAddresses().stream()
                        .map(MailAddress::getEmail)
                        .collect(Collectors.joining(", "));
                MimeMessage mail = message.getMessage();
                writer.execute(() -> out.accept(new CaughtMail(++count[0], to, subject(mail), readableBody(mail))));
            }
            return delivery.handle(message, recipient);
        });
        return () -> {
            users.setMessageDeliveryHandler(delivery);
            writer.shutdown();
            writer.awaitTermination(5, TimeUnit.SECONDS);
        };
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            return "(unreadable subject: " + e.getMessage() + ")";
        }
    }

    /** The text an operator would read, decoded (the raw body is base64 for Japanese mail). */
    private static String readableBody(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        return (String) part.getContent();
                    }
                }
            }
            return GreenMailUtil.getBody(mail);
        } catch (Exception e) {
            return "(unreadable body: " + e.getMessage() + ")";
        }
    }
}
