package com.aftercare.domain.mail.outbox;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.privacy.CustomerErased;
import com.aftercare.domain.privacy.Erasures;
import com.aftercare.domain.privacy.PersonalData;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's share of a customer's erasure and disclosure. Erased: every mail not yet handed to
 * SMTP is cancelled (whatever module queued it: step mail, newsletters, replies), the address, subject
 * and bodies of all of the customer's mails are blanked (the log keeps template, kind, status and
 * times), and the address leaves the bounce list. A mail is the customer's by its customer id or by
 * its address (a mail sent before anyone knew the person has no id). Runs in the erasure's
 * transaction, while {@code customer_view} still holds the address. A mail queued later for the erased address is
 * cancelled as it is queued ({@link JdbcMailOutbox}).
 */
@Component
class ErasedCustomerMail implements PersonalData {

    static final String REASON = "customer erased";

    private final JdbcClient jdbc;

    ErasedCustomerMail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomerErased event) {
        long customer = event.customer().value();
        jdbc.sql("""
                        delete from mail_suppression
                         where address in (select lower(to_address) from outbound_mail where customer_id = :customer
                                           union select email_normalized from customer_view where id = :customer)
                        """).param("customer", customer).update();
        jdbc.sql("""
                        update outbound_mail
                           set status = case when status = 'PENDING' then 'CANCELLED' else status end,
                               last_error = case when status = 'PENDING' then :reason else last_error end,
                               to_address = :address, subject = '-', text_body = '-', html_body = null,
                               updated_at = now()
                         where customer_id = :customer
                            or lower(to_address) = (select email_normalized from customer_view where id = :customer)
                        """)
                .param("reason", REASON)
                .param("address", Erasures.erasedAddress(event.customer()))
                .param("customer", customer)
                .update();
    }

    @Override
    public Map<String, List<Map<String, Object>>> sectionsOf(CustomerId customer) {
        return Map.of(
                "mails",
                PersonalData.rows(jdbc.sql("""
                                select template, kind, to_address, subject, text_body, status, due_at, sent_at, created_at
                                  from outbound_mail where customer_id = :customer order by created_at, id
                                """)
                        .param("customer", customer.value())
                        .query()
                        .listOfRows()));
    }
}
