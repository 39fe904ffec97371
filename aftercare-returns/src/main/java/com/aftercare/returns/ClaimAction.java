package com.aftercare.returns;

import com.aftercare.domain.claim.RequestType;
import java.util.EnumSet;
import java.util.Set;

/**
 * The operator's next possible steps for a claim, so the console offers only buttons that work.
 * Mirrors the guards of the claim aggregate, which stay the authority.
 */
public enum ClaimAction {
    APPROVE,
    QUOTE,
    REJECT,
    AWAIT_ITEM,
    RECEIVE,
    INSPECT,
    REFUND,
    SHIP_EXCHANGE,
    MARK_REPAIRED,
    CLOSE;

    static Set<ClaimAction> allowedFor(RequestType type, ClaimStatus status, boolean free) {
        Set<ClaimAction> actions = EnumSet.noneOf(ClaimAction.class);
        if (type == RequestType.EXCHANGE
                && (status == ClaimStatus.APPROVED
                        || status == ClaimStatus.AWAITING_ITEM
                        || status == ClaimStatus.RECEIVED)) {
            // the replacement may leave before the item comes back (Claim.shipExchange)
            actions.add(SHIP_EXCHANGE);
        }
        switch (status) {
            case REQUESTED:
                boolean paidRepair = type == RequestType.WARRANTY_REPAIR && !free;
                actions.add(paidRepair ? QUOTE : APPROVE);
                actions.add(REJECT);
                break;
            case APPROVED:
                actions.add(AWAIT_ITEM);
                break;
            case AWAITING_ITEM:
                actions.add(RECEIVE);
                break;
            case RECEIVED:
                actions.add(type == RequestType.RECYCLE_PICKUP ? CLOSE : INSPECT);
                break;
            case INSPECTED:
                if (type == RequestType.RETURN || type == RequestType.REFUND_GUARANTEE) {
                    actions.add(REFUND);
                } else if (type == RequestType.EXCHANGE) {
                    actions.add(SHIP_EXCHANGE);
                } else if (type == RequestType.WARRANTY_REPAIR) {
                    actions.add(MARK_REPAIRED);
                } else {
                    actions.add(CLOSE);
                }
                actions.add(REJECT);
                break;
            case REJECTED:
            case QUOTE_DECLINED:
            case REFUNDED:
            case EXCHANGE_SHIPPED:
            case REPAIRED:
                actions.add(CLOSE);
                break;
            default:
                break;
        }
        return actions;
    }
}
