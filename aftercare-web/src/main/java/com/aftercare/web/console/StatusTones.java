package com.aftercare.web.console;

import com.aftercare.inquiry.InquiryStatus;
import com.aftercare.returns.ClaimStatus;
import org.springframework.stereotype.Component;

/**
 * The colour of a status badge, by what the status asks of the operator: {@code info} new work,
 * {@code warn} under way, {@code ok} done for the customer, none (grey) waiting on someone else or
 * finished. One place, so the queue, search, the inquiry and claim pages and the customer panel
 * agree; a new status fails to compile here until it has a tone. Templates call it through
 * {@code fragments/status}.
 */
@Component("statusTones")
public class StatusTones {

    public String of(InquiryStatus status) {
        return switch (status) {
            case NEW -> "info";
            case OPEN -> "warn";
            case WAITING_ON_CUSTOMER, CLOSED -> "";
            case RESOLVED -> "ok";
        };
    }

    public String of(ClaimStatus status) {
        return switch (status) {
            case REQUESTED -> "info";
            case QUOTED, APPROVED, AWAITING_ITEM, RECEIVED, INSPECTED -> "warn";
            case REFUNDED, EXCHANGE_SHIPPED, REPAIRED -> "ok";
            case QUOTE_DECLINED, REJECTED, CLOSED -> "";
        };
    }
}
