package com.aftercare.inquiry.privacy;

import com.aftercare.domain.customer.TableMoves;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A merged-away customer's inquiries (with their messages, which hang off the inquiry) move to the survivor. */
@Component
class InquiryMergeableRecords extends TableMoves {

    InquiryMergeableRecords(JdbcClient jdbc) {
        super(jdbc, "inquiries", "inquiry", all("inquiry"));
    }
}
