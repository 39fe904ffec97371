package com.aftercare.domain.claim;

/** What a customer can ask for after the sale. */
public enum RequestType {
    /** 返品: send it back for a refund or store credit. */
    RETURN,
    /** 交換: another variant (size, colour) of the same product. */
    EXCHANGE,
    /** 返金保証: a full refund under the product's advertised guarantee terms. */
    REFUND_GUARANTEE,
    /** 製品保証・修理: free within the warranty, a quoted paid repair after it. */
    WARRANTY_REPAIR,
    /** リサイクル回収: pick-up of an old appliance with a new purchase. */
    RECYCLE_PICKUP
}
