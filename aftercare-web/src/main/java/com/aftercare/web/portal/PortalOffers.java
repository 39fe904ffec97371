package com.aftercare.web.portal;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.order.OrderView;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.policy.GuaranteeTerms;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the order page offers per request type, from the facade's eligibility (the same rules that
 * decide when the customer submits). Returns and exchanges are shown for a change of mind; the
 * page says that the shop's faults (damaged, defective, wrong item) are always taken back.
 */
@Component
class PortalOffers {

    /** One request type for the order: possible or not, and why, line by line. */
    record Offer(RequestType type, ReturnReason reason, ClaimRequests.OrderEligibility eligibility) {

        public boolean possible() {
            return eligibility.possible();
        }
    }

    private final ClaimRequests claims;

    PortalOffers(ClaimRequests claims) {
        this.claims = claims;
    }

    List<Offer> of(OrderView order) {
        return Arrays.stream(RequestType.values())
                .map(type -> of(order, type, defaultReason(type)))
                .toList();
    }

    /**
     * A guarantee needing a survey is shown as possible when only the survey is missing: the form
     * asks it, and the facade checks it again on submit.
     */
    Offer of(OrderView order, RequestType type, ReturnReason reason) {
        return new Offer(type, reason, claims.eligibility(order.id(), type, reason, true));
    }

    /** Each line's guarantee terms (by line number), for lines sold with one. */
    Map<Integer, GuaranteeTerms> guaranteeTerms(OrderView order) {
        Map<Integer, GuaranteeTerms> terms = new LinkedHashMap<>();
        for (OrderView.Line line : order.lines()) {
            claims.guaranteeTerms(line.sku(), line.category()).ifPresent(t -> terms.put(line.lineNo(), t));
        }
        return terms;
    }

    /** The reason a request type stands for when the customer does not choose one. */
    static ReturnReason defaultReason(RequestType type) {
        switch (type) {
            case RETURN:
            case EXCHANGE:
                return ReturnReason.SIZE;
            case REFUND_GUARANTEE:
                return ReturnReason.NOT_AS_EXPECTED;
            case WARRANTY_REPAIR:
                return ReturnReason.DEFECTIVE;
            default:
                return ReturnReason.OTHER;
        }
    }

    /** Only returns and exchanges ask the customer why. */
    static boolean asksReason(RequestType type) {
        return type == RequestType.RETURN || type == RequestType.EXCHANGE;
    }
}
