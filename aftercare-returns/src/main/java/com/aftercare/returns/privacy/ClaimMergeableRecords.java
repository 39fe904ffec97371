package com.aftercare.returns.privacy;

import com.aftercare.domain.customer.TableMoves;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merged-away customer's claims and their contact digests move to the survivor; a fraud flag
 * moves only when the survivor has none (one flag per customer; the survivor's own stands).
 */
@Component
class ClaimMergeableRecords extends TableMoves {

    ClaimMergeableRecords(JdbcClient jdbc) {
        super(jdbc, "claims", "claim", all("claim"), all("claim_contact"), """
                update claim_customer_flag set customer_id = :into
                 where customer_id = :from and not exists (select 1 from claim_customer_flag where customer_id = :into)
                """);
    }
}
