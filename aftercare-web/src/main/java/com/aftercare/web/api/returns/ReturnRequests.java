package com.aftercare.web.api.returns;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Return requests as they arrive on the wire. Never bound to an entity. */
final class ReturnRequests {

    private ReturnRequests() {}

    @Schema(name = "NewReturn", description = "A customer's after-sales request, as the storefront took it")
    record OpenReturnRequest(
            @Schema(description = "The calling storefront's order", example = "R-20261123-0001") @NotBlank
            String orderNumber,

            @Schema(
                    allowableValues = {"RETURN", "EXCHANGE", "REFUND_GUARANTEE", "WARRANTY_REPAIR", "RECYCLE_PICKUP"},
                    example = "RETURN")
            @NotBlank
            String type,

            @Schema(
                    allowableValues = {
                        "SIZE",
                        "COLOR_DIFFERS",
                        "NOT_AS_EXPECTED",
                        "DAMAGED_IN_TRANSIT",
                        "DEFECTIVE",
                        "WRONG_ITEM",
                        "OTHER"
                    },
                    example = "SIZE")
            @NotBlank
            String reason,

            @ArraySchema(arraySchema = @Schema(description = "1 to 50 lines, each SKU of the order at most once"))
            @NotEmpty
            @Size(max = 50)
            List<@NotNull @Valid LineRequest> lines,

            @Schema(
                    description = "For a RETURN: REFUND (default) or STORE_CREDIT",
                    allowableValues = {"REFUND", "STORE_CREDIT"})
            String settlement,

            @Schema(description = "What the customer wrote, at most 2,000 characters", example = "サイズが合いませんでした")
            String note,

            @Schema(description = "For a REFUND_GUARANTEE whose terms ask for it: the customer answered the survey")
            Boolean surveyAnswered) {}

    @Schema(name = "NewReturnLine")
    record LineRequest(
            @Schema(example = "TS-001-M-NAVY") @NotBlank String sku,
            @Schema(example = "1", minimum = "1") @NotNull Integer quantity,

            @Schema(description = "For an EXCHANGE: the variant wanted instead", example = "TS-001-L-NAVY")
            String exchangeSku) {}
}
