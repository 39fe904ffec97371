package com.aftercare.domain.mail.outbox;

import com.aftercare.domain.customer.TableMoves;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The mails of a merged-away customer join the surviving customer's history (the pipeline's own table). */
@Component
class MergedCustomerMail extends TableMoves {

    MergedCustomerMail(JdbcClient jdbc) {
        super(jdbc, "mails", "outbound_mail", all("outbound_mail"));
    }
}
