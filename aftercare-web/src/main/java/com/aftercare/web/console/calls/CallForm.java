package com.aftercare.web.console.calls;

import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Priority;
import com.aftercare.web.console.ConsoleDates;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A phone call as the operator types it down. {@code callbackAt} is a wall-clock time in the
 * shop's time zone (what a {@code datetime-local} input sends).
 */
record CallForm(
        Long customer,
        Long storefront,
        @NotBlank @Size(max = 200) String caller,
        @Size(max = 254) String customerEmail,
        @NotBlank @Size(max = 200) String customerName,
        @Size(max = 30) String customerPhone,
        @NotBlank @Size(max = 20000) String summary,
        @NotNull Category category,
        @NotNull Priority priority,
        @Size(max = 64) String orderNumber,
        Boolean callbackWanted,

        @DateTimeFormat(pattern = ConsoleDates.WALL_CLOCK, fallbackPatterns = ConsoleDates.WALL_CLOCK_ISO)
        LocalDateTime callbackAt)
        implements IntakeForm {

    static CallForm forCustomer(KnownCustomer c) {
        return new CallForm(
                c.id(),
                c.storefront(),
                "",
                c.email(),
                c.name(),
                c.phone(),
                "",
                Category.OTHER,
                Priority.NORMAL,
                "",
                false,
                null);
    }

    boolean wantsCallback() {
        return Boolean.TRUE.equals(callbackWanted);
    }
}
