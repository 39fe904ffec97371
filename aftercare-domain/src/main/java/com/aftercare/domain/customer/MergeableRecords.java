package com.aftercare.domain.customer;

import java.util.Map;

/**
 * What one module holds under a customer id, for a manual merge of two customers
 * ({@link CustomerMerges}). Each module implements it over its own tables, so the domain never
 * writes a feature's tables; every implementation runs in the merge's one transaction.
 */
public interface MergeableRecords {

    /**
     * How many of the customer's rows would move, per kind ({@code orders}, {@code inquiries}, …,
     * unique across modules; the console shows {@code customers.merge.kind.<kind>}).
     */
    Map<String, Integer> countsOf(CustomerId customer);

    /**
     * Moves the rows of {@code from} to {@code into}. A row that would break a unique key of
     * {@code into} (the same newsletter mailed to both) stays with {@code from}, whose row remains
     * as the merged-away tombstone: history is kept, never doubled.
     */
    void move(CustomerId from, CustomerId into);
}
