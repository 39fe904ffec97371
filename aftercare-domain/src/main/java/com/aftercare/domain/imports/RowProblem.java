package com.aftercare.domain.imports;

/**
 * One thing wrong with one row.
 *
 * @param row the data row, counted from 1 (the row after the header)
 * @param column the file's column it is about, or null when it is about the row or the order
 */
public record RowProblem(long row, String column, String message) {}
