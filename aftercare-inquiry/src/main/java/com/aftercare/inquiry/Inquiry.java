package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.inquiry.InquiryId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * One inquiry: the aggregate that guards the desk's workflow. Its methods say what happens; each
 * refuses what the current status does not allow ({@link InquiryWorkflowViolation}, the steps are
 * in {@link InquiryWorkflow}) and writes an entry in the inquiry's own audit trail. Its parts keep
 * their own rules: the {@link SlaClock}, the {@link Assignment}, the {@link ChannelNotes}.
 */
@Entity
@Table(name = "inquiry")
class Inquiry {

    static final String CUSTOMER = "customer";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Embedded
    private InquiryWorkflow workflow;

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

    @Embedded
    private Assignment assignment = new Assignment();

    @Embedded
    private SlaClock sla;

    @Embedded
    private Flag flag = new Flag();

    @Embedded
    private ChannelNotes channelNotes = new ChannelNotes();

    /** The LINE user whose conversation this is (V70): their next message joins it while it is open. */
    @Column(name = "line_identity_id")
    private Long lineIdentityId;

    /** The storefront's own conversation and customer ids for a chat (V107); handed back with each reply. */
    @Column(name = "chat_conversation_id")
    private String chatConversationId;

    @Column(name = "chat_customer_id")
    private String chatCustomerId;

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

    /** A new inquiry with the customer's first message (or, for a phone call, the operator's summary). */
    static Inquiry open(InquiryOpening o) {
        Inquiry inquiry = new Inquiry();
        inquiry.reference = o.reference();
        inquiry.channel = o.channel();
        inquiry.category = o.category() == null ? Category.OTHER : o.category();
        inquiry.priority = o.priority() == null ? Priority.NORMAL : o.priority();
        inquiry.workflow = InquiryWorkflow.starting();
        inquiry.customerId = o.customer().value();
        inquiry.storefrontId = o.storefront() == null ? null : o.storefront().value();
        inquiry.orderId = o.order() == null ? null : o.order().value();
        inquiry.followUpOf = o.followUpOf() == null ? null : o.followUpOf().value();
        inquiry.subject = InquiryText.line("subject", o.subject(), InquiryText.MAX_SUBJECT, true);
        inquiry.sla = SlaClock.starting(o.due());
        inquiry.createdAt = o.at();
        inquiry.updatedAt = o.at();
        inquiry.messages.add(InquiryMessage.inbound(
                InquiryText.body("body", o.firstMessage()), o.authorName(), o.channel(), o.at()));
        inquiry.record(InquiryTrailEntry.Type.CREATED, o.openedBy(), "via " + o.channel(), o.at());
        return inquiry;
    }

    /** A new LINE inquiry: the conversation of LINE user {@code identity}. */
    void conversationOf(long identity) {
        if (channel != Channel.LINE) {
            throw new IllegalStateException("Only a LINE inquiry is a LINE user's conversation");
        }
        lineIdentityId = identity;
    }

    /** The storefront names its chat (null: it named nothing); a follow-up keeps its original's. */
    void chatIn(ChatThread thread) {
        if (thread == null) {
            return;
        }
        if (channel != Channel.CHAT) {
            throw new IllegalStateException("Only a CHAT inquiry has a storefront's chat");
        }
        chatConversationId = thread.conversationId();
        chatCustomerId = thread.customerId();
    }

    ChatThread chatThread() {
        return ChatThread.of(chatConversationId, chatCustomerId);
    }

    /**
     * The conversation's LINE user proved order {@code orderNumber} through the portal: the
     * inquiry is that customer's about that order now (allowed in every status: it is a fact
     * about who wrote, not work on the inquiry).
     */
    void linkedTo(CustomerId customer, OrderId order, String orderNumber, String by, Instant at) {
        customerId = customer.value();
        orderId = order.value();
        updatedAt = at;
        record(InquiryTrailEntry.Type.LINKED, by, orderNumber, at);
    }

    Long lineIdentityId() {
        return lineIdentityId;
    }

    /** An operator starts working on a new inquiry. */
    void open(String by, Instant at) {
        workflow.require("open", reference, EnumSet.of(InquiryStatus.NEW));
        statusChanged(workflow.moveTo(InquiryStatus.OPEN), by, at);
    }

    /** Gives the inquiry to an operator (a supervisor assigning, or {@code by == to} when taking it). */
    void assign(long operatorId, String operatorName, String by, Instant at) {
        requireActive("assign");
        assignment().toOperator(operatorId, operatorName).ifPresent(to -> assigned(to, by, at));
    }

    /**
     * Where the assignment rules sent a new inquiry: into {@code team}'s queue and, when someone
     * there was available, to that operator ({@code operatorId} null: nobody yet).
     */
    void route(String team, Long operatorId, String operatorName, String by, Instant at) {
        requireActive("route");
        assigned(assignment().byRule(team, operatorId, operatorName), by, at);
    }

    /** A supervisor hands the inquiry to another team: it waits unassigned in that team's queue. */
    void reassignToTeam(String team, String by, Instant at) {
        requireActive("reassign");
        assignment().toTeam(team).ifPresent(to -> assigned(to, by, at));
    }

    private void assigned(String to, String by, Instant at) {
        updatedAt = at;
        record(InquiryTrailEntry.Type.ASSIGNED, by, to, at);
    }

    /** What the operator noted about the call: who rang, and whether and when to call back. */
    void recordCall(String caller, boolean callbackWanted, Instant callbackAt) {
        channelNotes().recordCall(caller, callbackWanted, callbackAt);
    }

    /** The callback promised on the phone was made (by {@code by}); written in the trail. */
    void callbackMade(String by, Instant at) {
        channelNotes().callbackMade(by, at);
        record(InquiryTrailEntry.Type.CALLED_BACK, by, null, at);
    }

    /** The on-site visit: where, the agreed slot, who goes. */
    void scheduleVisit(String address, Instant slotStart, Instant slotEnd, String staff) {
        channelNotes().scheduleVisit(address, slotStart, slotEnd, staff);
    }

    /** An operator answers the customer; the first answer stops the first-response clock. */
    InquiryMessage recordReply(String operator, String body, Instant at) {
        requireActive("reply to");
        InquiryMessage reply = InquiryMessage.outbound(operator, InquiryText.body("body", body), channel, at);
        messages.add(reply);
        sla.responded(at);
        updatedAt = at;
        record(InquiryTrailEntry.Type.REPLIED, operator, null, at);
        if (status() == InquiryStatus.NEW) {
            statusChanged(workflow.moveTo(InquiryStatus.OPEN), operator, at);
        }
        return reply;
    }

    /**
     * The desk answered by itself ({@code actor}: the part that did, such as the LINE first reply).
     * The customer has an answer, but no person has read the inquiry yet: the first-response clock
     * runs on and the status stays, so the queue and the SLA still ask an operator for the answer.
     */
    InquiryMessage recordAutomaticReply(String actor, String body, Instant at) {
        requireActive("reply to");
        InquiryMessage reply = InquiryMessage.outbound(actor, InquiryText.body("body", body), channel, at);
        messages.add(reply);
        updatedAt = at;
        record(InquiryTrailEntry.Type.REPLIED, actor, null, at);
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
        workflow.require("wait on the customer for", reference, EnumSet.of(InquiryStatus.OPEN));
        sla.pause(at);
        statusChanged(workflow.moveTo(InquiryStatus.WAITING_ON_CUSTOMER), by, at);
    }

    /** Resolving straight from a wait ends the pause: the wait is not the desk's time either. */
    void resolve(String by, Instant at, SlaPolicy policy) {
        requireActive("resolve");
        endPause(at, policy);
        statusChanged(workflow.resolve(at), by, at);
    }

    /** Final. A customer writing again afterwards starts a follow-up inquiry. */
    void close(String by, Instant at) {
        workflow.require("close", reference, EnumSet.of(InquiryStatus.RESOLVED));
        statusChanged(workflow.close(at), by, at);
    }

    /**
     * The customer wrote again. A resolved inquiry, or one waiting on the customer, goes back to
     * OPEN; a closed one refuses (the caller opens a follow-up instead). The wait paused the
     * resolution clock: its due time moves on by the business time the customer took.
     *
     * @return true when the reply reopened the inquiry
     */
    boolean reopenByCustomerReply(String body, String authorName, Instant at, SlaPolicy policy) {
        workflow.require(
                "add a customer message to", reference, EnumSet.complementOf(EnumSet.of(InquiryStatus.CLOSED)));
        messages.add(InquiryMessage.inbound(InquiryText.body("body", body), authorName, channel, at));
        updatedAt = at;
        record(InquiryTrailEntry.Type.CUSTOMER_REPLIED, CUSTOMER, null, at);
        endPause(at, policy);
        Optional<String> reopened = workflow.reopenByCustomer();
        reopened.ifPresent(transition -> statusChanged(transition, CUSTOMER, at));
        return reopened.isPresent();
    }

    /** Early warning (an angry customer, a possible legal issue): the console shows it first. */
    void flag(String reason, String by, Instant at) {
        String checked = flag.raise(reason);
        updatedAt = at;
        record(InquiryTrailEntry.Type.FLAGGED, by, checked, at);
    }

    /** The desk's own early warning (words of complaint, a repeat contact, a low score). */
    void warn(EarlyWarning.Warning warning, String by, Instant at) {
        flag.raise(warning);
        updatedAt = at;
        record(InquiryTrailEntry.Type.FLAGGED, by, warning.trailDetail(), at);
    }

    /**
     * An operator judged the inquiry more (or less) pressing: the due times are worked out again
     * for the new priority from when the inquiry came in, so an escalation can make it overdue at
     * once; the resolution due time keeps the pauses so far. A first response already given stays
     * given.
     */
    void changePriority(Priority to, SlaPolicy policy, String by, Instant at) {
        requireActive("change the priority of");
        if (to == priority) {
            return;
        }
        record(InquiryTrailEntry.Type.PRIORITY_CHANGED, by, priority + " → " + to, at);
        priority = to;
        sla.reprioritise(policy.due(channel, to, createdAt), policy);
        updatedAt = at;
    }

    void unflag(String by, Instant at) {
        if (flag.lower()) {
            updatedAt = at;
            record(InquiryTrailEntry.Type.UNFLAGGED, by, null, at);
        }
    }

    /** A wait on the customer ends: its business time moves the resolution due time on. */
    private void endPause(Instant at, SlaPolicy policy) {
        sla.endPause(status() == InquiryStatus.WAITING_ON_CUSTOMER, at, policy);
    }

    private void requireActive(String action) {
        workflow.requireActive(action, reference);
    }

    private void statusChanged(String transition, String by, Instant at) {
        updatedAt = at;
        record(InquiryTrailEntry.Type.STATUS_CHANGED, by, transition, at);
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
        return workflow.status();
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
        return assignment().operatorId();
    }

    String team() {
        return assignment().team();
    }

    /** Hibernate leaves an embedded part null when all its columns are. */
    private Assignment assignment() {
        if (assignment == null) {
            assignment = new Assignment();
        }
        return assignment;
    }

    /** The channel details (phone call, visit) in one value. */
    ChannelDetails channelDetails() {
        return channelNotes().details();
    }

    private ChannelNotes channelNotes() {
        if (channelNotes == null) {
            channelNotes = new ChannelNotes();
        }
        return channelNotes;
    }

    SlaClock sla() {
        return sla;
    }

    Instant resolvedAt() {
        return workflow.resolvedAt();
    }

    Instant closedAt() {
        return workflow.closedAt();
    }

    boolean flagged() {
        return flag.raised();
    }

    String flagReason() {
        return flag.reason();
    }

    String flagCode() {
        return flag.code();
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
