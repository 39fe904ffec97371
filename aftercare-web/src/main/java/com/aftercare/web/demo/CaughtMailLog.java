package com.aftercare.web.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** In demo mode, every mail the app sends is caught here and written to the log for the operator to read. */
final class CaughtMailLog {

    private static final Logger log = LoggerFactory.getLogger("aftercare.demo.mail");

    private CaughtMailLog() {}

    /** The text an operator would read, decoded (the raw body is base64 for Japanese mail). */
    private static String readableBody(MimeMessage mail) throws Exception {
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
    }

    /** @return stops the watching */
    static AutoCloseable watch(GreenMail smtp) {
        AtomicInteger seen = new AtomicInteger();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "demo-mail-log");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(
                () -> {
                    try {
                        MimeMessage[] received = smtp.getReceivedMessages();
                        for (int i = seen.get(); i < received.length; i++) {
                            MimeMessage mail = received[i];
                            log.info(
                                    "Caught demo mail #{}\nTo: {}\nSubject: {}\n\n{}",
                                    i + 1,
                                    String.join(
                                            ", ", mail.getHeader("To") == null ? new String[0] : mail.getHeader("To")),
                                    mail.getSubject(),
                                    readableBody(mail));
                        }
                        seen.set(received.length);
                    } catch (Exception e) {
                        log.warn("Could not read a caught demo mail", e);
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
        return poller::shutdownNow;
    }
}
