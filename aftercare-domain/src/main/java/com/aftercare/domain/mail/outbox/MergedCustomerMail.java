package com.aftercare.domain.mail.outbox;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.MergeableRecords;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The mails of a merged-away customer join the surviving customer's history (the pipeline's own table). */
@Component
class MergedCustomerMail implements MergeableRecords {

    private final JdbcClient jdbc;

    MergedCustomerMail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> countsOf(CustomerId customer) {
        return Map.of(
                "mails",
                jdbc.sql("select count(*) from outbound_mail where customer_id = :id")
                        .param("id", customer.value())
                        .query(Integer.class)
                        .single());
    }

    @Override
    public void move(CustomerId from, CustomerId into) {
        jdbc.sql("update outbound_mail set customer_id = :into where customer_id = :from")
                .param("into", into.value())
                .param("from", from.value())
                .update();
    }
}
