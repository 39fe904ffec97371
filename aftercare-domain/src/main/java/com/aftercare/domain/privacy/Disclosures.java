package com.aftercare.domain.privacy;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disclosure requests (開示請求, 個人情報保護法 第33条): everything the platform holds about one
 * customer, gathered from every module's {@link PersonalData}, in one repeatable-read transaction so
 * the sections agree with one another. Every export is audited ({@code customer.disclosed}, with the
 * format and the number of rows per section, never the data).
 */
@Service
public class Disclosures {

    /** The formats the console offers. */
    public static final Set<String> FORMATS = Set.of("json", "csv");

    /** Everything held about one customer, section by section in a stable order. */
    public record Disclosure(
            CustomerId customer, Instant exportedAt, Map<String, List<Map<String, Object>>> sections) {}

    private final List<PersonalData> holders;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Disclosures(List<PersonalData> holders, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.holders = holders.stream()
                .sorted(Comparator.comparing(
                        h -> h instanceof DomainPersonalData ? "" : h.getClass().getName()))
                .toList();
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Everything held about the customer, audited as exported by {@code operator} in {@code format}.
     *
     * @throws NotFound for an unknown customer
     * @throws InvalidValue {@code format} when neither json nor csv
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Disclosure export(CustomerId customer, String format, String operator) {
        if (format == null || !FORMATS.contains(format)) {
            throw new InvalidValue("format", "must be json or csv");
        }
        boolean known = jdbc.sql("select count(*) from customer where id = :id")
                        .param("id", customer.value())
                        .query(Long.class)
                        .single()
                > 0;
        if (!known) {
            throw NotFound.customer(customer.value());
        }
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        for (PersonalData holder : holders) {
            holder.sectionsOf(customer).forEach((name, rows) -> {
                if (sections.putIfAbsent(name, rows) != null) {
                    throw new IllegalStateException("Two modules disclose a section named " + name);
                }
            });
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        sections.forEach((name, rows) -> counts.put(name, rows.size()));
        audit.record(
                operator,
                "customer.disclosed",
                "customer",
                Long.toString(customer.value()),
                AuditLog.details("format", format, "rows", counts));
        return new Disclosure(customer, clock.instant(), sections);
    }
}
