package com.aftercare.domain.shared;

/**
 * What every CSV the platform writes shares below the web layer: rows read from PostgreSQL with a
 * cursor, so a list of any length passes through a bounded buffer, and cells Excel would run as
 * formulas kept as text.
 */
public final class Exports {

    /**
     * Rows fetched per round trip by an export. PostgreSQL's driver streams with a cursor only when
     * a fetch size is set and the statement runs inside a transaction (autocommit off), so every
     * export method is {@code @Transactional(readOnly = true)} and passes this to {@code
     * JdbcClient.withFetchSize}; without it the driver reads the whole result into memory first.
     */
    public static final int FETCH_SIZE = 500;

    private Exports() {}

    /**
     * A cell Excel would run as a formula (a customer's name or an inquiry subject is whatever was
     * typed) is shown as text: a leading apostrophe, as OWASP's CSV injection advice says.
     */
    public static String inert(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
