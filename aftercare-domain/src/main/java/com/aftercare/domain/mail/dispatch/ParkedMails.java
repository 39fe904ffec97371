package com.aftercare.domain.mail.dispatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator can do with a mail the dispatcher would not decide on alone. Each method
 * returns false when the mail does not exist or is not in a state the action applies to.
 */
@Component
public class ParkedMails {

    private final JdbcClient jdbc;

    ParkedMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sends an UNKNOWN mail again, after the operator checked it did not arrive (or decided a
     * duplicate is acceptable).
     */
    public boolean release(long id) {
        return backToPending(id, "UNKNOWN", false);
    }

    /** Gives a FAILED mail a fresh set of attempts, for example after a mailbox was fixed. */
    public boolean retry(long id) {
        return backToPending(id, "FAILED", true);
    }

    /** Withdraws a mail that is parked, failed or still waiting; it will never be sent. */
    public boolean drop(long id) {
        return jdbc.sql("""
                        update outbound_mail set status = 'CANCELLED', claimed_by = null, lease_until = null,
                                                 updated_at = now()
                         where id = :id and status in ('UNKNOWN', 'FAILED', 'PENDING')
                        """).param("id", id).update() == 1;
    }

    private boolean backToPending(long id, String from, boolean resetAttempts) {
        return jdbc.sql("""
                        update outbound_mail
                           set status = 'PENDING', next_attempt_at = now(), claimed_by = null, lease_until = null,
                               attempts = case when :resetAttempts then 0 else attempts end, updated_at = now()
                         where id = :id and status = :from
                        """)
                        .param("id", id)
                        .param("from", from)
                        .param("resetAttempts", resetAttempts)
                        .update()
                == 1;
    }
}
