package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.inquiry.InquiryId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One inquiry: the aggregate that guards the desk's workflow. Its methods say what happens; each
 * refuses what the current status does not allow ({@link InquiryWorkflowViolation}) and writes an
 * entry in the inquiry's own audit trail.
 *
 * <pre>
 * NEW ──open/reply──▶ OPEN ──waitOnCustomer──▶ WAITING_ON_CUSTOMER
 *  │                   ▲ │                        │
 *  │                   │ └────────resolve─────┐   │ resolve
 *  └─────resolve───────┼──────────────────────▼───▼
 *                      └─customer replies── RESOLVED ──close──▶ CLOSED (final; a reply starts a follow-up)
 * </pre>
 */
@Entity
@Table(name = "inquiry")
class Inquiry {

    static final String CUSTOMER = "customer";

    private static final Set<InquiryStatus> ACTIVE =
            EnumSet.of(InquiryStatus.NEW, InquiryStatus.OPEN, InquiryStatus.WAITING_ON_CUSTOMER);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InquiryStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "storefront_id")
    private Long storefrontId;

    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "follow_up_of")
    private Long followUpOf;

    @Column(nullable = false)
    private String subject;

    @Column(name = "assignee_operator_id")
    private Long assigneeOperatorId;

    private String team;

    @Column(name = "first_response_due_at", nullable = false)
    private Instant firstResponseDueAt;

    @Column(name = "resolution_due_at", nullable = false)
    private Instant resolutionDueAt;

    @Column(name = "first_responded_at")
    private Instant firstRespondedAt;

    /** Since when the inquiry waits on the customer: the resolution clock is paused meanwhile. */
    @Column(name = "waiting_since")
    private Instant waitingSince;

    /** Business time of the waits so far, added to the resolution due time. */
    @Column(name = "paused_seconds", nullable = false)
    private long pausedSeconds;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(nullable = false)
    private boolean flagged;

    @Column(name = "flag_reason")
    private String flagReason;

    @Column(name = "phone_caller")
    private String phoneCaller;

    @Column(name = "callback_wanted", nullable = false)
    private boolean callbackWanted;

    @Column(name = "callback_at")
    private Instant callbackAt;

    @Column(name = "visit_address")
    private String visitAddress;

    @Column(name = "visit_slot_start")
    private Instant visitSlotStart;

    @Column(name = "visit_slot_end")
    private Instant visitSlotEnd;

    @Column(name = "visit_staff")
    private String visitStaff;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "inquiry_id", nullable = false, updatable = false)
    @OrderBy("createdAt, id")
    private List<InquiryMessage> messages = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "inquiry_id", nullable = false, updatable = false)
    @OrderBy("occurredAt, id")
    private List<InquiryTrailEntry> trail = new ArrayList<>();

    protected Inquiry() {}

    /** What a new inquiry starts with. {@code storefront}, {@code order} and {@code followUpOf} may be null. */
    record Opening(
            String reference,
            Channel channel,
            Category category,
            Priority priority,
            CustomerId customer,
            StorefrontId storefront,
            OrderId order,
            InquiryId followUpOf,
            String subject,
            String firstMessage,
            String authorName,
            String openedBy,
            SlaPolicy.Due due,
            Instant at) {}

    /** A new inquiry with the customer's first message (or, for a phone call, the operator's summary). */
    static Inquiry open(Opening o) {
        Inquiry inquiry = new Inquiry();
        inquiry.reference = o.reference();
        inquiry.channel = o.channel();
        inquiry.category = o.category() == null ? Category.OTHER : o.category();
        inquiry.priority = o.priority() == null ? Priority.NORMAL : o.priority();
        inquiry.status = InquiryStatus.NEW;
        inquiry.customerId = o.customer().value();
        inquiry.storefrontId = o.storefront() == null ? null : o.storefront().value();
        inquiry.orderId = o.order() == null ? null : o.order().value();
        inquiry.followUpOf = o.followUpOf() == null ? null : o.followUpOf().value();
        inquiry.subject = InquiryText.line("subject", o.subject(), InquiryText.MAX_SUBJECT, true);
        inquiry.firstResponseDueAt = o.due().firstResponse();
        inquiry.resolutionDueAt = o.due().resolution();
        inquiry.createdAt = o.at();
        inquiry.updatedAt = o.at();
        inquiry.messages.add(InquiryMessage.inbound(
                InquiryText.body("body", o.firstMessage()), o.authorName(), o.channel(), o.at()));
        inquiry.record(InquiryTrailEntry.Type.CREATED, o.openedBy(), "via " + o.channel(), o.at());
        return inquiry;
    }

    /** An operator starts working on a new inquiry. */
    void open(String by, Instant at) {
        requireStatus("open", EnumSet.of(InquiryStatus.NEW));
        moveTo(InquiryStatus.OPEN, by, at);
    }

    /** Gives the inquiry to an operator (a supervisor assigning, or {@code by == to} when taking it). */
    void assign(long operatorId, String operatorName, String by, Instant at) {
        requireActive("assign");
        if (assigneeOperatorId != null && assigneeOperatorId == operatorId) {
            return;
        }
        assigneeOperatorId = operatorId;
        updatedAt = at;
        record(InquiryTrailEntry.Type.ASSIGNED, by, "to " + operatorName, at);
    }

    /**
     * Where the assignment rules sent a new inquiry: into {@code team}'s queue and, when someone
     * there was available, to that operator ({@code operatorId} null: nobody yet).
     */
    void route(String team, Long operatorId, String operatorName, String by, Instant at) {
        requireActive("route");
        this.team = team;
        assigneeOperatorId = operatorId;
        updatedAt = at;
        String to = operatorName == null ? "team " + team : operatorName + (team == null ? "" : " (team " + team + ")");
        record(InquiryTrailEntry.Type.ASSIGNED, by, "to " + to, at);
    }

    /** A supervisor hands the inquiry to another team: it waits unassigned in that team's queue. */
    void reassignToTeam(String team, String by, Instant at) {
        requireActive("reassign");
        if (team.equals(this.team) && assigneeOperatorId == null) {
            return;
        }
        this.team = team;
        assigneeOperatorId = null;
        updatedAt = at;
        record(InquiryTrailEntry.Type.ASSIGNED, by, "to team " + team, at);
    }

    /** What the operator noted about the call: who rang, and whether and when to call back. */
    void recordCall(String caller, boolean callbackWanted, Instant callbackAt) {
        phoneCaller = caller;
        this.callbackWanted = callbackWanted;
        this.callbackAt = callbackWanted ? callbackAt : null;
    }

    /** The on-site visit: where, the agreed slot, who goes. */
    void scheduleVisit(String address, Instant slotStart, Instant slotEnd, String staff) {
        visitAddress = address;
        visitSlotStart = slotStart;
        visitSlotEnd = slotEnd;
        visitStaff = staff;
    }

    /** An operator answers the customer; the first answer stops the first-response clock. */
    InquiryMessage recordReply(String operator, String body, Instant at) {
        requireActive("reply to");
        InquiryMessage reply = InquiryMessage.outbound(operator, InquiryText.body("body", body), channel, at);
        messages.add(reply);
        if (firstRespondedAt == null) {
            firstRespondedAt = at;
        }
        updatedAt = at;
        record(InquiryTrailEntry.Type.REPLIED, operator, null, at);
        if (status == InquiryStatus.NEW) {
            moveTo(InquiryStatus.OPEN, operator, at);
        }
        return reply;
    }

    /** An internal note: never sent to the customer, allowed in every status (also after closing). */
    InquiryMessage addNote(String operator, String body, Instant at) {
        InquiryMessage note = InquiryMessage.note(operator, InquiryText.body("body", body), channel, at);
        messages.add(note);
        updatedAt = at;
        record(InquiryTrailEntry.Type.NOTE_ADDED, operator, null, at);
        return note;
    }

    /** The operator asked the customer something and waits for the answer. */
    void waitOnCustomer(String by, Instant at) {
        requireStatus("wait on the customer for", EnumSet.of(InquiryStatus.OPEN));
        waitingSince = at;
        moveTo(InquiryStatus.WAITING_ON_CUSTOMER, by, at);
    }

    /** Resolving straight from a wait ends the pause: the wait is not the desk's time either. */
    void resolve(String by, Instant at, SlaPolicy sla) {
        requireActive("resolve");
        endPause(at, sla);
        resolvedAt = at;
        moveTo(InquiryStatus.RESOLVED, by, at);
    }

    /** Final. A customer writing again afterwards starts a follow-up inquiry. */
    void close(String by, Instant at) {
        requireStatus("close", EnumSet.of(InquiryStatus.RESOLVED));
        closedAt = at;
        moveTo(InquiryStatus.CLOSED, by, at);
    }

    /**
     * The customer wrote again. A resolved inquiry, or one waiting on the customer, goes back to
     * OPEN; a closed one refuses (the caller opens a follow-up instead). The wait paused the
     * resolution clock: its due time moves on by the business time the customer took.
     *
     * @return true when the reply reopened the inquiry
     */
    boolean reopenByCustomerReply(String body, String authorName, Instant at, SlaPolicy sla) {
        if (status == InquiryStatus.CLOSED) {
            throw InquiryWorkflowViolation.cannot("add a customer message to", reference, status);
        }
        messages.add(InquiryMessage.inbound(InquiryText.body("body", body), authorName, channel, at));
        updatedAt = at;
        record(InquiryTrailEntry.Type.CUSTOMER_REPLIED, CUSTOMER, null, at);
        endPause(at, sla);
        if (status == InquiryStatus.RESOLVED || status == InquiryStatus.WAITING_ON_CUSTOMER) {
            resolvedAt = null;
            moveTo(InquiryStatus.OPEN, CUSTOMER, at);
            return true;
        }
        return false;
    }

    /** Early warning (an angry customer, a possible legal issue): the console shows it first. */
    void flag(String reason, String by, Instant at) {
        flagReason = InquiryText.line("flagReason", reason, 500, true);
        flagged = true;
        updatedAt = at;
        record(InquiryTrailEntry.Type.FLAGGED, by, flagReason, at);
    }

    /**
     * An operator judged the inquiry more (or less) pressing: the due times are worked out again
     * for the new priority from when the inquiry came in, so an escalation can make it overdue at
     * once; the resolution due time keeps the pauses so far. A first response already given stays
     * given.
     */
    void changePriority(Priority to, SlaPolicy sla, String by, Instant at) {
        requireActive("change the priority of");
        if (to == priority) {
            return;
        }
        SlaPolicy.Due due = sla.due(channel, to, createdAt);
        record(InquiryTrailEntry.Type.PRIORITY_CHANGED, by, priority + " → " + to, at);
        priority = to;
        firstResponseDueAt = due.firstResponse();
        // the waits so far still do not count against the desk
        resolutionDueAt = sla.extended(due.resolution(), Duration.ofSeconds(pausedSeconds));
        updatedAt = at;
    }

    void unflag(String by, Instant at) {
        if (!flagged) {
            return;
        }
        flagged = false;
        flagReason = null;
        updatedAt = at;
        record(InquiryTrailEntry.Type.UNFLAGGED, by, null, at);
    }

    /** A wait on the customer ends: its business time moves the resolution due time on. */
    private void endPause(Instant at, SlaPolicy sla) {
        if (status == InquiryStatus.WAITING_ON_CUSTOMER && waitingSince != null) {
            Duration paused = sla.businessTime(waitingSince, at);
            resolutionDueAt = sla.extended(resolutionDueAt, paused);
            pausedSeconds += paused.toSeconds();
        }
        waitingSince = null;
    }

    private void requireActive(String action) {
        requireStatus(action, ACTIVE);
    }

    private void requireStatus(String action, Set<InquiryStatus> allowed) {
        if (!allowed.contains(status)) {
            throw InquiryWorkflowViolation.cannot(action, reference, status);
        }
    }

    private void moveTo(InquiryStatus to, String by, Instant at) {
        InquiryStatus from = status;
        status = to;
        updatedAt = at;
        record(InquiryTrailEntry.Type.STATUS_CHANGED, by, from + " -> " + to, at);
    }

    private void record(InquiryTrailEntry.Type type, String actor, String detail, Instant at) {
        trail.add(new InquiryTrailEntry(type, actor, detail, at));
    }

    InquiryId id() {
        return id == null ? null : new InquiryId(id);
    }

    String reference() {
        return reference;
    }

    Channel channel() {
        return channel;
    }

    InquiryStatus status() {
        return status;
    }

    Category category() {
        return category;
    }

    Priority priority() {
        return priority;
    }

    CustomerId customer() {
        return new CustomerId(customerId);
    }

    StorefrontId storefront() {
        return storefrontId == null ? null : new StorefrontId(storefrontId);
    }

    OrderId order() {
        return orderId == null ? null : new OrderId(orderId);
    }

    InquiryId followUpOf() {
        return followUpOf == null ? null : new InquiryId(followUpOf);
    }

    String subject() {
        return subject;
    }

    Long assigneeOperatorId() {
        return assigneeOperatorId;
    }

    String team() {
        return team;
    }

    /** The channel details (phone call, visit) in one value. */
    Inquiries.ChannelDetails channelDetails() {
        return new Inquiries.ChannelDetails(
                phoneCaller, callbackWanted, callbackAt, visitAddress, visitSlotStart, visitSlotEnd, visitStaff);
    }

    Instant firstResponseDueAt() {
        return firstResponseDueAt;
    }

    Instant resolutionDueAt() {
        return resolutionDueAt;
    }

    Instant firstRespondedAt() {
        return firstRespondedAt;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    boolean flagged() {
        return flagged;
    }

    String flagReason() {
        return flagReason;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    List<InquiryMessage> messages() {
        return Collections.unmodifiableList(messages);
    }

    List<InquiryTrailEntry> trail() {
        return Collections.unmodifiableList(trail);
    }
}
