package com.aftercare.inquiry;

import com.aftercare.domain.inquiry.InquiryEvents.CustomerReplied;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryOpened;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryResolved;
import com.aftercare.domain.inquiry.InquiryId;
import com.aftercare.domain.request.IdempotencyKeyReused;
import com.aftercare.domain.request.RequestKey;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inquiry desk: the one way into the inquiry module. Commands are records checked here and by
 * the domain's value objects (a refusal names the field: {@link InvalidValue}); a step the
 * workflow does not allow throws {@link InquiryWorkflowViolation}; an inquiry the caller may not
 * see is {@link NotFound}. Each command runs in one transaction and publishes its domain events
 * ({@link InquiryOpened}, {@link CustomerReplied}, {@link InquiryResolved}) inside it.
 *
 * <p>Inquiries are addressed by their reference ({@code INQ-2026-000123}), never by their
 * numeric id: the reference is what customers quote on the phone, and it is not enumerable.
 *
 * <p>The work is done by one part per job: {@link InquiryIntake} (opening, the customer writing
 * again), {@link InboundMailIntake} (a mail: threading or a new inquiry), {@link InquiryWork} (the
 * operators' steps) and {@link InquiryStore} (finding and showing an inquiry).
 */
@Service
public class Inquiries {

    /** The longest message body (reply, note, customer message) the desk takes. */
    public static final int MAX_BODY = InquiryText.MAX_BODY;

    private final InquiryIntake intake;
    private final InboundMailIntake mailIntake;
    private final InquiryWork work;
    private final InquiryStore store;

    Inquiries(InquiryIntake intake, InboundMailIntake mailIntake, InquiryWork work, InquiryStore store) {
        this.intake = intake;
        this.mailIntake = mailIntake;
        this.work = work;
        this.store = store;
    }

    // ---- commands ----------------------------------------------------------------------------

    /**
     * A customer's new inquiry, as a storefront (web form, chat widget) or an operator (phone,
     * visit) takes it down.
     *
     * @param storefront the storefront it came through; null when opened in the console
     * @param orderNumber optional; must be an order of {@code storefront}
     * @param category optional, default OTHER
     * @param priority optional, default NORMAL
     * @param openedBy who took it down: an operator's username, or {@code customer}
     */
    public record OpenInquiry(
            StorefrontId storefront,
            Channel channel,
            String customerEmail,
            String customerName,
            String customerPhone,
            String orderNumber,
            Category category,
            Priority priority,
            String subject,
            String body,
            String openedBy,
            ChatThread chat) {

        /** Without a storefront's chat ids (every channel but a storefront's CHAT). */
        public OpenInquiry(
                StorefrontId storefront,
                Channel channel,
                String customerEmail,
                String customerName,
                String customerPhone,
                String orderNumber,
                Category category,
                Priority priority,
                String subject,
                String body,
                String openedBy) {
            this(
                    storefront,
                    channel,
                    customerEmail,
                    customerName,
                    customerPhone,
                    orderNumber,
                    category,
                    priority,
                    subject,
                    body,
                    openedBy,
                    null);
        }
    }

    /** The customer wrote again about inquiry {@code reference}, through {@code storefront} (null: the console). */
    public record AddCustomerMessage(StorefrontId storefront, String reference, String body, String authorName) {}

    /** Operator actions; {@code operator} is the acting operator's username. */
    /**
     * @param mailInstead the operator confirmed mailing a chat reply the storefront's chat cannot
     *     take (it subscribes to no {@code inquiry.message_sent}); see {@code ChatReplies}
     */
    public record Reply(String reference, String operator, String body, boolean mailInstead) {

        public Reply(String reference, String operator, String body) {
            this(reference, operator, body, false);
        }
    }

    public record AddNote(String reference, String operator, String body) {}

    public record Assign(String reference, String assignee, String operator) {}

    /**
     * A customer's mail, already read from the mailbox and made safe: plain text body (HTML
     * converted), decoded subject, checked attachments. Threading uses {@code inReplyTo} and
     * {@code references} (Message-IDs with their angle brackets) and the reference in the subject.
     *
     * @param storefront the storefront a new inquiry is filed under; null: console only
     * @param fromName the display name of the sender, or null
     */
    public record InboundMail(
            StorefrontId storefront,
            String fromAddress,
            String fromName,
            String subject,
            String body,
            String messageId,
            String inReplyTo,
            List<String> references,
            List<MailAttachment> attachments) {

        public InboundMail {
            references = references == null ? List.of() : List.copyOf(references);
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    /** An attachment whose type was checked by its content; {@code contentType} is the detected one. */
    public record MailAttachment(String filename, String contentType, byte[] content) {}

    /**
     * Where an inbound mail went: {@code reference} is the inquiry it opened or joined (or, when
     * {@code duplicate}, the one that already holds a mail with the same Message-ID).
     */
    public record MailTaken(String reference, boolean newInquiry, boolean duplicate, long messageId) {}

    // ---- views -------------------------------------------------------------------------------

    /** The inquiry opened; {@code existing} when a retry with the same idempotency key found the first try's. */
    public record Opened(InquiryId id, String reference, InquiryStatus status, boolean existing) {}

    /**
     * Where a customer message went: normally {@code reference} is the inquiry written to; when
     * that inquiry was CLOSED, a follow-up was opened and {@code reference} is the new one, with
     * {@code followUpOf} naming the closed one.
     */
    public record MessageAdded(long messageId, String reference, InquiryStatus status, String followUpOf) {}

    // ---- the customer's side ----------------------------------------------------------------

    /**
     * Opens an inquiry: recognises (or creates) the customer by email, links the order when one
     * is named, computes the SLA due times, runs the assignment rules and publishes
     * {@link InquiryOpened}. Every input is checked before anything is written; a refusal writes
     * nothing.
     */
    @Transactional
    public Opened open(OpenInquiry command) {
        return intake.open(command);
    }

    /**
     * {@link #open(OpenInquiry)} made safe to retry: a storefront that sends the same request
     * with the same key again (after a timeout, say) gets the inquiry the first try opened, as it
     * is now, and nothing is written; the key with a different request is refused.
     *
     * @param key the storefront's idempotency key for this request; null: not idempotent
     * @throws IdempotencyKeyReused when the key was used for a different request
     */
    @Transactional
    public Opened open(OpenInquiry command, RequestKey key) {
        return intake.open(command, key);
    }

    /**
     * The customer wrote again. Reopens a RESOLVED or WAITING_ON_CUSTOMER inquiry; a CLOSED one
     * stays closed and the message opens a follow-up inquiry (same customer, storefront, order,
     * channel and category) that points back to it.
     */
    @Transactional
    public MessageAdded addCustomerMessage(AddCustomerMessage command) {
        return intake.addCustomerMessage(command);
    }

    /**
     * {@link #addCustomerMessage(AddCustomerMessage)} made safe to retry: the same request with
     * the same key again answers the message the first try added (the inquiry it went to, as it is
     * now) and writes nothing; the key with a different request is refused.
     *
     * @param key the storefront's idempotency key for this request; null: not idempotent
     * @throws IdempotencyKeyReused when the key was used for a different request
     */
    @Transactional
    public MessageAdded addCustomerMessage(AddCustomerMessage command, RequestKey key) {
        return intake.addCustomerMessage(command, key);
    }

    /**
     * A customer's mail came in: it joins the inquiry it answers, else opens a new EMAIL inquiry.
     * Threading, in order: a Message-ID in {@code In-Reply-To}/{@code References} that is one of
     * our inquiry messages or one of our reply mails ({@code inquiry_message.outbound_mail_id});
     * else a reference {@code [INQ-2026-000123]} in the subject, but only when the sender is that
     * inquiry's customer (references are sequential, not secrets); else a new inquiry for the
     * sender, recognised by address like a contact form (details completed, never rewritten).
     * Joining goes through the same path as {@link #addCustomerMessage}: a RESOLVED or WAITING
     * inquiry reopens, a CLOSED one gets a follow-up. A mail whose Message-ID is already stored is
     * not added again ({@code duplicate}). Accepted attachments are stored with the message.
     *
     * <p>Joins the caller's transaction (the mailbox bookkeeping commits with it).
     */
    @Transactional
    public MailTaken takeInboundMail(InboundMail mail) {
        return mailIntake.take(mail);
    }

    // ---- the operators' side ------------------------------------------------------------------

    /**
     * An operator answers the customer. On a written channel (EMAIL, WEB_FORM, CHAT) the answer
     * also goes out by mail, queued in the outbox in this transaction (template
     * {@code inquiry-reply}, dedup key {@code inquiry-reply:<message id>}), threaded under the
     * customer's last mail when it had a Message-ID. A blank body or one over
     * {@link #MAX_BODY} characters is {@link InvalidValue} on {@code body}.
     *
     * @return the id of the new message
     */
    @Transactional
    public long reply(Reply command) {
        return work.reply(command);
    }

    /** An internal note, never sent to the customer, allowed in every status; answers its id. */
    @Transactional
    public long addNote(AddNote command) {
        return work.addNote(command);
    }

    /** A supervisor gives the inquiry to {@code assignee}; both must be enabled operators. */
    @Transactional
    public void assign(Assign command) {
        work.assign(command);
    }

    /** The operator takes the inquiry for themselves. */
    @Transactional
    public void take(String reference, String operator) {
        work.take(reference, operator);
    }

    /**
     * Lets the {@link AssignmentRule} choose again (as for a new inquiry) ({@code by} is the acting
     * operator or a job name such as {@code auto-assign}).
     *
     * @return the chosen operator's username, or empty when no rule applies or nobody in the
     *     rule's team is available (then the inquiry waits in that team's queue)
     */
    @Transactional
    public Optional<String> assignAutomatically(String reference, String by) {
        return work.assignAutomatically(reference, by);
    }

    /** A supervisor hands the inquiry to a team: it leaves its assignee and waits in the team's queue. */
    @Transactional
    public void assignToTeam(String reference, String team, String operator) {
        work.assignToTeam(reference, team, operator);
    }

    @Transactional
    public void startWork(String reference, String operator) {
        work.startWork(reference, operator);
    }

    @Transactional
    public void waitOnCustomer(String reference, String operator) {
        work.waitOnCustomer(reference, operator);
    }

    /** Resolves the inquiry and publishes {@link InquiryResolved} (reference, customer, storefront, order, when). */
    @Transactional
    public void resolve(String reference, String operator) {
        work.resolve(reference, operator);
    }

    @Transactional
    public void close(String reference, String operator) {
        work.close(reference, operator);
    }

    /**
     * Flags the inquiry for attention (shown first in the queue), with the reason operators read.
     *
     * @throws InvalidValue naming {@code flagReason} when the reason is empty or longer than 500 characters
     */
    @Transactional
    public void flag(String reference, String reason, String operator) {
        work.flag(reference, reason, operator);
    }

    /** Takes the flag off (nothing happens when there is none). */
    @Transactional
    public void unflag(String reference, String operator) {
        work.unflag(reference, operator);
    }

    /**
     * A new priority for an open inquiry; its due times follow (see {@code Inquiry.changePriority}).
     *
     * @throws InvalidValue naming {@code priority} when none is given
     * @throws InquiryWorkflowViolation for a resolved or closed inquiry
     */
    @Transactional
    public void changePriority(String reference, Priority priority, String operator) {
        work.changePriority(reference, priority, operator);
    }

    // ---- reads -------------------------------------------------------------------------------

    /** For the console: any inquiry. */
    @Transactional(readOnly = true)
    public Optional<InquiryView> find(String reference) {
        return store.find(reference);
    }

    /** For the API: only inquiries that came through this storefront. */
    @Transactional(readOnly = true)
    public Optional<InquiryView> find(StorefrontId storefront, String reference) {
        return store.find(storefront, reference);
    }
}
