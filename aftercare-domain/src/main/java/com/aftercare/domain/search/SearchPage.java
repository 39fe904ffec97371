package com.aftercare.domain.search;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One keyset page of search results, newest first: {@code next} is the id to pass as
 * {@code before} for the following page, or null on the last one.
 */
public record SearchPage<T>(List<T> items, Long next) {

    public SearchPage {
        items = List.copyOf(items);
    }

    /** From a query that asked for {@code size + 1} rows: the extra row only says there is more. */
    public static <T> SearchPage<T> of(List<T> rows, int size, ToLongFunction<T> id) {
        if (rows.size() <= size) {
            return new SearchPage<>(rows, null);
        }
        List<T> page = rows.subList(0, size);
        return new SearchPage<>(page, id.applyAsLong(page.get(size - 1)));
    }

    /** The keyset condition for {@code column}, true for every row when there is no cursor. */
    public static String before(String column, Long before) {
        return before == null ? "" : " and " + column + " < :before";
    }
}
