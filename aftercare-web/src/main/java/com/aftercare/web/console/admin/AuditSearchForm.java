package com.aftercare.web.console.admin;

import com.aftercare.domain.audit.AuditLog;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The audit page's search: who ({@code actor}), what ({@code action}, or its beginning), whom
 * ({@code targetType}, {@code targetId}), when (days in the shop's zone, both included), and the
 * paging cursor {@code before}.
 */
record AuditSearchForm(
        String actor,
        String action,
        String targetType,
        String targetId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        Long before) {

    static AuditSearchForm empty() {
        return new AuditSearchForm(null, null, null, null, null, null, null);
    }

    /** @throws com.aftercare.domain.shared.InvalidValue {@code to} before {@code from} */
    AuditLog.Search toSearch(ZoneId zone) {
        return new AuditLog.Search(
                actor,
                action,
                targetType,
                targetId,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                before);
    }
}
