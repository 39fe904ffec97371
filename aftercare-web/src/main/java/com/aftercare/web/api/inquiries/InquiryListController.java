package com.aftercare.web.api.inquiries;

import com.aftercare.domain.shared.ChangePage;
import com.aftercare.inquiry.InquiryChanges;
import com.aftercare.inquiry.InquiryChanges.InquiryChange;
import com.aftercare.inquiry.InquiryStatus;
import com.aftercare.web.api.ChangeQuery;
import com.aftercare.web.api.EnumValues;
import com.aftercare.web.api.ProblemResponses;
import com.aftercare.web.security.StorefrontAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read API's list of inquiries that came through the calling storefront, oldest change first. */
@RestController
@ProblemResponses
@Tag(name = "Inquiries")
@SecurityRequirement(name = "apiKey")
class InquiryListController {

    private final InquiryChanges changes;

    InquiryListController(InquiryChanges changes) {
        this.changes = changes;
    }

    @Operation(
            summary = "The calling storefront's inquiries, in the order they last changed",
            description = """
                    Only inquiries that came through this storefront (those an operator opened in the console belong to \
                    none). Oldest change first: poll with `updatedSince` (inclusive) and follow `nextCursor` until it is \
                    null. `GET /api/v1/inquiries/{reference}` gives one inquiry with its messages.""",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "One page of inquiries",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = InquiryPage.class),
                                            examples = @ExampleObject(value = InquiryListController.EXAMPLE))))
    @ProblemResponses.BadRequest("Unknown status, malformed updatedSince, a cursor this API did not give, "
            + "or a limit outside 1-200; the problem names the parameter")
    @GetMapping(path = "/api/v1/inquiries", produces = MediaType.APPLICATION_JSON_VALUE)
    InquiryPage inquiries(
            @Parameter(description = "Only inquiries in this status", example = "WAITING_ON_CUSTOMER")
                    @RequestParam(required = false)
                    String status,
            @Parameter(description = "Only inquiries changed at or after this time", example = "2026-12-01T00:00:00Z")
                    @RequestParam(required = false)
                    String updatedSince,
            @Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @RequestParam(required = false)
                    String limit,
            @Parameter(hidden = true) StorefrontAuthentication caller) {
        Optional<InquiryStatus> wanted = status == null || status.isBlank()
                ? Optional.empty()
                : Optional.of(EnumValues.parse("status", InquiryStatus.class, status));
        ChangeQuery query = ChangeQuery.of(updatedSince, cursor, limit);
        ChangePage<InquiryChange> page =
                changes.page(caller.storefront(), wanted, query.updatedSince(), query.after(), query.limit());
        return new InquiryPage(page.items().stream().map(InquiryItem::of).toList(), ChangeQuery.nextCursor(page));
    }

    static final String EXAMPLE = """
            {
              "items": [
                {
                  "reference": "INQ-2026-000123",
                  "status": "WAITING_ON_CUSTOMER",
                  "channel": "WEB_FORM",
                  "category": "SHIPPING",
                  "subject": "届いた商品のサイズについて",
                  "orderNumber": "R-10001",
                  "createdAt": "2026-12-01T02:15:00Z",
                  "resolvedAt": null,
                  "updatedAt": "2026-12-02T05:40:12.345678Z"
                }
              ],
              "nextCursor": null
            }""";

    @Schema(name = "InquiryPage")
    record InquiryPage(
            List<InquiryItem> items,

            @Schema(description = "Pass as `cursor` for the next page; null on the last page")
            String nextCursor) {}

    @Schema(name = "InquiryListItem")
    record InquiryItem(
            @Schema(example = "INQ-2026-000123") String reference,
            String status,
            String channel,
            String category,
            String subject,
            String orderNumber,
            Instant createdAt,
            Instant resolvedAt,
            Instant updatedAt) {

        static InquiryItem of(InquiryChange change) {
            return new InquiryItem(
                    change.reference(),
                    change.status().name(),
                    change.channel().name(),
                    change.category().name(),
                    change.subject(),
                    change.orderNumber(),
                    change.createdAt(),
                    change.resolvedAt(),
                    change.updatedAt());
        }
    }
}
