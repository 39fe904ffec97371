package com.aftercare.domain.mail.dispatch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted SMTP server for the failures a real one will not produce on demand: a permanent
 * refusal, and a connection that dies after the message data went over but before the reply.
 * It also counts connections, which GreenMail does not expose.
 */
final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger messagesRead = new AtomicInteger();
    private final AtomicInteger messagesAccepted = new AtomicInteger();

    /** What to do; messages are numbered from 1 across all connections. */
    private record Script(String refuseCommand, String refusal, int dropAtMessage) {}

    private FakeSmtpServer(Script script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fake-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Accepts everything. */
    /** A loopback port nobody listens on (just freed), for a relay that is down. */
    static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    static FakeSmtpServer accepting() throws IOException {
        return new FakeSmtpServer(new Script(null, null, Integer.MAX_VALUE));
    }

    /** Answers {@code refusal} (e.g. {@code 550 5.1.1 no such user}) to every {@code command}. */
    static FakeSmtpServer refusing(String command, String refusal) throws IOException {
        return new FakeSmtpServer(new Script(command, refusal, Integer.MAX_VALUE));
    }

    /** Accepts messages before number {@code n}; reads message {@code n} to its end, then hangs up. */
    static FakeSmtpServer droppingConnectionAfterDataOfMessage(int n) throws IOException {
        return new FakeSmtpServer(new Script(null, null, n));
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    int messagesRead() {
        return messagesRead.get();
    }

    int messagesAccepted() {
        return messagesAccepted.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread session = new Thread(() -> converse(client), "fake-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = client.getOutputStream();
            reply(out, "220 fake.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                if (command.equals(script.refuseCommand())) {
                    reply(out, script.refusal());
                    continue;
                }
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 fake.test");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 2.0.0 ok");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        readMessage(in);
                        if (messagesRead.incrementAndGet() == script.dropAtMessage()) {
                            return; // hang up without a reply: the client cannot know the outcome
                        }
                        messagesAccepted.incrementAndGet();
                        reply(out, "250 2.0.0 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to report
        }
    }

    private static void readMessage(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
            // the content does not matter here
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
