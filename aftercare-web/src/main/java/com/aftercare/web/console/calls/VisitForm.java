package com.aftercare.web.console.calls;

import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Priority;
import com.aftercare.web.console.ConsoleDates;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/** An on-site visit appointment; the slot is wall-clock time in the shop's time zone. */
record VisitForm(
        Long customer,
        Long storefront,
        @Size(max = 254) String customerEmail,
        @NotBlank @Size(max = 200) String customerName,
        @Size(max = 30) String customerPhone,
        @NotBlank @Size(max = 20000) String summary,
        @NotNull Category category,
        @NotNull Priority priority,
        @Size(max = 64) String orderNumber,
        @NotBlank @Size(max = 500) String address,

        @NotNull @DateTimeFormat(pattern = ConsoleDates.WALL_CLOCK, fallbackPatterns = ConsoleDates.WALL_CLOCK_ISO)
        LocalDateTime slotStart,

        @NotNull @DateTimeFormat(pattern = ConsoleDates.WALL_CLOCK, fallbackPatterns = ConsoleDates.WALL_CLOCK_ISO)
        LocalDateTime slotEnd,

        @NotBlank @Size(max = 200) String staff)
        implements IntakeForm {

    static VisitForm forCustomer(KnownCustomer c) {
        return new VisitForm(
                c.id(),
                c.storefront(),
                c.email(),
                c.name(),
                c.phone(),
                "",
                Category.PRODUCT,
                Priority.NORMAL,
                "",
                "",
                null,
                null,
                "");
    }
}
