package com.aftercare.web.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bodies no browser sends, and the look-ups that show nothing was written. */
final class BadInputFixtures {

    /** The UTF-8 bytes of half a surrogate pair (U+D800): what a lone surrogate becomes on the wire. */
    static final byte[] LONE_SURROGATE_BYTES = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};

    static final String BOUNDARY = "----aftercare-bad-input";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
    static final String FORM = "application/x-www-form-urlencoded";

    private BadInputFixtures() {}

    /** A multipart body cut off in its second part: no closing boundary, no end of the part. */
    static byte[] truncatedMultipart(String csrf) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--"
                        + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nbrok")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A well-formed multipart form whose {@code field} holds {@code value} bytes as they are. */
    static byte[] multipart(String csrf, String field, byte[] value, String... others) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, "_csrf", csrf.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < others.length; i += 2) {
            part(body, others[i], others[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        part(body, field, value);
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static void part(ByteArrayOutputStream body, String name, byte[] value) {
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(value);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** A form body, {@code rawPairs} already percent-encoded (and free to be wrong). */
    static byte[] form(String csrf, String rawPairs) {
        return ("_csrf=" + csrf + "&" + rawPairs).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static long inquiriesAbout(JdbcClient jdbc, String subject) {
        return jdbc.sql("select count(*) from inquiry where subject = :s")
                .param("s", subject)
                .query(Long.class)
                .single();
    }

    static long operatorsNamed(JdbcClient jdbc, String username) {
        return jdbc.sql("select count(*) from operator where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    static long inboundEvents(JdbcClient jdbc, String eventId) {
        return jdbc.sql("select count(*) from inbound_event where event_id = :id")
                .param("id", eventId)
                .query(Long.class)
                .single();
    }

    static long orders(JdbcClient jdbc, String number) {
        return jdbc.sql("select count(*) from customer_order where order_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }
}
