package com.aftercare.returns.logistics;

/** How a returned item travels, and so who pays the carrier. */
public enum ReturnMethod {
    /** 元払い: the customer sends it and pays. */
    SENDER_PAYS,
    /** 着払い: the customer hands it in, the shop pays on arrival. */
    RECEIVER_PAYS,
    /** 集荷: the carrier collects it at the customer's on a chosen day and time band; the shop pays. */
    PICKUP;

    /** Whether the shop's carrier account pays, so the parcel belongs in the carrier export. */
    public boolean shopPays() {
        return this != SENDER_PAYS;
    }
}
