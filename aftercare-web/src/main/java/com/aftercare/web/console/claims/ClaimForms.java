package com.aftercare.web.console.claims;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What an operator types on a claim's page, one record per form. Never bound to the entity. */
final class ClaimForms {

    private ClaimForms() {}

    /** The reason the customer reads. */
    record RejectForm(@NotBlank @Size(max = 1000) String reason) {

        static RejectForm empty() {
            return new RejectForm("");
        }
    }

    /** A paid repair's price, in yen. */
    record QuoteForm(@NotNull @Positive Long amount) {

        static QuoteForm empty() {
            return new QuoteForm(null);
        }
    }

    record InspectForm(@Size(max = 2000) String note, Boolean damageConfirmed) {

        static InspectForm empty() {
            return new InspectForm("", false);
        }
    }

    /**
     * FULL: the lines less {@code restockingPercent} and {@code returnShipping}; PARTIAL: {@code amount}.
     */
    record RefundForm(
            @NotBlank String kind,
            @Min(0) @Max(100) Integer restockingPercent,
            @Min(0) Long returnShipping,
            @Min(0) Long amount) {

        static RefundForm empty() {
            return new RefundForm("FULL", 0, 0L, null);
        }
    }

    record ShipForm(@Size(max = 100) String tracking) {

        static ShipForm empty() {
            return new ShipForm("");
        }
    }

    /** Why an operator flags the claim's customer as suspicious (kept with the flag, audited). */
    record FlagForm(@NotBlank @Size(max = 500) String reason) {

        static FlagForm empty() {
            return new FlagForm("");
        }
    }
}
