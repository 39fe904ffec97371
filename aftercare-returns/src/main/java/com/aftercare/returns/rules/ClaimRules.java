package com.aftercare.returns.rules;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A storefront's automatic approval rules as supervisors keep them in the console ({@code
 * claim_rule}): listed in the order they are tried, added and changed (every input checked by
 * {@link DraftChecks}, a refusal names its field and writes nothing), moved, switched off and on,
 * and removed. Every change is audited under the acting supervisor in the same transaction. A
 * storefront never sees nor touches another's rules: every call names the storefront and a rule
 * of another is {@link NotFound}.
 */
@Service
public class ClaimRules {

    public static final int MAX_POSITION = 9999;
    public static final long MAX_YEN = 100_000_000L;
    public static final long MAX_DAYS = 3650;
    public static final long MAX_CLAIMS = 1000;

    /** Moving a rule renumbers the list in steps of this, so a rule can later be put between two. */
    static final int POSITION_STEP = 10;

    private final JdbcClient jdbc;
    private final Storefronts storefronts;
    private final AuditLog audit;
    private final Clock clock;

    ClaimRules(JdbcClient jdbc, Storefronts storefronts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.storefronts = storefronts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A rule as the editor's form sends it: sets as lists of codes, categories and SKUs as text
     * (comma, space or line separated), blank numbers as null.
     */
    public record Draft(
            Integer position,
            String name,
            String action,
            List<String> types,
            List<String> reasons,
            String categories,
            String skus,
            Long minAmountYen,
            Long maxAmountYen,
            Long minDays,
            Long maxDays,
            Long minClaims,
            Long maxClaims,
            String guaranteeUse,
            List<String> paymentMethods,
            String signal,
            String reasonJa,
            String reasonEn) {

        /** A draft written field by field, by name, starting from the blank form (no position yet). */
        public static DraftBuilder builder() {
            return new DraftBuilder();
        }

        /** An empty form for a new rule, placed after the last one. */
        public static Draft blank(int position) {
            return builder().position(position).build();
        }

        /** The form of a kept rule, to edit it. */
        public static Draft of(ApprovalRule rule) {
            RuleConditions when = rule.when();
            return new Draft(
                    rule.position(),
                    rule.name(),
                    rule.action().name(),
                    when.types().stream().map(Enum::name).sorted().toList(),
                    when.reasons().stream().map(Enum::name).sorted().toList(),
                    String.join(", ", when.categories().stream().sorted().toList()),
                    String.join(", ", when.skus().stream().sorted().toList()),
                    when.amountYen().min(),
                    when.amountYen().max(),
                    when.daysSinceDelivery().min(),
                    when.daysSinceDelivery().max(),
                    when.claimsLast12Months().min(),
                    when.claimsLast12Months().max(),
                    when.guaranteeUse().name(),
                    when.paymentMethods().stream().sorted().toList(),
                    when.signal().code(),
                    rule.reasonJa(),
                    rule.reasonEn());
        }
    }

    /**
     * A rule as the editor lists it.
     *
     * @param enabled whether it is tried at all (a switched-off rule is kept, never screened)
     * @param changedBy who added or last changed it
     */
    public record Listed(ApprovalRule rule, boolean enabled, String changedBy, Instant changedAt) {}

    /** The storefront's rules in force (switched on), in the order they are tried. */
    @Transactional(readOnly = true)
    public List<ApprovalRule> of(StorefrontId storefront) {
        return listed(storefront).stream()
                .filter(Listed::enabled)
                .map(Listed::rule)
                .toList();
    }

    /** Every rule of the storefront, switched off ones included, in the order they are tried. */
    @Transactional(readOnly = true)
    public List<Listed> listed(StorefrontId storefront) {
        return jdbc.sql("select * from claim_rule where storefront_id = :s order by position, id")
                .param("s", storefront.value())
                .query(ClaimRules::listed)
                .list();
    }

    /** One of the storefront's rules; empty for a rule of another storefront. */
    @Transactional(readOnly = true)
    public Optional<Listed> find(StorefrontId storefront, long id) {
        return jdbc.sql("select * from claim_rule where id = :id and storefront_id = :s")
                .param("id", id)
                .param("s", storefront.value())
                .query(ClaimRules::listed)
                .optional();
    }

    /**
     * Adds a rule to the storefront's list, audited as {@code operator}.
     *
     * @throws InvalidValue naming the form field that is wrong; nothing is written
     * @throws NotFound for an unknown storefront
     */
    @Transactional
    public long add(StorefrontId storefront, Draft draft, String operator) {
        storefronts.find(storefront).orElseThrow(() -> NotFound.storefront(storefront.value()));
        ApprovalRule rule = DraftChecks.check(draft);
        long id = bind(jdbc.sql("""
                        insert into claim_rule (storefront_id, position, name, action, request_types, reasons, categories,
                                                skus, payment_methods, min_amount_yen, max_amount_yen, min_days, max_days,
                                                min_claims_12m, max_claims_12m, guarantee_use, signal_condition,
                                                reason_ja, reason_en, created_by, created_at)
                        values (:s, :position, :name, :action, :types, :reasons, :categories, :skus, :payments,
                                :minYen, :maxYen, :minDays, :maxDays, :minClaims, :maxClaims, :guarantee, :signal,
                                :reasonJa, :reasonEn, :by, :at)
                        returning id
                        """), storefront, rule, actor(operator))
                .query(Long.class)
                .single();
        audit.record(
                operator, "claim-rule.added", "claim_rule", String.valueOf(id), RuleAuditDetails.of(storefront, rule));
        return id;
    }

    /**
     * Replaces what one of the storefront's rules says, audited. Claims it decided before keep what
     * was done to them.
     *
     * @throws InvalidValue naming the form field that is wrong; nothing is written
     * @throws NotFound when the storefront has no such rule
     */
    @Transactional
    public void update(StorefrontId storefront, long id, Draft draft, String operator) {
        ApprovalRule rule = DraftChecks.check(draft);
        int changed = bind(jdbc.sql("""
                        update claim_rule
                           set position = :position, name = :name, action = :action, request_types = :types,
                               reasons = :reasons, categories = :categories, skus = :skus, payment_methods = :payments,
                               min_amount_yen = :minYen, max_amount_yen = :maxYen, min_days = :minDays,
                               max_days = :maxDays, min_claims_12m = :minClaims, max_claims_12m = :maxClaims,
                               guarantee_use = :guarantee, signal_condition = :signal, reason_ja = :reasonJa,
                               reason_en = :reasonEn, updated_by = :by, updated_at = :at
                         where id = :id and storefront_id = :s
                        """), storefront, rule, actor(operator))
                .param("id", id)
                .update();
        if (changed == 0) {
            throw NotFound.claimRule(id);
        }
        audit.record(
                operator,
                "claim-rule.changed",
                "claim_rule",
                String.valueOf(id),
                RuleAuditDetails.of(storefront, rule));
    }

    /** Switches one of the storefront's rules off (kept, never tried) or on again, audited. */
    @Transactional
    public void enable(StorefrontId storefront, long id, boolean enabled, String operator) {
        ApprovalRule rule = require(storefront, id).rule();
        jdbc.sql("update claim_rule set enabled = :on, updated_by = :by, updated_at = :at where id = :id")
                .param("on", enabled)
                .param("by", actor(operator))
                .param("at", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        audit.record(
                operator,
                enabled ? "claim-rule.enabled" : "claim-rule.disabled",
                "claim_rule",
                String.valueOf(id),
                RuleAuditDetails.of(storefront, rule));
    }

    /**
     * Moves one of the storefront's rules one place earlier ({@code up}) or later in the order they
     * are tried, audited. The list is renumbered in steps of {@value #POSITION_STEP} (10, 20, …) so
     * equal positions never hide a move; a rule already first (or last) stays.
     */
    @Transactional
    public void move(StorefrontId storefront, long id, boolean up, String operator) {
        require(storefront, id);
        jdbc.sql("select id from claim_rule where storefront_id = :s for update")
                .param("s", storefront.value())
                .query(Long.class)
                .list();
        List<ApprovalRule> order =
                new ArrayList<>(listed(storefront).stream().map(Listed::rule).toList());
        int from = indexOf(order, id);
        int to = up ? from - 1 : from + 1;
        if (to < 0 || to >= order.size()) {
            return;
        }
        order.add(to, order.remove(from));
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("update claim_rule set position = :p where id = :id")
                    .param("p", Math.min(MAX_POSITION, (i + 1) * POSITION_STEP))
                    .param("id", order.get(i).id())
                    .update();
        }
        Map<String, Object> details = RuleAuditDetails.of(storefront, order.get(to));
        details.put("position", Math.min(MAX_POSITION, (to + 1) * POSITION_STEP));
        audit.record(actor(operator), "claim-rule.moved", "claim_rule", String.valueOf(id), details);
    }

    /**
     * Removes one of the storefront's rules, audited. Claims it decided keep its name.
     *
     * @throws NotFound when the storefront has no such rule (another storefront's rule included)
     */
    @Transactional
    public void remove(StorefrontId storefront, long id, String operator) {
        ApprovalRule removed = jdbc.sql("delete from claim_rule where id = :id and storefront_id = :s returning *")
                .param("id", id)
                .param("s", storefront.value())
                .query(ClaimRules::rule)
                .optional()
                .orElseThrow(() -> NotFound.claimRule(id));
        audit.record(
                actor(operator),
                "claim-rule.removed",
                "claim_rule",
                String.valueOf(id),
                RuleAuditDetails.of(storefront, removed));
    }

    private Listed require(StorefrontId storefront, long id) {
        return find(storefront, id).orElseThrow(() -> NotFound.claimRule(id));
    }

    private static int indexOf(List<ApprovalRule> rules, long id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id() == id) {
                return i;
            }
        }
        throw NotFound.claimRule(id);
    }

    /** The columns an add and a change both write, from the checked rule. */
    private JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec sql, StorefrontId storefront, ApprovalRule rule, String by) {
        RuleConditions when = rule.when();
        return sql.param("s", storefront.value())
                .param("position", rule.position())
                .param("name", rule.name())
                .param("action", rule.action().name())
                .param("types", names(when.types()))
                .param("reasons", names(when.reasons()))
                .param("categories", when.categories().stream().sorted().toArray(String[]::new))
                .param("skus", when.skus().stream().sorted().toArray(String[]::new))
                .param("payments", when.paymentMethods().stream().sorted().toArray(String[]::new))
                .param("minYen", when.amountYen().min())
                .param("maxYen", when.amountYen().max())
                .param("minDays", toInt(when.daysSinceDelivery().min()))
                .param("maxDays", toInt(when.daysSinceDelivery().max()))
                .param("minClaims", toInt(when.claimsLast12Months().min()))
                .param("maxClaims", toInt(when.claimsLast12Months().max()))
                .param("guarantee", when.guaranteeUse().name())
                .param("signal", when.signal().code())
                .param("reasonJa", rule.reasonJa())
                .param("reasonEn", rule.reasonEn())
                .param("by", by)
                .param("at", Timestamp.from(clock.instant()));
    }

    private static Listed listed(ResultSet rs, int n) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Listed(
                rule(rs, n),
                rs.getBoolean("enabled"),
                updated == null ? rs.getString("created_by") : rs.getString("updated_by"),
                (updated == null ? rs.getTimestamp("created_at") : updated).toInstant());
    }

    private static ApprovalRule rule(ResultSet rs, int n) throws SQLException {
        RuleConditions when = new RuleConditions(
                strings(rs.getArray("request_types")).stream()
                        .map(RequestType::valueOf)
                        .collect(Collectors.toSet()),
                strings(rs.getArray("reasons")).stream()
                        .map(ReturnReason::valueOf)
                        .collect(Collectors.toSet()),
                Set.copyOf(strings(rs.getArray("categories"))),
                Set.copyOf(strings(rs.getArray("skus"))),
                new Bounds(rs.getObject("min_amount_yen", Long.class), rs.getObject("max_amount_yen", Long.class)),
                new Bounds(longOrNull(rs, "min_days"), longOrNull(rs, "max_days")),
                new Bounds(longOrNull(rs, "min_claims_12m"), longOrNull(rs, "max_claims_12m")),
                GuaranteeUse.valueOf(rs.getString("guarantee_use")),
                Set.copyOf(strings(rs.getArray("payment_methods"))),
                new SignalCondition(rs.getString("signal_condition")));
        return new ApprovalRule(
                rs.getLong("id"),
                rs.getInt("position"),
                rs.getString("name"),
                when,
                RuleAction.valueOf(rs.getString("action")),
                rs.getString("reason_ja"),
                rs.getString("reason_en"));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        Integer value = rs.getObject(column, Integer.class);
        return value == null ? null : value.longValue();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static Integer toInt(Long value) {
        return value == null ? null : value.intValue();
    }

    private static String actor(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("A rule is changed by a supervisor");
        }
        return operator;
    }
}
