package com.aftercare.web.badinput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP written by hand over a socket: requests no HTTP client library lets through (a NUL or an
 * encoded slash in the path, a request line longer than Tomcat takes), as an attacker or a broken
 * client sends them. HTTP/1.0, so the server closes the connection after its answer.
 */
final class RawHttp {

    private RawHttp() {}

    record Answer(int status, String head, String body) {

        String contentType() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    return line.substring("content-type:".length()).strip();
                }
            }
            return "";
        }

        boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }
    }

    /** A GET of {@code target} (sent as is) with extra header lines ("Name: value"). */
    static Answer get(int port, String target, String... headers) {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String head = end < 0 ? answer : answer.substring(0, end);
            String body = end < 0 ? "" : answer.substring(end + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
