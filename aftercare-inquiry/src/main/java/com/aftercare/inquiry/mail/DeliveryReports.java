package com.aftercare.inquiry.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a delivery status notification (RFC 3464: {@code multipart/report;
 * report-type=delivery-status}) for the recipients whose delivery failed for good ({@code Action:
 * failed}, a {@code 5.x.x} status), with the Message-ID of the mail that failed, taken from the
 * returned message or headers.
 */
final class DeliveryReports {

    /** One recipient a report says will never get the mail. */
    record HardBounce(String recipient, String status, String originalMessageId) {}

    private DeliveryReports() {}

    static List<HardBounce> hardBounces(MimeMessage message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report") || !(message.getContent() instanceof Multipart report)) {
            return List.of();
        }
        String statusText = null;
        String originalId = null;
        for (int i = 0; i < report.getCount(); i++) {
            BodyPart part = report.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                statusText = text(part);
            } else if (part.isMimeType("message/rfc822") && part.getContent() instanceof MimeMessage original) {
                originalId = original.getHeader("Message-ID", null);
            } else if (part.isMimeType("text/rfc822-headers")) {
                originalId = new InternetHeaders(
                                new ByteArrayInputStream(text(part).getBytes(StandardCharsets.UTF_8)))
                        .getHeader("Message-ID", null);
            }
        }
        if (statusText == null) {
            return List.of();
        }
        List<HardBounce> bounces = new ArrayList<>();
        // the first block is about the message, each later one about one recipient
        for (String block : statusText.replace("\r\n", "\n").split("\n\\s*\n")) {
            InternetHeaders fields =
                    new InternetHeaders(new ByteArrayInputStream(block.strip().getBytes(StandardCharsets.UTF_8)));
            String recipient = fields.getHeader("Final-Recipient", null);
            String action = fields.getHeader("Action", null);
            String status = fields.getHeader("Status", null);
            if (recipient == null || action == null || status == null) {
                continue;
            }
            if (action.strip().toLowerCase(Locale.ROOT).equals("failed")
                    && status.strip().startsWith("5")) {
                String address = recipient.substring(recipient.indexOf(';') + 1).strip();
                bounces.add(new HardBounce(address, status.strip(), originalId == null ? null : originalId.strip()));
            }
        }
        return bounces;
    }

    private static String text(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
