package com.aftercare.web.console.inquiries;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerNotes;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailDeliveries;
import com.aftercare.domain.mail.MailDelivery;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.inquiry.CustomerInquiries;
import com.aftercare.returns.ClaimSummary;
import com.aftercare.returns.Claims;
import com.aftercare.stepmail.scenario.Scenarios;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The customer beside the conversation (issue #14 §2): contact (masked unless the operator has
 * just revealed it, which {@link Customers#reveal} audits), orders, claims, mails sent and
 * scheduled, notes and satisfaction answers. Everything but the notes is bounded to the storefront
 * the inquiry came from, since one customer (one email) may buy at several; an inquiry without a
 * storefront shows the customer's own data from all of them. Seven queries whatever the history,
 * each with a limit: no query per order or per claim.
 */
@Component
class CustomerPanel {

    static final int ORDERS = 5;
    static final int CLAIMS = 5;
    static final int MAILS = 8;
    static final int NOTES = 5;
    static final int ANSWERS = 5;

    private final Customers customers;
    private final Orders orders;
    private final Claims claims;
    private final MailDeliveries mails;
    private final CustomerNotes notes;
    private final CustomerInquiries inquiries;
    private final Scenarios steps;

    CustomerPanel(
            Customers customers,
            Orders orders,
            Claims claims,
            MailDeliveries mails,
            CustomerNotes notes,
            CustomerInquiries inquiries,
            Scenarios steps) {
        this.customers = customers;
        this.orders = orders;
        this.claims = claims;
        this.mails = mails;
        this.notes = notes;
        this.inquiries = inquiries;
        this.steps = steps;
    }

    /** How the panel shows the contact: masked, or whole after an audited reveal. */
    record Contact(Long id, String name, String email, String phone, boolean revealed) {

        static final Contact UNKNOWN = new Contact(null, null, null, null, false);

        static Contact of(CustomerView view, boolean revealed) {
            return new Contact(
                    view.id().value(),
                    view.name(),
                    revealed ? view.emailText() : view.maskedEmail(),
                    revealed ? view.phone() : CustomerView.maskPhone(view.phone()),
                    revealed);
        }
    }

    /** What the panel shows; the lists are empty (never null) for a customer we do not know. */
    record View(
            Contact contact,
            List<Orders.CustomerOrder> orders,
            List<ClaimSummary> claims,
            List<MailDelivery> sentMails,
            List<MailDelivery> scheduledMails,
            List<CustomerNotes.Note> notes,
            List<CustomerInquiries.Satisfaction> satisfaction) {

        static final View EMPTY =
                new View(Contact.UNKNOWN, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * @param revealedBy the operator who asked to see the contact whole (audited), or null
     */
    View of(CustomerId customer, StorefrontId storefront, String revealedBy) {
        if (customer == null) {
            return View.EMPTY;
        }
        Optional<CustomerView> found =
                revealedBy == null ? customers.find(customer) : Optional.of(customers.reveal(customer, revealedBy));
        if (found.isEmpty()) {
            return View.EMPTY;
        }
        Long at = storefront == null ? null : storefront.value();
        List<MailDelivery> all = mails.forCustomerAt(customer.value(), at, MAILS);
        List<ClaimSummary> claimed = claims.forCustomerAt(customer, storefront);
        return new View(
                Contact.of(found.get(), revealedBy != null),
                orders.recentOf(customer, storefront, ORDERS),
                claimed.subList(0, Math.min(CLAIMS, claimed.size())),
                all.stream().filter(m -> !isScheduled(m)).toList(),
                scheduled(all, steps.scheduledFor(customer.value(), at, MAILS)),
                notes.of(customer, NOTES),
                inquiries.satisfactionOf(customer, storefront, ANSWERS));
    }

    /**
     * What is still to go: mails in the outbox waiting for their time (held by quiet hours, just
     * queued), then the step mails not due yet, which reach the outbox only when they are (so the
     * outbox alone showed none of the days-ahead mails); they have no subject until then.
     */
    private static List<MailDelivery> scheduled(List<MailDelivery> outbox, List<Scenarios.ScheduledMail> ahead) {
        return Stream.concat(
                        outbox.stream().filter(CustomerPanel::isScheduled),
                        ahead.stream()
                                .map(m -> new MailDelivery(
                                        m.id(),
                                        m.template(),
                                        m.kind(),
                                        null,
                                        null,
                                        "PENDING",
                                        0,
                                        null,
                                        m.dueAt(),
                                        null,
                                        null,
                                        null)))
                .limit(MAILS)
                .toList();
    }

    /** Waiting for its time in the outbox (a mail held by quiet hours, one just queued). */
    private static boolean isScheduled(MailDelivery mail) {
        return mail.sentAt() == null && "PENDING".equals(mail.status());
    }
}
