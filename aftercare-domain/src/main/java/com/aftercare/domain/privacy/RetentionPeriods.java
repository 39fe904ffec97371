package com.aftercare.domain.privacy;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long personal data is kept, per storefront: claim photos, bank accounts of claims that never
 * came to a refund (a refund erases the account at once), inquiry bodies with their attachments, and
 * (shop-wide) audit entries. A storefront without periods of its own follows the shop's default.
 */
@Service
public class RetentionPeriods {

    static final int MAX_DAYS = 36500;

    /**
     * The periods in days; null keeps that data until it is erased by hand.
     *
     * @param storefront the storefront, or null for the shop's default (which alone sets {@code
     *     auditDays}: audit entries belong to no storefront)
     */
    public record Periods(
            StorefrontId storefront,
            Integer claimPhotoDays,
            Integer bankAccountDays,
            Integer inquiryDays,
            Integer auditDays) {

        public Periods {
            check("claimPhotoDays", claimPhotoDays);
            check("bankAccountDays", bankAccountDays);
            check("inquiryDays", inquiryDays);
            check("auditDays", auditDays);
            if (storefront != null && auditDays != null) {
                throw new InvalidValue(
                        "auditDays", "is set for the whole shop only (audit entries belong to no storefront)");
            }
        }

        /** Nothing expires. */
        public static Periods none(StorefrontId storefront) {
            return new Periods(storefront, null, null, null, null);
        }

        private static void check(String field, Integer days) {
            if (days != null && (days < 1 || days > MAX_DAYS)) {
                throw new InvalidValue(field, "must be between 1 and " + MAX_DAYS + " days");
            }
        }

        Map<String, Object> asDetails() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("claimPhotoDays", claimPhotoDays);
            details.put("bankAccountDays", bankAccountDays);
            details.put("inquiryDays", inquiryDays);
            details.put("auditDays", auditDays);
            return details;
        }
    }

    /** A storefront's line on the settings page: its own periods, or the default's when {@code inherited}. */
    public record StorefrontPeriods(
            StorefrontId storefront, String code, String name, Periods periods, boolean inherited) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;

    RetentionPeriods(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The shop's default. */
    @Transactional(readOnly = true)
    public Periods shopDefault() {
        return jdbc.sql("""
                        select claim_photo_days, bank_account_days, inquiry_days, audit_days
                          from privacy_retention where storefront_id is null
                        """)
                .query((rs, i) -> new Periods(
                        null, (Integer) rs.getObject(1), (Integer) rs.getObject(2), (Integer) rs.getObject(3), (Integer)
                                rs.getObject(4)))
                .optional()
                .orElse(Periods.none(null));
    }

    /** Every storefront with the periods that apply to it. */
    @Transactional(readOnly = true)
    public List<StorefrontPeriods> perStorefront() {
        Periods fallback = shopDefault();
        return jdbc.sql("""
                        select s.id, s.code, s.name, r.id is not null,
                               r.claim_photo_days, r.bank_account_days, r.inquiry_days
                          from storefront_view s left join privacy_retention r on r.storefront_id = s.id
                         order by s.code
                        """)
                .query((rs, i) -> {
                    StorefrontId id = new StorefrontId(rs.getLong(1));
                    boolean own = rs.getBoolean(4);
                    Periods periods = own
                            ? new Periods(
                                    id,
                                    (Integer) rs.getObject(5),
                                    (Integer) rs.getObject(6),
                                    (Integer) rs.getObject(7),
                                    null)
                            : new Periods(
                                    id,
                                    fallback.claimPhotoDays(),
                                    fallback.bankAccountDays(),
                                    fallback.inquiryDays(),
                                    null);
                    return new StorefrontPeriods(id, rs.getString(2), rs.getString(3), periods, !own);
                })
                .list();
    }

    /**
     * Saves the periods of a storefront (or, with no storefront, the shop's default), audited as
     * {@code privacy.retention-changed}.
     *
     * @throws NotFound for an unknown storefront
     */
    @Transactional
    public void save(Periods periods, String operator) {
        if (periods.storefront() != null) {
            boolean known = jdbc.sql("select count(*) from storefront_view where id = :id")
                            .param("id", periods.storefront().value())
                            .query(Long.class)
                            .single()
                    == 1;
            if (!known) {
                throw NotFound.storefront(periods.storefront().value());
            }
        }
        int updated = jdbc.sql("""
                        update privacy_retention
                           set claim_photo_days = :photo, bank_account_days = :bank, inquiry_days = :inquiry,
                               audit_days = :audit, updated_at = now(), updated_by = :operator
                         where storefront_id is not distinct from cast(:storefront as bigint)
                        """).params(params(periods, operator)).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into privacy_retention (storefront_id, claim_photo_days, bank_account_days,
                                                           inquiry_days, audit_days, updated_by)
                            values (cast(:storefront as bigint), :photo, :bank, :inquiry, :audit, :operator)
                            """).params(params(periods, operator)).update();
        }
        audit.record(
                operator,
                "privacy.retention-changed",
                periods.storefront() == null ? "shop" : "storefront",
                periods.storefront() == null
                        ? null
                        : Long.toString(periods.storefront().value()),
                periods.asDetails());
    }

    private static Map<String, Object> params(Periods periods, String operator) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(
                "storefront",
                periods.storefront() == null ? null : periods.storefront().value());
        params.put("photo", periods.claimPhotoDays());
        params.put("bank", periods.bankAccountDays());
        params.put("inquiry", periods.inquiryDays());
        params.put("audit", periods.auditDays());
        params.put("operator", operator);
        return params;
    }
}
