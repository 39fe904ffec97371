package com.aftercare.inquiry.mail;

import com.aftercare.domain.shared.Text;
import com.aftercare.inquiry.AttachmentPolicy;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw bytes of a mail into what the desk stores: sender, decoded subject (RFC 2047),
 * plain text body (text/plain preferred, else the text of the HTML), threading headers and the
 * attachments judged by {@link AttachmentPolicy}. Works on a local copy of the message, so no
 * network is involved; a mail it cannot read throws {@link Unreadable} with the reason.
 */
final class MailReader {

    static final int MAX_BODY = 20_000;
    private static final int MAX_SUBJECT = 200;
    private static final int MAX_FILENAME = 200;
    private static final int MAX_DEPTH = 10;

    /** Attachments refused are named in the message, so the operator knows to ask again. */
    static final String REFUSED_NOTE = "［添付ファイルを受け付けませんでした / attachment refused］ ";

    static final String NO_SUBJECT = "（件名なし）";
    static final String NO_TEXT = "（本文なし）";

    private final Session session;
    private final AttachmentPolicy policy;

    MailReader(AttachmentPolicy policy) {
        Properties properties = new Properties();
        // raw UTF-8 in headers (RFC 6532) is read as UTF-8, not as Latin-1
        properties.setProperty("mail.mime.allowutf8", "true");
        this.session = Session.getInstance(properties);
        this.policy = policy;
    }

    /** The mail could not be read (broken MIME, no sender); {@code getMessage()} says why. */
    static final class Unreadable extends Exception {
        Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    record Attachment(String filename, String contentType, byte[] content) {}

    record ParsedMail(
            String fromAddress,
            String fromName,
            String subject,
            String body,
            String messageId,
            String inReplyTo,
            List<String> references,
            List<Attachment> attachments) {}

    /**
     * The permanent failures a delivery report names, or none when the mail is no readable
     * report (a mail we cannot read is recorded as such by {@link #read} anyway).
     */
    List<DeliveryReports.HardBounce> hardBounces(byte[] raw) {
        try {
            return DeliveryReports.hardBounces(new MimeMessage(session, new ByteArrayInputStream(raw)));
        } catch (MessagingException | IOException | RuntimeException e) {
            return List.of();
        }
    }

    ParsedMail read(byte[] raw) throws Unreadable {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            InternetAddress from = sender(message);
            String automatic = automatic(message, from);
            if (automatic != null) {
                // Out-of-office replies and bounces would reopen inquiries, and answering them
                // could start a mail loop between two robots.
                throw new Unreadable("automatic mail, not filed: " + automatic, null);
            }
            Collected collected = new Collected();
            walk(message, collected, 0);
            String text = collected.plain.length() > 0
                    ? collected.plain.toString()
                    : collected.html.length() > 0 ? HtmlText.of(collected.html.toString()) : "";
            return new ParsedMail(
                    from.getAddress(),
                    oneLine(from.getPersonal(), MAX_SUBJECT),
                    subject(message),
                    body(text, collected.refusals),
                    header(message, "Message-ID"),
                    header(message, "In-Reply-To"),
                    messageIds(message.getHeader("References", " ")),
                    collected.attachments);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new Unreadable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Why a mail was written by a machine (RFC 3834 and common practice), or null. */
    static String automatic(MimeMessage message, InternetAddress from) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return "Auto-Submitted: " + autoSubmitted.strip();
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null
                && precedence.strip().toLowerCase(java.util.Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
            return "Precedence: " + precedence.strip();
        }
        if (message.getHeader("X-Autoreply", null) != null || message.getHeader("X-Autorespond", null) != null) {
            return "X-Autoreply";
        }
        String local = from.getAddress()
                .substring(0, Math.max(0, from.getAddress().indexOf('@')))
                .toLowerCase(java.util.Locale.ROOT);
        if (local.equals("mailer-daemon") || local.equals("postmaster")) {
            return "from " + from.getAddress();
        }
        if (message.isMimeType("multipart/report")) {
            return "delivery report";
        }
        return null;
    }

    private static final class Collected {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<Attachment> attachments = new ArrayList<>();
        final List<String> refusals = new ArrayList<>();
    }

    private void walk(Part part, Collected collected, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new MessagingException("MIME nested deeper than " + MAX_DEPTH);
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart)) {
                throw new MessagingException("multipart without parts");
            }
            Multipart multipart = (Multipart) content;
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), collected, depth + 1);
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!attachment && part.isMimeType("text/plain")) {
            append(collected.plain, text(part));
        } else if (!attachment && part.isMimeType("text/html")) {
            append(collected.html, text(part));
        } else {
            attach(part, collected);
        }
    }

    private void attach(Part part, Collected collected) throws MessagingException, IOException {
        String filename = filename(part);
        String declared = new ContentType(part.getContentType()).getBaseType();
        byte[] content = readAtMost(part.getInputStream(), policy.maxSize());
        long size = content == null ? policy.maxSize() + 1 : content.length;
        AttachmentPolicy.Verdict verdict = policy.judge(declared, content, size);
        if (verdict.accepted()) {
            collected.attachments.add(new Attachment(filename, verdict.contentType(), content));
        } else {
            collected.refusals.add(REFUSED_NOTE + filename + " (" + declared + "): " + verdict.reason());
        }
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress)) {
            throw new MessagingException("no From address");
        }
        return (InternetAddress) from[0];
    }

    private static final Pattern JAPANESE_ENCODED_WORD =
            Pattern.compile("=\\?(iso-2022-jp|shift_jis)\\?", Pattern.CASE_INSENSITIVE);

    /** RFC 2047 decoding, with the same Windows supersets as the body (① in a subject). */
    private static String subject(MimeMessage message) throws MessagingException {
        String raw = message.getHeader("Subject", null);
        String decoded;
        if (raw == null) {
            decoded = null;
        } else {
            Matcher m = JAPANESE_ENCODED_WORD.matcher(MimeUtility.unfold(raw));
            StringBuilder words = new StringBuilder();
            while (m.find()) {
                String charset = m.group(1).equalsIgnoreCase("shift_jis") ? "windows-31j" : "x-windows-iso2022jp";
                m.appendReplacement(words, Matcher.quoteReplacement("=?" + charset + "?"));
            }
            m.appendTail(words);
            try {
                decoded = MimeUtility.decodeText(words.toString());
            } catch (java.io.UnsupportedEncodingException e) {
                decoded = message.getSubject();
            }
        }
        String subject = oneLine(decoded, MAX_SUBJECT);
        return subject == null ? NO_SUBJECT : subject;
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, null);
        if (value == null) {
            return null;
        }
        List<String> ids = messageIds(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The {@code <…>} tokens of a Message-ID list header, brackets kept (how we store them). */
    static List<String> messageIds(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null) {
            return ids;
        }
        int at = 0;
        while (true) {
            int open = header.indexOf('<', at);
            int close = open < 0 ? -1 : header.indexOf('>', open);
            if (close < 0) {
                break;
            }
            String id = header.substring(open, close + 1);
            if (id.length() <= 998 && !Text.hasControlCharacters(id, false) && !id.contains(" ")) {
                ids.add(id);
            }
            at = close + 1;
        }
        return ids;
    }

    /** The part's text in its declared charset, with the Japanese mailers' supersets. */
    private static String text(Part part) throws MessagingException, IOException {
        byte[] bytes = readAtMost(part.getInputStream(), Long.MAX_VALUE);
        String charset = new ContentType(part.getContentType()).getParameter("charset");
        return decode(bytes, charset);
    }

    static String decode(byte[] bytes, String declared) {
        Charset charset = charset(declared);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, charset);
        }
    }

    /**
     * Windows-31J for Shift_JIS and the Windows ISO-2022-JP for ISO-2022-JP: Japanese mailers
     * write NEC and IBM extensions (①, ㈱, 髙) under the plain names. Unknown or absent: UTF-8
     * (a superset of ASCII), decoded with replacement characters rather than refused.
     */
    private static Charset charset(String declared) {
        if (declared == null || declared.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        String name = MimeUtility.javaCharset(declared.strip()).toLowerCase(Locale.ROOT);
        String preferred;
        switch (name) {
            case "shift_jis", "sjis", "x-sjis", "ms932", "cp932", "windows-31j" -> preferred = "windows-31j";
            case "iso-2022-jp", "iso2022jp", "jis" -> preferred = "x-windows-iso2022jp";
            default -> preferred = name;
        }
        for (String candidate : new String[] {preferred, name}) {
            try {
                return Charset.forName(candidate);
            } catch (RuntimeException e) {
                // not supported here: try the next
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String filename(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name != null) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (java.io.UnsupportedEncodingException e) {
                // keep it as written
            }
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        }
        name = oneLine(name, MAX_FILENAME);
        return name == null ? "attachment" : name;
    }

    /** Reads up to {@code limit} bytes; null when there is more (the rest is not read). */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static void append(StringBuilder to, String text) {
        if (to.length() > 0) {
            to.append("\n\n");
        }
        to.append(text);
    }

    /** Text the desk accepts: line breaks normalised, control and invisible characters dropped. */
    static String clean(String value, boolean multiLine) {
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalised.length());
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (c == '\n' || c == '\t') {
                out.append(multiLine ? c : ' ');
            } else if (!Text.hasControlCharacters(String.valueOf(c), multiLine)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String oneLine(String value, int max) {
        if (value == null) {
            return null;
        }
        String line = clean(value, false).strip();
        if (line.isEmpty()) {
            return null;
        }
        return line.length() > max ? line.substring(0, max) : line;
    }

    private static String body(String text, List<String> refusals) {
        String notes = String.join("\n", refusals);
        String body = clean(text, true).strip();
        int room = MAX_BODY - notes.length() - 2;
        if (body.length() > room) {
            body = body.substring(0, Math.max(0, room - 1)) + "…";
        }
        if (body.isEmpty()) {
            body = notes.isEmpty() ? NO_TEXT : "";
        }
        return notes.isEmpty() ? body : (body.isEmpty() ? notes : body + "\n\n" + notes);
    }
}
