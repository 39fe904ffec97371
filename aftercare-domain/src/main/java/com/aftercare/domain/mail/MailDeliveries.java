package com.aftercare.domain.mail;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.mail.dispatch.MailDeliveryLog;
import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.mail.dispatch.ParkedMails;
import com.aftercare.domain.mail.outbox.MailSuppressions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What operators see and decide of the mail that went out or did not: the delivery log by state,
 * a customer's mails, the mails the dispatcher parks for a person (UNKNOWN: the connection broke
 * after the message may have been accepted; FAILED: refused or out of attempts), and the
 * addresses that bounce. Every decision is audited.
 */
@Service
public class MailDeliveries {

    /** States an operator may list. */
    public static final Set<String> STATES = MailDeliveryLog.STATES;

    private final MailDeliveryLog log;
    private final ParkedMails parked;
    private final MailSuppressions suppressions;
    private final AuditLog audit;
    private final MailDispatcher dispatcher;

    MailDeliveries(
            MailDeliveryLog log,
            ParkedMails parked,
            MailSuppressions suppressions,
            AuditLog audit,
            MailDispatcher dispatcher) {
        this.log = log;
        this.parked = parked;
        this.suppressions = suppressions;
        this.audit = audit;
        this.dispatcher = dispatcher;
    }

    /**
     * Sends every mail that is due, in the caller's thread, as the background dispatcher does
     * every second: for a caller whose mails must leave at this moment of the platform's clock
     * (the demo replaying its past sets the clock to each moment; the mails are stamped with it).
     *
     * @return how many mails were dealt with (sent, retried later, failed or parked)
     */
    public int sendDueNow() {
        int total = 0;
        for (int round = dispatcher.dispatchDue(); round > 0; round = dispatcher.dispatchDue()) {
            total += round; // a full batch may leave more behind
        }
        return total;
    }

    /**
     * Mails in the given states, newest first, a page at a time.
     *
     * @param beforeId the smallest id of the previous page, or null for the first page
     */
    @Transactional(readOnly = true)
    public List<MailDelivery> list(Set<String> states, Long beforeId, int limit) {
        return log.list(states, beforeId, limit);
    }

    /** Every mail in the given states, newest first, streamed one by one (for the CSV export). */
    @Transactional(readOnly = true)
    public void each(Set<String> states, Consumer<MailDelivery> mail) {
        log.each(states, mail);
    }

    /** The mails of one customer, any state, newest first: their part of the customer timeline. */
    @Transactional(readOnly = true)
    public List<MailDelivery> forCustomer(long customerId, int limit) {
        return log.forCustomer(customerId, null, limit);
    }

    /**
     * The mails of one customer sent (or to be sent) for one storefront, and the shop-wide ones
     * that name none, newest first: the inquiry workspace's "mails sent and scheduled".
     */
    @Transactional(readOnly = true)
    public List<MailDelivery> forCustomerAt(long customerId, Long storefrontId, int limit) {
        return log.forCustomer(customerId, storefrontId, limit);
    }

    /**
     * Sends an UNKNOWN mail again, after the operator checked it did not arrive (or decided a
     * duplicate is acceptable).
     *
     * @return false when the mail does not exist or is not UNKNOWN (someone acted first)
     */
    @Transactional
    public boolean release(long id, String by) {
        return decide(id, "mail.released", parked::release, by);
    }

    /** Gives a FAILED mail a fresh set of attempts, for example after a mailbox was fixed. */
    @Transactional
    public boolean retry(long id, String by) {
        return decide(id, "mail.retried", parked::retry, by);
    }

    /** Withdraws a mail that is parked, failed or still waiting; it will never be sent. */
    @Transactional
    public boolean drop(long id, String by) {
        return decide(id, "mail.dropped", parked::drop, by);
    }

    /** The addresses bouncing now, the latest first. */
    @Transactional(readOnly = true)
    public List<BouncingAddress> bouncing(int limit) {
        return suppressions.bouncing(limit);
    }

    /** Every address bouncing now, the latest first, streamed with a cursor (for the CSV export). */
    @Transactional(readOnly = true)
    public void eachBouncing(Consumer<BouncingAddress> address) {
        suppressions.eachBouncing(address);
    }

    /**
     * Stops all mail to an address learned to bounce outside the dispatcher and the delivery
     * reports it reads (the demo's history; a list carried over from the shop's earlier mail
     * service), exactly as a refusal at delivery does.
     *
     * @param source {@code smtp} or {@code dsn}, as the bouncing addresses page names it
     * @return whether the address was not bouncing before
     */
    @Transactional
    public boolean recordHardBounce(String address, String reason, String source) {
        return suppressions.recordHardBounce(address, reason, source);
    }

    /**
     * Lets mail go to the address again (a mailbox that works again); mail cancelled meanwhile
     * stays cancelled.
     *
     * @return false when the address was not bouncing
     */
    @Transactional
    public boolean clearBounce(String address, String by) {
        boolean cleared = suppressions.clear(address, by);
        if (cleared) {
            audit.record(by, "mail.bounce.cleared", "mail_suppression", address, Map.of());
        }
        return cleared;
    }

    private boolean decide(long id, String action, LongPredicate change, String by) {
        boolean changed = change.test(id);
        if (changed) {
            audit.record(by, action, "outbound_mail", Long.toString(id), Map.of());
        }
        return changed;
    }
}
