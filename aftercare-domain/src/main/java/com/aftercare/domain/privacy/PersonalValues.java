package com.aftercare.domain.privacy;

import com.aftercare.domain.customer.CustomerId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The values that name a customer wherever they were written down as text (a message body, an
 * audit detail, a webhook payload, an uploaded file): for a listener of {@link CustomerErased} that
 * must find the person in free text. Read while the customer row still holds them, that is while
 * {@code CustomerErased} is heard.
 */
@Component
public class PersonalValues {

    /** Shorter values (a one-character name) would match unrelated text. */
    private static final int MIN_QUOTED = 2;

    private final JdbcClient jdbc;

    PersonalValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What names the person: email, name, kana and phone (as written and as digits), the names of
     * the records merged into them and their LINE display names. Safe to replace in any text.
     */
    public List<String> of(CustomerId customer) {
        Set<String> values = new LinkedHashSet<>();
        jdbc.sql("""
                        select email, name, name_kana, phone, phone_normalized from customer where id = :id
                        union all
                        select null, name, null, null, null from customer where merged_into = :id
                        union all
                        select null, display_name, null, null, null from line_identity where customer_id = :id
                        """).param("id", customer.value()).query(rs -> {
            for (int column = 1; column <= 5; column++) {
                String value = rs.getString(column);
                if (value != null && value.strip().length() >= MIN_QUOTED && !value.equals(Erasures.ERASED_NAME)) {
                    values.add(value.strip());
                }
            }
        });
        return List.copyOf(values);
    }

    /**
     * What leads to the person without naming them: the parcel numbers of their orders (the
     * carrier's record of the address). Too short and plain to replace in free text; for finding
     * whole records that are the person's.
     */
    public List<String> references(CustomerId customer) {
        return jdbc.sql("""
                        select distinct tracking_number from customer_order
                         where customer_id = :id and length(tracking_number) >= 6
                        """).param("id", customer.value()).query(String.class).list();
    }
}
