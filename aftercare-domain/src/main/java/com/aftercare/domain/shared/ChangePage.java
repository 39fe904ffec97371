package com.aftercare.domain.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

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
    public static <T> ChangePage<T> of(List<T> rows, int limit, Function<T, Keyset> keyOf) {
        if (rows.size() <= limit) {
            return new ChangePage<>(rows, null);
        }
        List<T> page = rows.subList(0, limit);
        return new ChangePage<>(page, keyOf.apply(page.get(limit - 1)));
    }

    /**
     * Reads one page of a keyset query. The statement filters with the parameters this binds:
     * {@code :since} (changed at or after, null for any), {@code :afterAt} and {@code :afterId}
     * (the previous page's last row, {@code afterAt} null on the first page), and asks for
     * {@code :limit} rows, one more than the page holds.
     */
    public static <T> ChangePage<T> read(
            JdbcClient.StatementSpec statement,
            Instant updatedSince,
            Keyset after,
            int limit,
            RowMapper<T> rows,
            Function<T, Keyset> keyOf) {
        List<T> found = statement
                .param("since", updatedSince == null ? null : Timestamp.from(updatedSince))
                .param("afterAt", after == null ? null : Timestamp.from(after.updatedAt()))
                .param("afterId", after == null ? 0L : after.id())
                .param("limit", limit + 1)
                .query(rows)
                .list();
        return of(found, limit, keyOf);
    }
}
