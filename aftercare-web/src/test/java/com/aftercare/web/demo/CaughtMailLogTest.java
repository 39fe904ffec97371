package com.aftercare.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's mail log: every caught mail once, in the order it arrived. */
class CaughtMailLogTest {

    GreenMail smtp;
    ServerSetup setup;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            setup = new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        }
        smtp = new GreenMail(setup);
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void shouldLogEachMailOnceInArrivalOrderAlthoughTheyGoToDifferentMailboxes() throws Exception {
        List<CaughtMailLog.CaughtMail> logged = new CopyOnWriteArrayList<>();
        AutoCloseable watching = CaughtMailLog.watch(smtp, logged::add);

        // GreenMail's received list groups by mailbox: the third mail would come second in it
        GreenMailUtil.sendTextEmail("ume@example.jp", "shop@example.jp", "一通目", "本文1", setup);
        GreenMailUtil.sendTextEmail("ayame@example.jp", "shop@example.jp", "二通目", "本文2", setup);
        GreenMailUtil.sendTextEmail("ume@example.jp", "shop@example.jp", "三通目", "本文3", setup);
        GreenMailUtil.sendTextEmail("kiku@example.jp", "shop@example.jp", "四通目", "本文4", setup);
        watching.close();

        assertThat(logged).extracting(CaughtMailLog.CaughtMail::subject).containsExactly("一通目", "二通目", "三通目", "四通目");
        assertThat(logged).extracting(CaughtMailLog.CaughtMail::number).containsExactly(1, 2, 3, 4);
        assertThat(logged.get(1).to()).isEqualTo("ayame@example.jp");
        assertThat(logged.get(2).body()).contains("本文3");
        // the catcher still keeps them for whoever reads it
        assertThat(smtp.getReceivedMessages()).hasSize(4);
    }

    @Test
    void shouldLogAMailToSeveralRecipientsOnce() throws Exception {
        List<CaughtMailLog.CaughtMail> logged = new CopyOnWriteArrayList<>();
        AutoCloseable watching = CaughtMailLog.watch(smtp, logged::add);

        GreenMailUtil.sendTextEmail("ume@example.jp, kiku@example.jp", "shop@example.jp", "お二人へ", "本文", setup);
        watching.close();

        assertThat(logged).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("お二人へ");
            assertThat(mail.to()).contains("ume@example.jp").contains("kiku@example.jp");
        });
    }
}
