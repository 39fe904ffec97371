package com.aftercare.domain.claim;

/** Why an item goes back. The last three are the shop's fault, which changes who pays and when. */
public enum ReturnReason {
    SIZE,
    COLOR_DIFFERS,
    NOT_AS_EXPECTED,
    OTHER,
    DAMAGED_IN_TRANSIT,
    DEFECTIVE,
    WRONG_ITEM;

    /** Damaged, defective or wrong items: the shop pays, whatever the normal window says. */
    public boolean isShopsFault() {
        return this == DAMAGED_IN_TRANSIT || this == DEFECTIVE || this == WRONG_ITEM;
    }
}
