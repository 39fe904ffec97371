package com.aftercare.domain.search;

import com.aftercare.domain.shared.InvalidValue;
import java.util.Locale;

/**
 * A search the console cannot run; {@link #reason()} picks the message the operator sees
 * ({@code search.invalid.blank}, …, given the longest search allowed).
 */
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

    @Override
    public String code() {
        return "search.invalid." + reason.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Object[] messageArguments() {
        return new Object[] {SearchQuery.MAX_LENGTH};
    }
}
