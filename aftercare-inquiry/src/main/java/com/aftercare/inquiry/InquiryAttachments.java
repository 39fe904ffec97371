package com.aftercare.inquiry;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files customers sent by mail or on LINE (kept after the one {@code AttachmentPolicy}
 * checked type and size), for the console. Always read through the inquiry's reference, so an attachment id that
 * belongs to another inquiry is as unknown as one that does not exist.
 */
@Service
public class InquiryAttachments {

    private final JdbcClient jdbc;

    InquiryAttachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the inquiry page lists; {@code contentType} is the type detected from the content. */
    public record AttachmentView(long id, long messageId, String filename, String contentType, long sizeBytes) {}

    public record AttachmentContent(String filename, String contentType, byte[] content) {}

    /** The attachments of inquiry {@code reference}, in the order they arrived. */
    @Transactional(readOnly = true)
    public List<AttachmentView> of(String reference) {
        return jdbc.sql("""
                        select a.id, a.message_id, a.filename, a.content_type, a.size_bytes
                          from inquiry_attachment a
                          join inquiry_message m on m.id = a.message_id
                          join inquiry i on i.id = m.inquiry_id
                         where i.reference = :reference
                         order by a.id
                        """)
                .param("reference", reference)
                .query((rs, n) -> new AttachmentView(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<AttachmentContent> content(String reference, long id) {
        return jdbc.sql("""
                        select a.filename, a.content_type, a.content
                          from inquiry_attachment a
                          join inquiry_message m on m.id = a.message_id
                          join inquiry i on i.id = m.inquiry_id
                         where i.reference = :reference and a.id = :id
                        """)
                .param("reference", reference)
                .param("id", id)
                .query((rs, n) -> new AttachmentContent(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }
}
