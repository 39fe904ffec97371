package com.aftercare.web.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/**
 * The RFC 9457 problems of the storefront API, as the OpenAPI document lists them, written once
 * ({@link ApiProblems} and {@link com.aftercare.web.problem.ProblemWriter} answer them). On an API controller it documents
 * what every operation answers without a valid key (401). The nested annotations go on the
 * operations that answer more, each in that operation's words where the meaning differs (which
 * input a 400 is about, what a 404 did not find).
 *
 * <p>springdoc reads these as meta-annotations. The controller's responses win over an operation's
 * for the same status, so no status is declared at both levels.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ApiResponse(
        responseCode = "401",
        description = "Missing, unknown or revoked API key",
        content = @Content(mediaType = ProblemResponses.PROBLEM_JSON))
public @interface ProblemResponses {

    String PROBLEM_JSON = "application/problem+json";

    /**
     * What a 401 means for this controller's operations: a missing or bad API key, unless the
     * controller proves its callers otherwise (Shopify's webhooks by their signature).
     */
    @AliasFor(annotation = ApiResponse.class, attribute = "description")
    String unauthorized() default "Missing, unknown or revoked API key";

    /** An operation that reads a JSON body: 413 over 1 MiB ({@link BodyLimitFilter}), 415 not JSON. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponses({
        @ApiResponse(
                responseCode = "413",
                description = "Body over 1 MiB",
                content = @Content(mediaType = PROBLEM_JSON)),
        @ApiResponse(
                responseCode = "415",
                description = "Not application/json",
                content = @Content(mediaType = PROBLEM_JSON))
    })
    @interface JsonBody {}

    /** 400: which input this operation checks; the problem names each field. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", content = @Content(mediaType = PROBLEM_JSON))
    @interface BadRequest {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }

    /** 404: what the calling storefront has no such thing of. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "404", content = @Content(mediaType = PROBLEM_JSON))
    @interface NotFound {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }

    /** 409: what clashed (an event id, an Idempotency-Key). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "409", content = @Content(mediaType = PROBLEM_JSON))
    @interface Conflict {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }

    /** 422: well-formed, but a rule of the shop refuses it. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "422", content = @Content(mediaType = PROBLEM_JSON))
    @interface Unprocessable {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }
}
