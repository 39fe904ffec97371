package com.aftercare.returns.privacy;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.MergeableRecords;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merged-away customer's claims and their contact digests move to the survivor; a fraud flag
 * moves only when the survivor has none (one flag per customer; the survivor's own stands).
 */
@Component
class ClaimMergeableRecords implements MergeableRecords {

    private final JdbcClient jdbc;

    ClaimMergeableRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> countsOf(CustomerId customer) {
        return Map.of(
                "claims",
                jdbc.sql("select count(*) from claim where customer_id = :id")
                        .param("id", customer.value())
                        .query(Integer.class)
                        .single());
    }

    @Override
    public void move(CustomerId from, CustomerId into) {
        for (String sql : new String[] {
            "update claim set customer_id = :into where customer_id = :from",
            "update claim_contact set customer_id = :into where customer_id = :from",
            """
            update claim_customer_flag set customer_id = :into
             where customer_id = :from and not exists (select 1 from claim_customer_flag where customer_id = :into)
            """
        }) {
            jdbc.sql(sql)
                    .param("into", into.value())
                    .param("from", from.value())
                    .update();
        }
    }
}
