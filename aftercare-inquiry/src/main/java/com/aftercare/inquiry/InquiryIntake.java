package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.customer.PersonalDetails;
import com.aftercare.domain.customer.PhoneNumber;
import com.aftercare.domain.inquiry.InquiryEvents.CustomerReplied;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryOpened;
import com.aftercare.domain.inquiry.InquiryId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.request.IdempotentRequests;
import com.aftercare.domain.request.RequestKey;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's side of the desk: a new inquiry (from a storefront, the console or a mail) and a
 * customer writing again. Every new inquiry, follow-ups included, goes through {@link #openFor}:
 * SLA due times, early warning, the assignment rules and {@link InquiryOpened}. Runs in the
 * caller's transaction ({@link Inquiries} opens it).
 */
@Component
class InquiryIntake {

    /** The Message-ID and In-Reply-To of a message that came in as mail. */
    record MailIds(String messageId, String inReplyTo) {}

    private static final String AUTO_ASSIGN = "auto-assign";
    private static final String EARLY_WARNING = "early-warning";

    private final InquiryStore store;
    private final InquiryRepository inquiries;
    private final InquiryRouting routing;
    private final Customers customers;
    private final Orders orders;
    private final SlaPolicy sla;
    private final IdempotentRequests requests;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ShopProperties shop;
    private final Clock clock;

    InquiryIntake(
            InquiryStore store,
            InquiryRepository inquiries,
            InquiryRouting routing,
            Customers customers,
            Orders orders,
            SlaPolicy sla,
            IdempotentRequests requests,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            ShopProperties shop,
            Clock clock) {
        this.store = store;
        this.inquiries = inquiries;
        this.routing = routing;
        this.customers = customers;
        this.orders = orders;
        this.sla = sla;
        this.requests = requests;
        this.jdbc = jdbc;
        this.events = events;
        this.shop = shop;
        this.clock = clock;
    }

    Inquiries.Opened open(Inquiries.OpenInquiry command) {
        return open(command, (CustomerId) null);
    }

    /**
     * @param knownCustomer the customer an operator started from (their page), taken when neither
     *     email nor phone is given, so a customer known only by LINE can call or be visited; null:
     *     one of them is required
     * @throws InvalidValue naming {@code customer} when that customer was erased or merged away
     */
    Inquiries.Opened open(Inquiries.OpenInquiry command, CustomerId knownCustomer) {
        if (command.channel() == null) {
            throw new InvalidValue("channel", "must not be null");
        }
        EmailAddress email = withoutEmailAllowed(command) ? null : customerEmail(command.customerEmail());
        PersonalDetails details = new PersonalDetails(command.customerName(), null, command.customerPhone());
        boolean noContact = email == null && PhoneNumber.normalized(details.phone()) == null;
        if (noContact && knownCustomer == null) {
            throw new InvalidValue("customer.email", "an email or a phone number is required");
        }
        if (email == null && command.storefront() == null) {
            throw new InvalidValue("storefront", "is required for a customer without an email");
        }
        // Checked up front so that a bad subject or body never creates or updates a customer.
        InquiryText.line("subject", command.subject(), InquiryText.MAX_SUBJECT, true);
        InquiryText.body("body", command.body());
        if (command.chat() != null && command.channel() != Channel.CHAT) {
            throw new InvalidValue("chat", "is only for a CHAT inquiry");
        }
        OrderId order = findOrder(command.storefront(), command.orderNumber());
        // A contact form is typed by anyone who knows the email: it may complete, never rewrite, a customer.
        CustomerId customer = noContact
                ? known(knownCustomer)
                : email == null
                        ? customers
                                .recogniseByPhone(details, command.storefront())
                                .id()
                        : customers
                                .recogniseFromUntrustedSource(email, details, command.storefront())
                                .id();
        Inquiry inquiry = openFor(
                command.channel(),
                command.category(),
                command.priority(),
                customer,
                command.storefront(),
                order,
                null,
                command.subject(),
                command.body(),
                null,
                command.openedBy() == null ? Inquiry.CUSTOMER : command.openedBy(),
                null);
        inquiry.chatIn(command.chat());
        return new Inquiries.Opened(inquiry.id(), inquiry.reference(), inquiry.status(), false);
    }

    /** A customer an operator chose (reached only by LINE, say), still current ({@link Customers#current}). */
    private CustomerId known(CustomerId id) {
        if (!customers.current(id)) {
            throw new InvalidValue("customer", "is not a known customer");
        }
        return id;
    }

    Inquiries.Opened open(Inquiries.OpenInquiry command, RequestKey key) {
        if (key == null) {
            return open(command);
        }
        Optional<String> earlier = requests.earlier(key);
        if (earlier.isPresent()) {
            Inquiry inquiry = store.lock(key.storefront(), earlier.get());
            return new Inquiries.Opened(inquiry.id(), inquiry.reference(), inquiry.status(), true);
        }
        Inquiries.Opened opened = open(command);
        requests.remember(key, opened.reference());
        return opened;
    }

    Inquiries.MessageAdded addCustomerMessage(Inquiries.AddCustomerMessage command) {
        Inquiry inquiry = store.lock(command.storefront(), command.reference());
        return addCustomerMessageTo(inquiry, command.body(), command.authorName(), null);
    }

    Inquiries.MessageAdded addCustomerMessage(Inquiries.AddCustomerMessage command, RequestKey key) {
        if (key == null) {
            return addCustomerMessage(command);
        }
        Optional<String> earlier = requests.earlier(key);
        if (earlier.isPresent()) {
            return messageAdded(Long.parseLong(earlier.get()));
        }
        Inquiries.MessageAdded added = addCustomerMessage(command);
        requests.remember(key, Long.toString(added.messageId()));
        return added;
    }

    private Inquiries.MessageAdded messageAdded(long messageId) {
        return jdbc.sql("""
                        select m.id, i.reference, i.status, f.reference as follow_up_of
                          from inquiry_message m join inquiry i on i.id = m.inquiry_id
                          left join inquiry f on f.id = i.follow_up_of
                         where m.id = :id
                        """)
                .param("id", messageId)
                .query((rs, i) -> new Inquiries.MessageAdded(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        InquiryStatus.valueOf(rs.getString("status")),
                        rs.getString("follow_up_of")))
                .single();
    }

    /** The one path for a customer writing again, by form, API or mail. */
    Inquiries.MessageAdded addCustomerMessageTo(Inquiry inquiry, String body, String authorName, MailIds mail) {
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
            followUp.chatIn(inquiry.chatThread());
            return new Inquiries.MessageAdded(
                    followUp.messages().get(0).id(), followUp.reference(), followUp.status(), inquiry.reference());
        }
        InquiryStatus before = inquiry.status();
        boolean reopened = inquiry.reopenByCustomerReply(body, authorName, now, sla);
        if (reopened) {
            events.publishEvent(
                    new InquiryStatusChanged(inquiry.id().value(), inquiry.reference(), before, inquiry.status(), now));
        }
        if (!inquiry.flagged()) {
            EarlyWarning.complaintIn(body).ifPresent(warning -> inquiry.warn(warning, EARLY_WARNING, now));
        }
        if (mail != null) {
            InquiryStore.lastMessage(inquiry).arrivedAsMail(mail.messageId(), mail.inReplyTo());
        }
        events.publishEvent(new CustomerReplied(inquiry.id(), inquiry.reference(), inquiry.customer(), reopened, now));
        // Flush so the new message has its id for the answer (the transaction is still open).
        InquiryMessage added = store.flushAndLast(inquiry);
        return new Inquiries.MessageAdded(added.id(), inquiry.reference(), inquiry.status(), null);
    }

    /** Every new inquiry: saved with its due times, warned about, routed, announced. */
    Inquiry openFor(
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
        Inquiry opened = Inquiry.open(new InquiryOpening(
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
            InquiryStore.lastMessage(opened).arrivedAsMail(mail.messageId(), mail.inReplyTo());
        }
        Inquiry inquiry = store.save(opened);
        store.flushAndLast(inquiry);
        warnEarly(inquiry, body, now);
        routing.route(inquiry, AUTO_ASSIGN, now);
        events.publishEvent(new InquiryOpened(
                inquiry.id(),
                inquiry.reference(),
                customer,
                storefront,
                order,
                channel.name(),
                inquiry.category().name(),
                followUpOf,
                now,
                inquiry.flagged()));
        return inquiry;
    }

    /** Flags a new inquiry whose words or timing say the customer is unhappy. */
    private void warnEarly(Inquiry inquiry, String body, Instant now) {
        Optional<EarlyWarning.Warning> reason = EarlyWarning.complaintIn(body);
        if (reason.isEmpty() && inquiry.order() != null) {
            reason = inquiries
                    .findFirstByOrderIdAndIdNotAndCreatedAtAfterOrderByCreatedAtDesc(
                            inquiry.order().value(), inquiry.id().value(), now.minus(EarlyWarning.REPEAT_CONTACT))
                    .map(earlier -> EarlyWarning.repeatContact(earlier.reference()));
        }
        reason.ifPresent(r -> inquiry.warn(r, EARLY_WARNING, now));
    }

    private String nextReference(Instant now) {
        long number = jdbc.sql("select nextval('inquiry_reference_seq')")
                .query(Long.class)
                .single();
        int year = ZonedDateTime.ofInstant(now, shop.zone()).getYear();
        return "INQ-%d-%06d".formatted(year, number);
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

    /** The customer's address, a refusal naming {@code customer.email}. */
    /**
     * A call or a visit taken down by an operator may name a customer by phone alone (#12 §2); every
     * other channel is answered in writing and needs the address.
     */
    private static boolean withoutEmailAllowed(Inquiries.OpenInquiry command) {
        return (command.channel() == Channel.PHONE || command.channel() == Channel.VISIT)
                && (command.customerEmail() == null || command.customerEmail().isBlank());
    }

    static EmailAddress customerEmail(String value) {
        try {
            return new EmailAddress(value);
        } catch (InvalidValue e) {
            throw e.within("customer");
        }
    }
}
