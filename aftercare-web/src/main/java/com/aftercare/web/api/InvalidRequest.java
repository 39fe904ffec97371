package com.aftercare.web.api;

import java.util.List;

/** A request the API refuses before it reaches the domain, with every field that was wrong. */
public class InvalidRequest extends RuntimeException {

    /** One thing wrong with the request: where, and why. */
    public record FieldError(String field, String reason) {}

    private final List<FieldError> errors;

    public InvalidRequest(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequest of(String field, String reason) {
        return new InvalidRequest(field + ": " + reason, List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
