package com.aftercare.inquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An inquiry flagged for attention (part of its row): an early warning or an operator's call, with
 * the reason operators read. The queue shows flagged inquiries first.
 */
@Embeddable
class Flag {

    /** The longest reason. */
    static final int MAX_REASON = 500;

    @Column(name = "flagged", nullable = false)
    private boolean raised;

    @Column(name = "flag_reason")
    private String reason;

    /** Raises the flag (again) with the reason, checked: 1–500 characters on one line. */
    String raise(String reason) {
        this.reason = InquiryText.line("flagReason", reason, MAX_REASON, true);
        raised = true;
        return this.reason;
    }

    /** False when there was no flag to take off. */
    boolean lower() {
        if (!raised) {
            return false;
        }
        raised = false;
        reason = null;
        return true;
    }

    boolean raised() {
        return raised;
    }

    String reason() {
        return reason;
    }
}
