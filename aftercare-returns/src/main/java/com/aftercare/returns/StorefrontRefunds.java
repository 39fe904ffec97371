package com.aftercare.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.order.OrderEvents.OrderRefunded;
import com.aftercare.domain.order.OrderEvents.RefundedLine;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A refund made at the storefront (Shopify's refunds/create), noted on the claim it belongs to:
 * the open return or refund-guarantee claim of that order, or, when the order has several, the
 * one whose lines the refund was for. The claim's status does not move: the operator decides
 * the refund step as before, now seeing what the shop already paid back, and nothing goes back
 * out to the storefront as a refund to make (that would refund twice). No claim matches: the
 * refund stays on the order alone.
 */
@Component
class StorefrontRefunds {

    /** The actor of the note, in the claim's history. */
    static final String ACTOR = "storefront";

    private static final Logger log = LoggerFactory.getLogger(StorefrontRefunds.class);

    private final ClaimRepository claims;

    StorefrontRefunds(ClaimRepository claims) {
        this.claims = claims;
    }

    @ApplicationModuleListener
    void on(OrderRefunded refund) {
        List<Claim> waiting = claims.lockByOrder(refund.order().value()).stream()
                .filter(c -> c.type() == RequestType.RETURN || c.type() == RequestType.REFUND_GUARANTEE)
                .filter(c -> c.status().isOpen())
                .toList();
        List<Claim> matching = waiting.size() <= 1 ? waiting : forLines(waiting, refund.lines());
        if (matching.size() != 1) {
            log.info(
                    "Storefront refund {} of order {} noted on no claim: {} open claims could be it",
                    refund.refundRef(),
                    refund.orderNumber(),
                    matching.size());
            return;
        }
        Claim claim = matching.get(0);
        String note = "storefront refund " + refund.amount().formatted() + " (refund " + refund.refundRef() + ")";
        if (claim.progress().note(ACTOR, note, refund.refundedAt())) {
            claims.saveAndFlush(claim);
        }
    }

    /** The claims that hold a line of a product the refund was for. */
    private static List<Claim> forLines(List<Claim> claims, List<RefundedLine> lines) {
        Set<String> skus = lines.stream().map(RefundedLine::sku).collect(Collectors.toSet());
        return claims.stream()
                .filter(c -> c.lines().stream().anyMatch(l -> skus.contains(l.sku())))
                .toList();
    }
}
