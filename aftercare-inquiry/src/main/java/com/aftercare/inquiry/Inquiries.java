package com.aftercare.inquiry;

import com.aftercare.domain.customer.Customer;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.customer.PersonalDetails;
import com.aftercare.domain.inquiry.InquiryEvents.CustomerReplied;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryOpened;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryResolved;
import com.aftercare.domain.inquiry.InquiryId;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.request.IdempotencyKeyReused;
import com.aftercare.domain.request.IdempotentRequests;
import com.aftercare.domain.request.RequestKey;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Text;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 */
@Service
public class Inquiries {

    /** The longest message body (reply, note, customer message) the desk takes. */
    public static final int MAX_BODY = InquiryText.MAX_BODY;

    private final InquiryRepository inquiries;
    private final Customers customers;
    private final Orders orders;
    private final Operators operators;
    private final SlaPolicy sla;
    private final AssignmentRule assignmentRule;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ShopProperties shop;
    private final Clock clock;
    private final ReplyMailer replyMailer;
    private final Teams teams;
    private final IdempotentRequests requests;

    Inquiries(
            InquiryRepository inquiries,
            Customers customers,
            Orders orders,
            Operators operators,
            SlaPolicy sla,
            AssignmentRule assignmentRule,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            ShopProperties shop,
            Clock clock,
            ReplyMailer replyMailer,
            Teams teams,
            IdempotentRequests requests) {
        this.inquiries = inquiries;
        this.customers = customers;
        this.orders = orders;
        this.operators = operators;
        this.sla = sla;
        this.assignmentRule = assignmentRule;
        this.jdbc = jdbc;
        this.events = events;
        this.shop = shop;
        this.clock = clock;
        this.replyMailer = replyMailer;
        this.teams = teams;
        this.requests = requests;
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
            String openedBy) {}

    /** The customer wrote again about inquiry {@code reference}, through {@code storefront} (null: the console). */
    public record AddCustomerMessage(StorefrontId storefront, String reference, String body, String authorName) {}

    /** Operator actions; {@code operator} is the acting operator's username. */
    public record Reply(String reference, String operator, String body) {}

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

    /** What the caller needs after opening an inquiry. */
    /** The inquiry opened; {@code existing} when a retry with the same idempotency key found the first try's. */
    public record Opened(InquiryId id, String reference, InquiryStatus status, boolean existing) {}

    /**
     * Where a customer message went: normally {@code reference} is the inquiry written to; when
     * that inquiry was CLOSED, a follow-up was opened and {@code reference} is the new one, with
     * {@code followUpOf} naming the closed one.
     */
    public record MessageAdded(long messageId, String reference, InquiryStatus status, String followUpOf) {}

    public record MessageView(
            long id, String direction, String author, String authorName, String body, Channel channel, Instant at) {}

    public record TrailView(String type, String actor, String detail, Instant at) {}

    public record InquiryView(
            InquiryId id,
            String reference,
            InquiryStatus status,
            Channel channel,
            Category category,
            Priority priority,
            String subject,
            CustomerId customer,
            StorefrontId storefront,
            OrderId order,
            String followUpOfReference,
            Long assigneeOperatorId,
            Instant firstResponseDueAt,
            Instant resolutionDueAt,
            Instant firstRespondedAt,
            Instant resolvedAt,
            Instant closedAt,
            boolean flagged,
            String flagReason,
            Instant createdAt,
            Instant updatedAt,
            List<MessageView> messages,
            List<TrailView> trail,
            String team,
            ChannelDetails details) {

        static InquiryView of(Inquiry i, String followUpOfReference) {
            return new InquiryView(
                    i.id(),
                    i.reference(),
                    i.status(),
                    i.channel(),
                    i.category(),
                    i.priority(),
                    i.subject(),
                    i.customer(),
                    i.storefront(),
                    i.order(),
                    followUpOfReference,
                    i.assigneeOperatorId(),
                    i.firstResponseDueAt(),
                    i.resolutionDueAt(),
                    i.firstRespondedAt(),
                    i.resolvedAt(),
                    i.closedAt(),
                    i.flagged(),
                    i.flagReason(),
                    i.createdAt(),
                    i.updatedAt(),
                    i.messages().stream()
                            .map(m -> new MessageView(
                                    m.id(),
                                    m.direction().name(),
                                    m.author(),
                                    m.authorName(),
                                    m.body(),
                                    m.channel(),
                                    m.createdAt()))
                            .toList(),
                    i.trail().stream()
                            .map(t -> new TrailView(t.type().name(), t.actor(), t.detail(), t.occurredAt()))
                            .toList(),
                    i.team(),
                    i.channelDetails());
        }
    }

    /**
     * What a phone call or a visit adds (all null / false for other channels).
     *
     * @param callbackAt when the customer wants to be called back, within the shop's phone hours
     */
    public record ChannelDetails(
            String phoneCaller,
            boolean callbackWanted,
            Instant callbackAt,
            String visitAddress,
            Instant visitSlotStart,
            Instant visitSlotEnd,
            String visitStaff) {}

    /**
     * Opens an inquiry: recognises (or creates) the customer by email, links the order when one
     * is named, computes the SLA due times and publishes {@link InquiryOpened}. Every input is
     * checked before anything is written; a refusal writes nothing.
     */
    @Transactional
    public Opened open(OpenInquiry command) {
        if (command.channel() == null) {
            throw new InvalidValue("channel", "must not be null");
        }
        EmailAddress email = email(command.customerEmail());
        PersonalDetails details = new PersonalDetails(command.customerName(), null, command.customerPhone());
        // Checked up front so that a bad subject or body never creates or updates a customer.
        InquiryText.line("subject", command.subject(), InquiryText.MAX_SUBJECT, true);
        InquiryText.body("body", command.body());
        OrderId order = findOrder(command.storefront(), command.orderNumber());
        // A contact form is typed by anyone who knows the email: it may complete, never rewrite, a customer.
        Customer customer = customers.recogniseFromUntrustedSource(email, details, command.storefront());
        Inquiry inquiry = openFor(
                command.channel(),
                command.category(),
                command.priority(),
                customer.id(),
                command.storefront(),
                order,
                null,
                command.subject(),
                command.body(),
                null,
                command.openedBy() == null ? Inquiry.CUSTOMER : command.openedBy(),
                null);
        return new Opened(inquiry.id(), inquiry.reference(), inquiry.status(), false);
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
        if (key == null) {
            return open(command);
        }
        Optional<String> earlier = requests.earlier(key);
        if (earlier.isPresent()) {
            Inquiry inquiry = load(key.storefront(), earlier.get());
            return new Opened(inquiry.id(), inquiry.reference(), inquiry.status(), true);
        }
        Opened opened = open(command);
        requests.remember(key, opened.reference());
        return opened;
    }

    /**
     * The customer wrote again. Reopens a RESOLVED or WAITING_ON_CUSTOMER inquiry; a CLOSED one
     * stays closed and the message opens a follow-up inquiry (same customer, storefront, order,
     * channel and category) that points back to it.
     */
    @Transactional
    public MessageAdded addCustomerMessage(AddCustomerMessage command) {
        Inquiry inquiry = load(command.storefront(), command.reference());
        return addCustomerMessageTo(inquiry, command.body(), command.authorName(), null);
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
        if (key == null) {
            return addCustomerMessage(command);
        }
        Optional<String> earlier = requests.earlier(key);
        if (earlier.isPresent()) {
            return messageAdded(Long.parseLong(earlier.get()));
        }
        MessageAdded added = addCustomerMessage(command);
        requests.remember(key, Long.toString(added.messageId()));
        return added;
    }

    private MessageAdded messageAdded(long messageId) {
        return jdbc.sql("""
                        select m.id, i.reference, i.status, f.reference as follow_up_of
                          from inquiry_message m join inquiry i on i.id = m.inquiry_id
                          left join inquiry f on f.id = i.follow_up_of
                         where m.id = :id
                        """)
                .param("id", messageId)
                .query((rs, i) -> new MessageAdded(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        InquiryStatus.valueOf(rs.getString("status")),
                        rs.getString("follow_up_of")))
                .single();
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
        EmailAddress from = email(mail.fromAddress());
        if (mail.messageId() != null) {
            Optional<String> holder = jdbc.sql("""
                            select i.reference from inquiry_message m join inquiry i on i.id = m.inquiry_id
                             where m.message_id = :id
                            """)
                    .param("id", mail.messageId())
                    .query(String.class)
                    .optional();
            if (holder.isPresent()) {
                return new MailTaken(holder.get(), false, true, 0);
            }
        }
        MailIds ids = new MailIds(mail.messageId(), mail.inReplyTo());
        Optional<String> thread = threadOf(mail).or(() -> referenceInSubjectOf(mail.subject(), from));
        if (thread.isPresent()) {
            Inquiry inquiry = load(null, thread.get());
            MessageAdded added = addCustomerMessageTo(inquiry, mail.body(), mail.fromName(), ids);
            storeAttachments(added.messageId(), mail.attachments());
            return new MailTaken(added.reference(), added.followUpOf() != null, false, added.messageId());
        }
        InquiryText.line("subject", mail.subject(), InquiryText.MAX_SUBJECT, true);
        InquiryText.body("body", mail.body());
        Customer customer = customers.recogniseFromUntrustedSource(
                from, new PersonalDetails(nameOf(mail.fromName(), from), null, null), mail.storefront());
        Inquiry inquiry = openFor(
                Channel.EMAIL,
                null,
                null,
                customer.id(),
                mail.storefront(),
                null,
                null,
                mail.subject(),
                mail.body(),
                mail.fromName(),
                Inquiry.CUSTOMER,
                ids);
        long messageId = inquiry.messages().get(0).id();
        storeAttachments(messageId, mail.attachments());
        return new MailTaken(inquiry.reference(), true, false, messageId);
    }

    /** The one path for a customer writing again, by form, API or mail. */
    private static final String EARLY_WARNING = "early-warning";

    /** Flags a new inquiry whose words or timing say the customer is unhappy. */
    private void warnEarly(Inquiry inquiry, String body, Instant now) {
        Optional<String> reason = EarlyWarning.complaintIn(body);
        if (reason.isEmpty() && inquiry.order() != null) {
            reason = inquiries
                    .findFirstByOrderIdAndIdNotAndCreatedAtAfterOrderByCreatedAtDesc(
                            inquiry.order().value(), inquiry.id().value(), now.minus(EarlyWarning.REPEAT_CONTACT))
                    .map(earlier -> EarlyWarning.repeatContactReason(earlier.reference()));
        }
        reason.ifPresent(r -> inquiry.flag(r, EARLY_WARNING, now));
    }

    private MessageAdded addCustomerMessageTo(Inquiry inquiry, String body, String authorName, MailIds mail) {
        Instant now = clock.instant();
        if (inquiry.status() == InquiryStatus.CLOSED) {
            Inquiry followUp = openFor(
                    inquiry.channel(),
                    inquiry.category(),
                    inquiry.priority(),
                    inquiry.customer(),
                    inquiry.storefront(),
                    inquiry.order(),
                    inquiry.id(),
                    inquiry.subject(),
                    body,
                    authorName,
                    Inquiry.CUSTOMER,
                    mail);
            return new MessageAdded(
                    followUp.messages().get(0).id(), followUp.reference(), followUp.status(), inquiry.reference());
        }
        boolean reopened = inquiry.reopenByCustomerReply(body, authorName, now, sla);
        if (!inquiry.flagged()) {
            EarlyWarning.complaintIn(body).ifPresent(reason -> inquiry.flag(reason, EARLY_WARNING, now));
        }
        if (mail != null) {
            lastMessage(inquiry).arrivedAsMail(mail.messageId(), mail.inReplyTo());
        }
        events.publishEvent(new CustomerReplied(inquiry.id(), inquiry.reference(), inquiry.customer(), reopened, now));
        // Flush so the new message has its id for the answer (the transaction is still open).
        InquiryMessage added = flushAndLast(inquiry);
        return new MessageAdded(added.id(), inquiry.reference(), inquiry.status(), null);
    }

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
        String operator = activeOperator("operator", command.operator()).username();
        Inquiry inquiry = load(null, command.reference());
        Instant now = clock.instant();
        inquiry.recordReply(operator, command.body(), now);
        InquiryMessage reply = flushAndLast(inquiry);
        replyMailer.queue(inquiry, reply, now);
        return reply.id();
    }

    @Transactional
    public long addNote(AddNote command) {
        String operator = activeOperator("operator", command.operator()).username();
        Inquiry inquiry = load(null, command.reference());
        inquiry.addNote(operator, command.body(), clock.instant());
        return flushAndLast(inquiry).id();
    }

    /** A supervisor gives the inquiry to {@code assignee}; both must be enabled operators. */
    @Transactional
    public void assign(Assign command) {
        String by = activeOperator("operator", command.operator()).username();
        Operators.Account assignee = activeOperator("assignee", command.assignee());
        load(null, command.reference()).assign(assignee.id(), assignee.username(), by, clock.instant());
    }

    /** The operator takes the inquiry for themselves. */
    @Transactional
    public void take(String reference, String operator) {
        Operators.Account me = activeOperator("operator", operator);
        load(null, reference).assign(me.id(), me.username(), me.username(), clock.instant());
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
        return route(load(null, reference), by, clock.instant());
    }

    /** A supervisor hands the inquiry to a team: it leaves its assignee and waits in the team's queue. */
    @Transactional
    public void assignToTeam(String reference, String team, String operator) {
        String by = activeOperator("operator", operator).username();
        if (team == null || team.isBlank() || !teams.exists(team.strip())) {
            throw new InvalidValue("team", "is not a team");
        }
        load(null, reference).reassignToTeam(team.strip(), by, clock.instant());
    }

    private static final String AUTO_ASSIGN = "auto-assign";

    private Optional<String> route(Inquiry inquiry, String by, Instant now) {
        Optional<AssignmentRule.Choice> choice = assignmentRule.choose(view(inquiry));
        choice.ifPresent(c -> inquiry.route(
                c.team(),
                c.operator() == null ? null : c.operator().id(),
                c.operator() == null ? null : c.operator().username(),
                by,
                now));
        return choice.map(AssignmentRule.Choice::operator).map(Operators.Account::username);
    }

    @Transactional
    public void startWork(String reference, String operator) {
        load(null, reference).open(activeOperator("operator", operator).username(), clock.instant());
    }

    @Transactional
    public void waitOnCustomer(String reference, String operator) {
        load(null, reference)
                .waitOnCustomer(activeOperator("operator", operator).username(), clock.instant());
    }

    @Transactional
    public void resolve(String reference, String operator) {
        String by = activeOperator("operator", operator).username();
        Inquiry inquiry = load(null, reference);
        Instant now = clock.instant();
        inquiry.resolve(by, now, sla);
        events.publishEvent(new InquiryResolved(
                inquiry.id(), inquiry.reference(), inquiry.customer(), inquiry.storefront(), inquiry.order(), by, now));
    }

    @Transactional
    public void close(String reference, String operator) {
        load(null, reference).close(activeOperator("operator", operator).username(), clock.instant());
    }

    /**
     * Flags the inquiry for attention (shown first in the queue), with the reason operators read.
     *
     * @throws InvalidValue naming {@code flagReason} when the reason is empty or longer than 500 characters
     */
    @Transactional
    public void flag(String reference, String reason, String operator) {
        load(null, reference).flag(reason, activeOperator("operator", operator).username(), clock.instant());
    }

    /** Takes the flag off (nothing happens when there is none). */
    @Transactional
    public void unflag(String reference, String operator) {
        load(null, reference).unflag(activeOperator("operator", operator).username(), clock.instant());
    }

    /**
     * A new priority for an open inquiry; its due times follow (see {@code Inquiry.changePriority}).
     *
     * @throws InvalidValue naming {@code priority} when none is given
     * @throws InquiryWorkflowViolation for a resolved or closed inquiry
     */
    @Transactional
    public void changePriority(String reference, Priority priority, String operator) {
        if (priority == null) {
            throw new InvalidValue("priority", "must be one of " + Arrays.toString(Priority.values()));
        }
        load(null, reference)
                .changePriority(
                        priority, sla, activeOperator("operator", operator).username(), clock.instant());
    }

    // ---- reads -------------------------------------------------------------------------------

    /** For the console: any inquiry. */
    @Transactional(readOnly = true)
    public Optional<InquiryView> find(String reference) {
        return inquiries.findByReference(reference).map(this::view);
    }

    /** For the API: only inquiries that came through this storefront. */
    @Transactional(readOnly = true)
    public Optional<InquiryView> find(StorefrontId storefront, String reference) {
        return inquiries
                .findByReferenceAndStorefrontId(reference, storefront.value())
                .map(this::view);
    }

    private InquiryView view(Inquiry inquiry) {
        String followUpOf = inquiry.followUpOf() == null
                ? null
                : inquiries.referenceOf(inquiry.followUpOf().value()).orElse(null);
        return InquiryView.of(inquiry, followUpOf);
    }

    // ---- inside ------------------------------------------------------------------------------

    private Inquiry openFor(
            Channel channel,
            Category category,
            Priority priority,
            CustomerId customer,
            StorefrontId storefront,
            OrderId order,
            InquiryId followUpOf,
            String subject,
            String body,
            String authorName,
            String openedBy,
            MailIds mail) {
        Instant now = clock.instant();
        Priority effective = priority == null ? Priority.NORMAL : priority;
        Inquiry opened = Inquiry.open(new Inquiry.Opening(
                nextReference(now),
                channel,
                category,
                effective,
                customer,
                storefront,
                order,
                followUpOf,
                subject,
                body,
                authorName,
                openedBy,
                sla.due(channel, effective, now),
                now));
        if (mail != null) {
            lastMessage(opened).arrivedAsMail(mail.messageId(), mail.inReplyTo());
        }
        Inquiry inquiry = inquiries.save(opened);
        flushAndLast(inquiry);
        warnEarly(inquiry, body, now);
        route(inquiry, AUTO_ASSIGN, now);
        events.publishEvent(new InquiryOpened(
                inquiry.id(),
                inquiry.reference(),
                customer,
                storefront,
                order,
                channel.name(),
                inquiry.category().name(),
                followUpOf,
                now));
        return inquiry;
    }

    private String nextReference(Instant now) {
        long number = jdbc.sql("select nextval('inquiry_reference_seq')")
                .query(Long.class)
                .single();
        int year = ZonedDateTime.ofInstant(now, shop.zone()).getYear();
        return "INQ-%d-%06d".formatted(year, number);
    }

    private Inquiry load(StorefrontId storefront, String reference) {
        Optional<Inquiry> found = reference == null
                ? Optional.empty()
                : storefront == null
                        ? inquiries.lockByReference(reference)
                        : inquiries.lockByReferenceAndStorefrontId(reference, storefront.value());
        return found.orElseThrow(() -> NotFound.inquiry(reference));
    }

    private OrderId findOrder(StorefrontId storefront, String orderNumber) {
        if (orderNumber == null || orderNumber.isBlank()) {
            return null;
        }
        OrderNumber number;
        try {
            number = new OrderNumber(orderNumber.strip());
        } catch (InvalidValue e) {
            throw new InvalidValue("orderNumber", e.getMessage());
        }
        if (storefront == null) {
            throw new InvalidValue("orderNumber", "needs the storefront the order was placed at");
        }
        return orders.find(storefront, number)
                .map(OrderView::id)
                .orElseThrow(() -> new InvalidValue("orderNumber", "is not an order of this storefront"));
    }

    private Operators.Account activeOperator(String field, String username) {
        return Optional.ofNullable(username)
                .flatMap(operators::find)
                .filter(Operators.Account::enabled)
                .orElseThrow(() -> new InvalidValue(field, "is not an enabled operator"));
    }

    private static EmailAddress email(String value) {
        try {
            return new EmailAddress(value);
        } catch (InvalidValue e) {
            throw e.within("customer");
        }
    }

    /** The Message-ID and In-Reply-To of a message that came in as mail. */
    private record MailIds(String messageId, String inReplyTo) {}

    private static final Pattern REFERENCE_IN_SUBJECT = Pattern.compile("\\[(INQ-[0-9]{4}-[0-9]{6,})\\]");

    /** The inquiry whose message or reply mail the mail answers (the most recent when several match). */
    private Optional<String> threadOf(InboundMail mail) {
        List<String> ids = new ArrayList<>(mail.references());
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        ids.removeIf(id -> id == null || id.isBlank());
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select i.reference from inquiry_message m join inquiry i on i.id = m.inquiry_id
                         where m.message_id in (:ids)
                            or m.outbound_mail_id in (select o.id from outbound_mail o where o.message_id in (:ids))
                         order by m.created_at desc, m.id desc
                         limit 1
                        """).param("ids", ids).query(String.class).optional();
    }

    /** {@code [INQ-…]} in the subject, if that inquiry exists and belongs to the sender. */
    private Optional<String> referenceInSubjectOf(String subject, EmailAddress from) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = REFERENCE_IN_SUBJECT.matcher(subject);
        while (m.find()) {
            String reference = m.group(1);
            boolean sendersOwn = jdbc.sql("""
                            select count(*) from inquiry i join customer c on c.id = i.customer_id
                             where i.reference = :reference and c.email_normalized = :email
                            """)
                            .param("reference", reference)
                            .param("email", from.normalized())
                            .query(Long.class)
                            .single()
                    > 0;
            if (sendersOwn) {
                return Optional.of(reference);
            }
        }
        return Optional.empty();
    }

    private void storeAttachments(long messageId, List<MailAttachment> attachments) {
        for (MailAttachment a : attachments) {
            jdbc.sql("""
                            insert into inquiry_attachment (message_id, filename, content_type, size_bytes, content)
                            values (:message, :filename, :type, :size, :content)
                            """)
                    .param("message", messageId)
                    .param("filename", a.filename())
                    .param("type", a.contentType())
                    .param("size", a.content().length)
                    .param("content", a.content())
                    .update();
        }
    }

    /** A customer needs a name: the mail's display name, else the local part of the address. */
    private static String nameOf(String displayName, EmailAddress from) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 200 || Text.hasControlCharacters(name, false)) {
            String address = from.value();
            name = address.substring(0, Math.max(1, address.indexOf('@')));
        }
        return name;
    }

    private static InquiryMessage lastMessage(Inquiry inquiry) {
        return inquiry.messages().get(inquiry.messages().size() - 1);
    }

    /** Writes now, so the ids of the new rows are known for the answer (the transaction stays open). */
    private InquiryMessage flushAndLast(Inquiry inquiry) {
        inquiries.saveAndFlush(inquiry);
        return inquiry.messages().get(inquiry.messages().size() - 1);
    }
}
