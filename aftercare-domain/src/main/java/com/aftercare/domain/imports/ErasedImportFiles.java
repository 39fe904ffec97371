package com.aftercare.domain.imports;

import com.aftercare.domain.privacy.CustomerErased;
import com.aftercare.domain.privacy.PersonalValues;
import java.nio.charset.CharsetEncoder;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The imports' share of an erasure: a finished import's uploaded file (a mall's order CSV, kept in
 * {@code order_import_part}) that holds the person's email, name or phone loses its content. The
 * file is needed for nothing once the import is done or failed (its orders, counts and problems
 * by row stay); rewriting a few rows of a Shift_JIS file split into parts is not worth the risk of
 * a half-rewritten line. The value is looked for in UTF-8 and in Shift_JIS, the two charsets an
 * import takes. An import still being mapped or run is left alone: it would only make the person
 * again, as a new customer, like any later order. Runs in the erasure's transaction, while the
 * customer row still holds the values.
 */
@Component
class ErasedImportFiles {

    private final JdbcClient jdbc;
    private final PersonalValues personalValues;

    ErasedImportFiles(JdbcClient jdbc, PersonalValues personalValues) {
        this.jdbc = jdbc;
        this.personalValues = personalValues;
    }

    @EventListener
    void on(CustomerErased event) {
        for (String value : personalValues.of(event.customer())) {
            for (FileCharset charset : FileCharset.values()) {
                CharsetEncoder encoder = charset.charset().newEncoder();
                // a character Shift_JIS cannot hold cannot be in a Shift_JIS file either
                if (encoder.canEncode(value)) {
                    deleteFilesHolding(value.getBytes(charset.charset()));
                }
            }
        }
    }

    /**
     * The file is kept in parts ({@code ImportStore}), so the value may begin at the end of one part
     * and end at the start of the next: each part is also searched joined to the next one's first
     * bytes, as many as the value has less one.
     */
    private void deleteFilesHolding(byte[] bytes) {
        jdbc.sql("""
                        delete from order_import_part p
                         using order_import i
                         where i.id = p.import_id and i.status in ('DONE', 'FAILED')
                           and p.import_id in (
                               select a.import_id from order_import_part a
                                 left join order_import_part b on b.import_id = a.import_id and b.part_no = a.part_no + 1
                                where position(:bytes in a.content) > 0
                                   or position(:bytes in substring(a.content from greatest(length(a.content) - :tail + 1, 1))
                                                         || substring(b.content from 1 for :tail)) > 0)
                        """).param("bytes", bytes).param("tail", bytes.length - 1).update();
    }
}
