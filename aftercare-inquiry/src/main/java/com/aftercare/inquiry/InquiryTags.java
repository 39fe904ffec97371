package com.aftercare.inquiry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags on inquiries (タグ): short words a macro or an automation puts on an inquiry so the desk can
 * tell them apart ("返金対応", "VIP"). Kept in their own table: an inquiry has few, and a tag added
 * twice is kept once.
 */
@Service
public class InquiryTags {

    public static final int MAX_TAG = 40;

    private final JdbcClient jdbc;

    InquiryTags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tags of an inquiry, alphabetically. */
    @Transactional(readOnly = true)
    public List<String> of(String reference) {
        return jdbc.sql("""
                        select t.tag from inquiry_tag t join inquiry i on i.id = t.inquiry_id
                         where i.reference = :r order by t.tag
                        """).param("r", reference).query(String.class).list();
    }

    /** Adds a checked tag in the caller's transaction; false when the inquiry had it already. */
    boolean add(long inquiryId, String tag, String by, Instant at) {
        return jdbc.sql("""
                                insert into inquiry_tag (inquiry_id, tag, added_by, added_at)
                                values (:i, :t, :by, :at) on conflict do nothing
                                """)
                        .param("i", inquiryId)
                        .param("t", tag)
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** A tag is one line of 1-40 characters; null or blank: no tag. */
    static String check(String field, String tag) {
        return InquiryText.line(field, tag, MAX_TAG, false);
    }
}
