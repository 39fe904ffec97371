package com.aftercare.inquiry.privacy;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.MergeableRecords;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A merged-away customer's inquiries (with their messages, which hang off the inquiry) move to the survivor. */
@Component
class InquiryMergeableRecords implements MergeableRecords {

    private final JdbcClient jdbc;

    InquiryMergeableRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> countsOf(CustomerId customer) {
        return Map.of(
                "inquiries",
                jdbc.sql("select count(*) from inquiry where customer_id = :id")
                        .param("id", customer.value())
                        .query(Integer.class)
                        .single());
    }

    @Override
    public void move(CustomerId from, CustomerId into) {
        jdbc.sql("update inquiry set customer_id = :into where customer_id = :from")
                .param("into", into.value())
                .param("from", from.value())
                .update();
    }
}
