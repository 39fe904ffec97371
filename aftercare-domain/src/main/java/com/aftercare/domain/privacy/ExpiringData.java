package com.aftercare.domain.privacy;

import java.time.Instant;
import java.util.List;

/**
 * Data a module removes once the storefront's retention period has passed. {@link RetentionJob}
 * asks every implementation with each storefront's periods; each removes from its own tables and
 * says what it removed, for the report admins read.
 */
public interface ExpiringData {

    /**
     * Removes what is older than the periods allow.
     *
     * @param periods the periods of one storefront, or the shop's default for data of no storefront
     * @param now the run's instant: something is expired when older than {@code now - period}
     */
    List<Removal> expire(RetentionPeriods.Periods periods, Instant now);

    /**
     * What one kind of data lost in one run.
     *
     * @param item what it was, in words of the report ({@code claim-photo}, {@code inquiry-body})
     * @param removed how many
     * @param olderThan the cutoff applied
     */
    record Removal(String item, int removed, Instant olderThan) {}
}
