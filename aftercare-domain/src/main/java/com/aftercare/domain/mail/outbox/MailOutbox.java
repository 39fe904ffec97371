package com.aftercare.domain.mail.outbox;

/**
 * The one way mail leaves Aftercare. Call it inside the transaction that decided to send the
 * mail: the mail is stored with that transaction and sent later by the dispatcher, so a
 * rollback sends nothing and a crash loses nothing.
 */
public interface MailOutbox {

    /**
     * Stores the mail for sending at or after its due time.
     *
     * @return true if the mail was enqueued, false if a mail with the same dedup key already
     *     existed (the call is then a no-op)
     */
    boolean enqueue(OutgoingMail mail);

    /**
     * Stores the mail like {@link #enqueue} and answers its row id, whether this call or an
     * earlier one with the same dedup key inserted it (for records that point at their mail).
     */
    long enqueueForId(OutgoingMail mail);
}
