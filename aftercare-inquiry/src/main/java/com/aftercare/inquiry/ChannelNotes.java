package com.aftercare.inquiry;

import com.aftercare.domain.shared.InvalidValue;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * What a phone call or a visit adds to an {@link Inquiry} (part of its row; empty for the other
 * channels): who rang and whether to call back, where to go, when, and who goes.
 */
@Embeddable
class ChannelNotes {

    @Column(name = "phone_caller")
    private String phoneCaller;

    @Column(name = "callback_wanted", nullable = false)
    private boolean callbackWanted;

    @Column(name = "callback_at")
    private Instant callbackAt;

    @Column(name = "callback_done_at")
    private Instant callbackDoneAt;

    @Column(name = "callback_done_by")
    private String callbackDoneBy;

    @Column(name = "visit_address")
    private String visitAddress;

    @Column(name = "visit_slot_start")
    private Instant visitSlotStart;

    @Column(name = "visit_slot_end")
    private Instant visitSlotEnd;

    @Column(name = "visit_staff")
    private String visitStaff;

    void recordCall(String caller, boolean callbackWanted, Instant callbackAt) {
        phoneCaller = caller;
        this.callbackWanted = callbackWanted;
        this.callbackAt = callbackWanted ? callbackAt : null;
    }

    /** The promised callback was made; only once, and only one that was promised. */
    void callbackMade(String by, Instant at) {
        if (!callbackWanted) {
            throw new InvalidValue("callback", "no callback was promised");
        }
        if (callbackDoneAt != null) {
            throw new InvalidValue("callback", "was already made");
        }
        callbackDoneAt = at;
        callbackDoneBy = by;
    }

    void scheduleVisit(String address, Instant slotStart, Instant slotEnd, String staff) {
        visitAddress = address;
        visitSlotStart = slotStart;
        visitSlotEnd = slotEnd;
        visitStaff = staff;
    }

    ChannelDetails details() {
        return new ChannelDetails(
                phoneCaller,
                callbackWanted,
                callbackAt,
                callbackDoneAt,
                callbackDoneBy,
                visitAddress,
                visitSlotStart,
                visitSlotEnd,
                visitStaff);
    }
}
