package com.aftercare.returns;

import com.aftercare.domain.claim.ClaimEvents.ClaimResolved;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * How every step on an existing claim runs, for the workflow and the refunds alike: under the
 * claim's row lock, then the customer's mail of the new status, and {@link ClaimResolved} once,
 * when the step decided the outcome. Runs in the caller's transaction.
 */
@Component
class ClaimSteps {

    private final ClaimRepository claims;
    private final Orders orders;
    private final Operators operators;
    private final ClaimMailer mailer;
    private final ApplicationEventPublisher events;
    private final ClaimAnnouncements announcements;

    ClaimSteps(
            ClaimRepository claims,
            Orders orders,
            Operators operators,
            ClaimMailer mailer,
            ApplicationEventPublisher events,
            ClaimAnnouncements announcements) {
        this.announcements = announcements;
        this.claims = claims;
        this.orders = orders;
        this.operators = operators;
        this.mailer = mailer;
        this.events = events;
    }

    /** Applies one step, mails the customer, and announces a decided outcome once. */
    void apply(String rma, Consumer<Claim> step) {
        Claim claim = locked(rma);
        boolean wasResolved = claim.progress().resolvedAt() != null;
        ClaimStatus before = claim.status();
        step.accept(claim);
        claims.saveAndFlush(claim);
        OrderView order = orders.find(claim.order()).orElseThrow(() -> new IllegalStateException("Order vanished"));
        mailer.mail(claim, order);
        announcements.moved(claim, order, before, claim.progress().updatedAt());
        if (!wasResolved && claim.progress().resolvedAt() != null) {
            events.publishEvent(new ClaimResolved(
                    claim.id(),
                    claim.rma(),
                    claim.type(),
                    claim.storefront(),
                    claim.order(),
                    claim.customer(),
                    claim.status().outcome(),
                    claim.progress().resolvedAt(),
                    ClaimAnnouncements.details(claim, order)));
        }
    }

    /** The claim, locked until the transaction ends: two people acting at once go one after the other. */
    Claim locked(String rma) {
        return (rma == null ? Optional.<Claim>empty() : claims.lockByRma(rma)).orElseThrow(() -> NotFound.claim(rma));
    }

    /** The acting operator's username, when it names an enabled operator. */
    String activeOperator(String username) {
        return Optional.ofNullable(username)
                .flatMap(operators::find)
                .filter(Operators.Account::enabled)
                .map(Operators.Account::username)
                .orElseThrow(() -> new InvalidValue("operator", "is not an enabled operator"));
    }
}
