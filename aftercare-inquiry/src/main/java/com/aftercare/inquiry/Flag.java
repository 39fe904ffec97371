package com.aftercare.inquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An inquiry flagged for attention (part of its row): an operator's call with the reason in their
 * words, or an early warning as a code ({@link EarlyWarning.Code}) whose one argument is kept where
 * an operator's reason would be (the column stays "why", never null on a flag). The queue shows
 * flagged inquiries first.
 */
@Embeddable
class Flag {

    /** The longest reason. */
    static final int MAX_REASON = 500;

    @Column(name = "flagged", nullable = false)
    private boolean raised;

    @Column(name = "flag_reason")
    private String reason;

    @Column(name = "flag_code")
    private String code;

    /** Raises the flag (again) with the reason, checked: 1–500 characters on one line. */
    String raise(String reason) {
        this.reason = InquiryText.line("flagReason", reason, MAX_REASON, true);
        this.code = null;
        raised = true;
        return this.reason;
    }

    /** Raises the flag for an early warning: its code, and its argument as the reason. */
    void raise(EarlyWarning.Warning warning) {
        raise(warning.argument());
        this.code = warning.code().name();
    }

    /** False when there was no flag to take off. */
    boolean lower() {
        if (!raised) {
            return false;
        }
        raised = false;
        reason = null;
        code = null;
        return true;
    }

    boolean raised() {
        return raised;
    }

    String reason() {
        return reason;
    }

    /** The early warning's code, or null for an operator's own reason. */
    String code() {
        return code;
    }
}
