package com.aftercare.web.console.inquiries;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.InquiryAttachments;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Downloads of what customers attached to their mail, for signed-in operators only (the console's
 * security). A customer chose the bytes and the name, so the answer is always a download, never
 * something the browser renders in the console's origin: {@code Content-Disposition: attachment}
 * with the name in RFC 6266 form (an ASCII fallback plus the UTF-8 {@code filename*}, so Japanese
 * names survive), {@code nosniff}, a sandboxing CSP, and any type but the few the mailbox accepts
 * served as {@code application/octet-stream}.
 */
@Controller
class InquiryAttachmentsController {

    /** What {@code AttachmentPolicy} can have detected; anything else is served as bytes. */
    private static final Set<String> SERVED_AS_IS =
            Set.of("image/jpeg", "image/png", "image/heic", "application/pdf", "text/plain", "video/mp4", "audio/mp4");

    private final InquiryAttachments attachments;

    InquiryAttachmentsController(InquiryAttachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/console/inquiries/{reference}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String reference, @PathVariable long id) {
        InquiryAttachments.AttachmentContent file =
                attachments.content(reference, id).orElseThrow(() -> NotFound.attachment(id));
        return ResponseEntity.ok()
                .contentType(typeOf(file.contentType()))
                .contentLength(file.content().length)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(safeName(file.filename()), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    private static MediaType typeOf(String stored) {
        if (stored != null && SERVED_AS_IS.contains(stored)) {
            return MediaType.parseMediaType(stored);
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }

    /** No path, no control characters: a name to save under, whatever the sender wrote. */
    static String safeName(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints()
                .map(c -> Character.isISOControl(c) ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "attachment" : name;
    }
}
