package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerMerges;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.line.LineLinks;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A LINE user becomes a known customer: the operator sends them the portal's lookup link on LINE
 * ({@link LineLinks}), and once they find their order with it, their LINE identity, their
 * conversations and the latest one's order are that customer's, in one transaction, with a
 * {@code LINKED} entry on the conversation's timeline. Until then they stay a LINE-only customer.
 * The LINE-only record the account made (no email) is then merged into that customer, as an
 * operator's merge would ({@link CustomerMerges}, audited with the actor {@code customer}): the
 * calls, visits, notes and consents taken down for it join the one timeline. No guess is involved:
 * the person proved the order.
 */
@Service
public class LineCustomerLinks {

    /** Who the timeline names for a link the customer made themself. */
    static final String CUSTOMER = Inquiry.CUSTOMER;

    private final LineLinks links;
    private final Inquiries inquiries;
    private final InquiryStore store;
    private final CustomerMerges merges;
    private final Customers customers;
    private final JdbcClient jdbc;
    private final Clock clock;

    LineCustomerLinks(
            LineLinks links,
            Inquiries inquiries,
            InquiryStore store,
            CustomerMerges merges,
            Customers customers,
            JdbcClient jdbc,
            Clock clock) {
        this.links = links;
        this.inquiries = inquiries;
        this.store = store;
        this.merges = merges;
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param reference the conversation now the customer's, null when the LINE user has none yet */
    public record Linked(String reference) {}

    /** The order the customer found, as the portal's lookup found it. */
    public record FoundOrder(OrderId order, String number, CustomerId customer, StorefrontId storefront) {}

    /**
     * Sends the LINE user of conversation {@code reference} a new link to the portal's lookup, as
     * the operator's reply (so it goes out on LINE like any answer, and the conversation shows it).
     *
     * @param text the reply's words around the link (the console's, in the customer's language)
     * @throws InquiryWorkflowViolation when it is not a LINE conversation, or cannot be answered now
     */
    @Transactional
    public void offer(String reference, String by, Function<String, String> text) {
        Inquiry inquiry = store.lock(null, reference);
        if (inquiry.lineIdentityId() == null) {
            throw InquiryWorkflowViolation.cannot("send a LINE link for", reference, inquiry.status());
        }
        inquiries.reply(new Inquiries.Reply(reference, by, text.apply(links.issue(inquiry.lineIdentityId(), by))));
    }

    /**
     * Uses a LINE link after a successful lookup of {@code found}.
     *
     * @return empty when the token linked nothing (forged, changed, expired, used, another storefront's)
     */
    @Transactional
    public Optional<Linked> link(String token, FoundOrder found) {
        return links.redeem(token, found.storefront(), found.customer()).map(identity -> {
            // every conversation of theirs is the customer's now, so their timeline holds it all
            jdbc.sql("update inquiry set customer_id = :customer where line_identity_id = :identity")
                    .param("customer", found.customer().value())
                    .param("identity", identity.id())
                    .update();
            Optional<String> latest = jdbc.sql("""
                            select reference from inquiry where line_identity_id = :identity
                             order by created_at desc, id desc limit 1
                            """)
                    .param("identity", identity.id())
                    .query(String.class)
                    .optional();
            latest.ifPresent(reference -> store.lock(null, reference)
                    .linkedTo(found.customer(), found.order(), found.number(), CUSTOMER, clock.instant()));
            absorbLineOnlyRecord(identity.customer(), found.customer());
            return new Linked(latest.orElse(null));
        });
    }

    /**
     * Merges the record the LINE account was on, when the account made it (no email: a LINE-only
     * customer), into the customer who proved the order. A record with an email is a person in
     * its own right (an operator's earlier merge put the account there) and stays.
     */
    private void absorbLineOnlyRecord(CustomerId lineOnly, CustomerId customer) {
        boolean madeByTheAccount =
                customers.find(lineOnly).map(c -> !c.hasEmail()).orElse(false);
        if (madeByTheAccount
                && !merges.mergeableInto(customer, List.of(lineOnly)).isEmpty()) {
            merges.merge(customer, lineOnly, CUSTOMER);
        }
    }
}
