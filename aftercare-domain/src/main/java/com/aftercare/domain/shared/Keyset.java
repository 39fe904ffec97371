package com.aftercare.domain.shared;

import java.time.Instant;
import java.util.Objects;

/**
 * A place in a list ordered by (updated at, id): the last row a reader saw, so the next page
 * starts right after it. Stable while rows change: a row updated meanwhile moves to the end and
 * is read again there. A row committed late with an earlier stamp can fall behind a reader's
 * place, which is why pollers overlap their {@code updatedSince} (docs/api.md).
 */
public record Keyset(Instant updatedAt, long id) {

    public Keyset {
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
