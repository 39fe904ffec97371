package com.aftercare.domain.shared;

import java.util.List;

/**
 * One page of records in the order they last changed.
 *
 * @param next where the next page starts, or null when this was the last one
 */
public record ChangePage<T>(List<T> items, Keyset next) {

    public ChangePage {
        items = List.copyOf(items);
    }

    /**
     * The page of a query that asked for one row more than {@code limit}: that extra row only
     * says there is more.
     */
    public static <T> ChangePage<T> of(List<T> rows, int limit, java.util.function.Function<T, Keyset> keyOf) {
        if (rows.size() <= limit) {
            return new ChangePage<>(rows, null);
        }
        List<T> page = rows.subList(0, limit);
        return new ChangePage<>(page, keyOf.apply(page.get(limit - 1)));
    }
}
