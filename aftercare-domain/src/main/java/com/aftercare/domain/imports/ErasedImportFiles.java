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

    private void deleteFilesHolding(byte[] bytes) {
        jdbc.sql("""
                        delete from order_import_part p
                         using order_import i
                         where i.id = p.import_id and i.status in ('DONE', 'FAILED')
                           and p.import_id in (select import_id from order_import_part where position(:bytes in content) > 0)
                        """).param("bytes", bytes).update();
    }
}
