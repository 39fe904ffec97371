package com.aftercare.domain.ingest;

import com.aftercare.domain.consent.MarketingConsent;
import com.aftercare.domain.customer.Customer;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.ingest.IngestOutcome.Result;
import com.aftercare.domain.ingest.StorefrontEvent.ConsentChanged;
import com.aftercare.domain.ingest.StorefrontEvent.ConsentStatement;
import com.aftercare.domain.order.OrderEvents;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The customer side of the ingestion: recognising the customer an event describes, and what they
 * chose about promotional mail. A consent change for a customer not known yet (Shopify delivers
 * its topics in any order) waits under the storefront's customer id and is applied when an event
 * recognises that customer. Events of one storefront customer id are serialised with a lock, so
 * the waiting consent and the customer's arrival never miss each other.
 */
@Component
class CustomerIngestion {

    private final InboundEvents inbound;
    private final Customers customers;
    private final MarketingConsent consent;
    private final ApplicationEventPublisher events;

    CustomerIngestion(
            InboundEvents inbound, Customers customers, MarketingConsent consent, ApplicationEventPublisher events) {
        this.inbound = inbound;
        this.customers = customers;
        this.consent = consent;
        this.events = events;
    }

    IngestOutcome register(StorefrontId storefront, StorefrontEvent event, StorefrontEvent.Customer described) {
        Customer customer = recognise(storefront, event, described);
        events.publishEvent(new OrderEvents.CustomerRegistered(customer.id(), storefront, event.occurredAt()));
        return new IngestOutcome(event.id(), Result.APPLIED, null, null, false);
    }

    /** Details changed at the storefront: kept current, and nothing starts as it does for a registration. */
    IngestOutcome update(StorefrontId storefront, StorefrontEvent event, StorefrontEvent.Customer described) {
        recognise(storefront, event, described);
        return new IngestOutcome(event.id(), Result.APPLIED, null, null, false);
    }

    IngestOutcome consentChanged(StorefrontId storefront, StorefrontEvent event, ConsentChanged changed) {
        inbound.lock(storefront, customerKey(changed.customerRef()));
        Optional<CustomerId> customer = customers.withExternalId(storefront, changed.customerRef());
        if (customer.isEmpty() && changed.email() != null) {
            customer = customers.findByEmail(changed.email()).map(c -> c.id());
        }
        if (customer.isEmpty()) {
            return new IngestOutcome(event.id(), Result.PENDING_CUSTOMER, null, null, false);
        }
        decide(storefront, customer.get(), changed.statement(), event.id(), event.occurredAt());
        return new IngestOutcome(event.id(), Result.APPLIED, null, null, false);
    }

    /** The customer an event describes, created or kept current, with their consent and any waiting for them. */
    Customer recognise(StorefrontId storefront, StorefrontEvent event, StorefrontEvent.Customer described) {
        String ref = described.externalId();
        if (ref != null) {
            inbound.lock(storefront, customerKey(ref));
        }
        Customer customer = customers.recognise(described.email(), described.details(), storefront, ref);
        if (described.marketingConsent() != null) {
            decide(storefront, customer.id(), described.marketingConsent(), event.id(), event.occurredAt());
        }
        if (ref != null) {
            for (InboundEvents.Parked waiting : inbound.waitingForCustomer(storefront, ref)) {
                ConsentChanged changed = ParkedPayloads.read(waiting.detail(), ConsentChanged.class);
                decide(storefront, customer.id(), changed.statement(), waiting.eventId(), waiting.occurredAt());
                inbound.markDone(storefront, waiting.eventId(), Result.APPLIED);
            }
        }
        return customer;
    }

    /**
     * Records the decision with the time the customer made it. The same decision at the same time
     * (a storefront repeating the customer's consent in every update) is recorded once.
     */
    private void decide(
            StorefrontId storefront, CustomerId customer, ConsentStatement statement, String eventId, Instant at) {
        Instant decidedAt = statement.decidedAt() == null ? at : statement.decidedAt();
        boolean known = consent.latest(customer)
                .filter(d -> d.granted() == statement.granted() && d.at().equals(decidedAt))
                .isPresent();
        if (known) {
            return;
        }
        String source = "storefront:" + storefront.value() + " event:" + eventId;
        if (statement.granted()) {
            consent.grant(customer, decidedAt, source, statement.wording());
        } else {
            consent.withdraw(customer, decidedAt, source);
        }
    }

    private static String customerKey(String ref) {
        return "customer-ref:" + ref;
    }
}
