package com.aftercare.inquiry;

import com.aftercare.domain.inquiry.InquiryEvents.InquiryResolved;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.InvalidValue;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The operators' side of the desk: replying, noting, assigning and moving an inquiry through its
 * workflow. Each step names the acting operator, who must be an enabled account; the inquiry's own
 * trail records it. Runs in the caller's transaction ({@link Inquiries} opens it).
 */
@Component
class InquiryWork {

    private final InquiryStore store;
    private final InquiryRouting routing;
    private final Operators operators;
    private final Teams teams;
    private final SlaPolicy sla;
    private final ReplyMailer replyMailer;
    private final LineReplies lineReplies;
    private final ChatReplies chatReplies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InquiryWork(
            InquiryStore store,
            InquiryRouting routing,
            Operators operators,
            Teams teams,
            SlaPolicy sla,
            ReplyMailer replyMailer,
            LineReplies lineReplies,
            ChatReplies chatReplies,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.routing = routing;
        this.operators = operators;
        this.teams = teams;
        this.sla = sla;
        this.replyMailer = replyMailer;
        this.lineReplies = lineReplies;
        this.chatReplies = chatReplies;
        this.events = events;
        this.clock = clock;
    }

    long reply(Inquiries.Reply command) {
        String operator = acting(command.operator());
        return replyAs(store.lock(null, command.reference()), operator, command.body(), command.mailInstead());
    }

    /**
     * A reply by an operator already checked, to an inquiry already locked (a macro's too, which
     * never confirms a mail instead of a storefront's chat).
     */
    long replyAs(Inquiry inquiry, String operator, String body, boolean mailInstead) {
        ChatReplies.Route route = chatReplies.route(inquiry, mailInstead);
        Instant now = clock.instant();
        InquiryStatus before = inquiry.status();
        inquiry.recordReply(operator, body, now);
        InquiryMessage reply = store.flushAndLast(inquiry);
        if (route == ChatReplies.Route.STOREFRONT_CHAT) {
            chatReplies.send(inquiry, reply, now);
        } else {
            replyMailer.queue(inquiry, reply, now);
        }
        statusChanged(inquiry, before, now);
        lineReplies.queue(inquiry, reply, now);
        return reply.id();
    }

    long addNote(Inquiries.AddNote command) {
        String operator = acting(command.operator());
        Inquiry inquiry = store.lock(null, command.reference());
        inquiry.addNote(operator, command.body(), clock.instant());
        return store.flushAndLast(inquiry).id();
    }

    void assign(Inquiries.Assign command) {
        String by = acting(command.operator());
        Operators.Account assignee = enabled("assignee", command.assignee());
        store.lock(null, command.reference()).assign(assignee.id(), assignee.username(), by, clock.instant());
    }

    void take(String reference, String operator) {
        Operators.Account me = enabled("operator", operator);
        store.lock(null, reference).assign(me.id(), me.username(), me.username(), clock.instant());
    }

    Optional<String> assignAutomatically(String reference, String by) {
        return routing.route(store.lock(null, reference), by, clock.instant());
    }

    void assignToTeam(String reference, String team, String operator) {
        String by = acting(operator);
        if (team == null || team.isBlank() || !teams.exists(team.strip())) {
            throw new InvalidValue("team", "is not a team");
        }
        store.lock(null, reference).reassignToTeam(team.strip(), by, clock.instant());
    }

    void startWork(String reference, String operator) {
        String by = acting(operator);
        Inquiry inquiry = store.lock(null, reference);
        inquiry.open(by, clock.instant());
        statusChanged(inquiry, InquiryStatus.NEW, clock.instant());
    }

    void waitOnCustomer(String reference, String operator) {
        String by = acting(operator);
        waitAs(store.lock(null, reference), by);
    }

    void waitAs(Inquiry inquiry, String by) {
        InquiryStatus before = inquiry.status();
        Instant now = clock.instant();
        inquiry.waitOnCustomer(by, now);
        statusChanged(inquiry, before, now);
    }

    void resolve(String reference, String operator) {
        String by = acting(operator);
        resolveAs(store.lock(null, reference), by);
    }

    /**
     * Resolves a locked inquiry ({@code by}: an operator, or an automation) and publishes {@link
     * InquiryResolved} with all its listeners need, so none reads the inquiry again.
     */
    void resolveAs(Inquiry inquiry, String by) {
        InquiryStatus before = inquiry.status();
        Instant now = clock.instant();
        inquiry.resolve(by, now, sla);
        events.publishEvent(new InquiryResolved(
                inquiry.id(), inquiry.reference(), inquiry.customer(), inquiry.storefront(), inquiry.order(), by, now));
        statusChanged(inquiry, before, now);
    }

    void close(String reference, String operator) {
        String by = acting(operator);
        closeAs(store.lock(null, reference), by);
    }

    void closeAs(Inquiry inquiry, String by) {
        Instant now = clock.instant();
        inquiry.close(by, now);
        statusChanged(inquiry, InquiryStatus.RESOLVED, now);
    }

    /** Tells the automations that the status moved (nothing when it did not). */
    private void statusChanged(Inquiry inquiry, InquiryStatus before, Instant at) {
        if (inquiry.status() != before) {
            events.publishEvent(
                    new InquiryStatusChanged(inquiry.id().value(), inquiry.reference(), before, inquiry.status(), at));
        }
    }

    void callbackMade(String reference, String operator) {
        String by = acting(operator);
        store.lock(null, reference).callbackMade(by, clock.instant());
    }

    void flag(String reference, String reason, String operator) {
        store.lock(null, reference).flag(reason, acting(operator), clock.instant());
    }

    void unflag(String reference, String operator) {
        store.lock(null, reference).unflag(acting(operator), clock.instant());
    }

    void changePriority(String reference, Priority priority, String operator) {
        if (priority == null) {
            throw new InvalidValue("priority", "must be one of " + Arrays.toString(Priority.values()));
        }
        store.lock(null, reference).changePriority(priority, sla, acting(operator), clock.instant());
    }

    /** The acting operator's username; a refusal names {@code operator}. */
    private String acting(String username) {
        return enabled("operator", username).username();
    }

    private Operators.Account enabled(String field, String username) {
        return Optional.ofNullable(username)
                .flatMap(operators::find)
                .filter(Operators.Account::enabled)
                .orElseThrow(() -> new InvalidValue(field, "is not an enabled operator"));
    }
}
