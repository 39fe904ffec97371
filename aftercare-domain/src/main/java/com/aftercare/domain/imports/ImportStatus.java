package com.aftercare.domain.imports;

import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where an import stands, for the console's page and its progress bar.
 *
 * @param state DRAFT (uploaded, being mapped), QUEUED, RUNNING, DONE or FAILED
 * @param header the file's column names, in order
 */
public record ImportStatus(
        long id,
        StorefrontId storefront,
        String fileName,
        String charset,
        String state,
        int rowsTotal,
        int rowsDone,
        int rowsFailed,
        int ordersDone,
        int ordersFailed,
        String failure,
        Map<ImportField, String> mapping,
        List<String> header,
        Instant createdAt,
        Instant finishedAt) {

    /** Whole percent of the rows taken so far. */
    public int percent() {
        return rowsTotal == 0 ? 100 : (int) (100L * rowsDone / rowsTotal);
    }

    public boolean finished() {
        return "DONE".equals(state) || "FAILED".equals(state);
    }
}
