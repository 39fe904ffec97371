package com.aftercare.domain.privacy;

import com.aftercare.domain.customer.CustomerId;
import java.util.List;
import java.util.stream.Stream;
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

    private final JdbcClient jdbc;

    ErasedCustomerRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param quoted what names the person ({@link PersonalValues#of}), read before the erasure began
     * @param references what leads to them ({@link PersonalValues#references}): parcel numbers
     */
    void anonymise(CustomerId customer, List<String> quoted, List<String> references) {
        long id = customer.value();
        for (String value : quoted) {
            jdbc.sql("""
                            update audit_log set details = cast(replace(details::text, :value, '[erased]') as json)
                             where strpos(details::text, :value) > 0
                            """).param("value", value).update();
        }
        // a finished publication is history only: gone whole, whichever of the person's values it holds
        for (String value : concat(quoted, references)) {
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

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
