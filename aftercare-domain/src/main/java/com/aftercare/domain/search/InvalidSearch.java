package com.aftercare.domain.search;

import com.aftercare.domain.shared.InvalidValue;

/** A search the console cannot run; {@link #reason()} picks the message the operator sees. */
public class InvalidSearch extends InvalidValue {

    public enum Reason {
        BLANK,
        TOO_LONG,
        TOO_MANY_WORDS
    }

    private final Reason reason;

    InvalidSearch(Reason reason, String message) {
        super(SearchQuery.FIELD, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
