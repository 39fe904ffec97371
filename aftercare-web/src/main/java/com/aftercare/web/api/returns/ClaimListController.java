package com.aftercare.web.api.returns;

import com.aftercare.domain.shared.ChangePage;
import com.aftercare.returns.ClaimChanges;
import com.aftercare.returns.ClaimChanges.ClaimChange;
import com.aftercare.returns.ClaimStatus;
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

/** The read API's list of claims: what changed at the calling storefront, oldest change first. */
@RestController
@ProblemResponses
@Tag(name = "Returns", description = "Returns, exchanges, refund-guarantee claims, repairs and recycling pick-ups")
@SecurityRequirement(name = "apiKey")
class ClaimListController {

    static final String PATH = "/api/v1/claims";

    private final ClaimChanges changes;

    ClaimListController(ClaimChanges changes) {
        this.changes = changes;
    }

    @Operation(
            summary = "The calling storefront's claims, in the order they last changed",
            description = """
                    Oldest change first, so a storefront can poll with `updatedSince` (inclusive) and follow `nextCursor` \
                    until it is null. The cursor is opaque; a claim that changes while you page moves to the end and is \
                    listed again there. Changes become visible when their transaction commits, so poll with `updatedSince` a \
                    minute before the newest `updatedAt` you have seen and skip what you have. \
                    `GET /api/v1/claims/{rma}` gives one claim whole.""",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "One page of claims",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = ClaimPage.class),
                                            examples = @ExampleObject(value = ReadExamples.CLAIMS))))
    @ProblemResponses.BadRequest("Unknown status, malformed updatedSince, a cursor this API did not give, "
            + "or a limit outside 1-200; the problem names the parameter")
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ClaimPage claims(
            @Parameter(description = "Only claims in this status", example = "APPROVED") @RequestParam(required = false)
                    String status,
            @Parameter(description = "Only claims changed at or after this time", example = "2026-12-01T00:00:00Z")
                    @RequestParam(required = false)
                    String updatedSince,
            @Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @RequestParam(required = false)
                    String limit,
            @Parameter(hidden = true) StorefrontAuthentication caller) {
        Optional<ClaimStatus> wanted = status == null || status.isBlank()
                ? Optional.empty()
                : Optional.of(EnumValues.parse("status", ClaimStatus.class, status));
        ChangeQuery query = ChangeQuery.of(updatedSince, cursor, limit);
        ChangePage<ClaimChange> page =
                changes.page(caller.storefront(), wanted, query.updatedSince(), query.after(), query.limit());
        return new ClaimPage(page.items().stream().map(ClaimItem::of).toList(), ChangeQuery.nextCursor(page));
    }

    @Schema(name = "ClaimPage")
    record ClaimPage(
            List<ClaimItem> items,

            @Schema(description = "Pass as `cursor` for the next page; null on the last page")
            String nextCursor) {}

    @Schema(name = "ClaimListItem")
    record ClaimItem(
            @Schema(example = "RMA-2026-000123") String rma,
            String status,
            String type,
            String reason,
            String orderNumber,
            Instant requestedAt,
            Instant resolvedAt,
            Instant updatedAt) {

        static ClaimItem of(ClaimChange change) {
            return new ClaimItem(
                    change.rma(),
                    change.status().name(),
                    change.type().name(),
                    change.reason().name(),
                    change.orderNumber(),
                    change.requestedAt(),
                    change.resolvedAt(),
                    change.updatedAt());
        }
    }
}
