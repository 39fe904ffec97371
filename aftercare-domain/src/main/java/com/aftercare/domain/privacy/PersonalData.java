package com.aftercare.domain.privacy;

import com.aftercare.domain.customer.CustomerId;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one module holds about a customer, for a disclosure (開示). Each module implements it over its
 * own tables; {@link Disclosures} gathers every implementation, so the domain never reads a
 * feature's tables. Binary content (photos, attachments) is described (type, size), not included.
 */
public interface PersonalData {

    /**
     * The module's sections ({@code orders}, {@code claims}, …, unique across modules), each a list
     * of rows, oldest first; values are strings, numbers, booleans, instants or null.
     */
    Map<String, List<Map<String, Object>>> sectionsOf(CustomerId customer);

    /** Rows as JDBC gave them, with timestamps as instants, ready for JSON and CSV. */
    static List<Map<String, Object>> rows(List<Map<String, Object>> jdbcRows) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbcRows.size());
        for (Map<String, Object> jdbcRow : jdbcRows) {
            Map<String, Object> row = new LinkedHashMap<>();
            jdbcRow.forEach((column, value) -> row.put(column, value instanceof Timestamp at ? at.toInstant() : value));
            rows.add(row);
        }
        return rows;
    }
}
