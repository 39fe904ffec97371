package com.aftercare.domain.privacy;

import com.aftercare.domain.customer.CustomerId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer row and the rest of the domain's own records of the person: the storefronts' ids of
 * them, operators' notes, audit details and finished event publications that quote the email, name
 * or phone. Consent records stay: they name no one once the customer row does not, and they prove
 * what was agreed.
 */
@Component
class ErasedCustomerRecords {

    /** Shorter values (a one-character name) would match unrelated text. */
    private static final int MIN_QUOTED = 2;

    private final JdbcClient jdbc;

    ErasedCustomerRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void anonymise(CustomerId customer) {
        long id = customer.value();
        List<String> quoted = new ArrayList<>();
        jdbc.sql("select email, name, name_kana, phone from customer where id = :id")
                .param("id", id)
                .query(rs -> {
                    for (int column = 1; column <= 4; column++) {
                        String value = rs.getString(column);
                        if (value != null && value.strip().length() >= MIN_QUOTED) {
                            quoted.add(value.strip());
                        }
                    }
                });
        for (String value : quoted) {
            jdbc.sql("""
                            update audit_log set details = cast(replace(details::text, :value, '[erased]') as jsonb)
                             where strpos(details::text, :value) > 0
                            """).param("value", value).update();
            jdbc.sql("""
                            delete from event_publication
                             where completion_date is not null and strpos(serialized_event, :value) > 0
                            """).param("value", value).update();
        }
        // a customer merged into this one kept only its name (CustomerMerges): it goes with the person
        jdbc.sql("update customer set name = :name, erased_at = now() where merged_into = :id")
                .param("name", Erasures.ERASED_NAME)
                .param("id", id)
                .update();
        jdbc.sql("delete from customer_external_id where customer_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from customer_note where customer_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("""
                        update customer
                           set email = :address, email_normalized = :address, name = :name, name_kana = null,
                               phone = null, phone_normalized = null, promotional_consent = false, erased_at = now(),
                               updated_at = now(), version = version + 1
                         where id = :id
                        """)
                .param("address", Erasures.erasedAddress(customer))
                .param("name", Erasures.ERASED_NAME)
                .param("id", id)
                .update();
    }
}
