package com.aftercare.domain.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Newest-first search in id windows, so the work of a common word stays that of one window at any
 * table size. Sorting every match of a common word to show the newest few grows with the table;
 * looking at the newest ids first, and below them in windows that widen only while the page is not
 * full, reads only as far back as the page needs. A rare word costs a few index look-ups more.
 * Ids are identity keys, so a higher id is a newer row.
 */
public final class NewestFirst {

    /** Rows in ids {@code [floor, upper)}, newest first, at most {@code limit}. */
    @FunctionalInterface
    public interface Window<T> {
        List<T> rows(long floor, long upper, int limit);
    }

    private NewestFirst() {}

    /**
     * Up to {@code wanted} rows with ids below {@code upper}, newest first: from the window
     * {@code [upper - first, upper)}, then from windows {@code widening} times wider each, one below
     * the other, down to id 0.
     */
    public static <T> List<T> rows(long upper, long first, int widening, int wanted, Window<T> window) {
        List<T> found = new ArrayList<>();
        long width = first;
        while (found.size() < wanted && upper > 0) {
            long floor = Math.max(upper - width, 0);
            found.addAll(window.rows(floor, upper, wanted - found.size()));
            upper = floor;
            width *= widening;
        }
        return found;
    }
}
