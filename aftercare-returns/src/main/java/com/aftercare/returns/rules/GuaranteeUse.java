package com.aftercare.returns.rules;

/** A rule's condition on the customer's use of refund guarantees before this claim. */
public enum GuaranteeUse {
    ANY,
    /** The customer never had a refund-guarantee claim that was not refused. */
    NEVER,
    /** The customer had one before. */
    USED;

    boolean holds(boolean usedBefore) {
        return switch (this) {
            case ANY -> true;
            case NEVER -> !usedBefore;
            case USED -> usedBefore;
        };
    }
}
