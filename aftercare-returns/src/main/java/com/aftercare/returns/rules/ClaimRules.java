package com.aftercare.returns.rules;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.order.PaymentMethod;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Text;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A storefront's automatic approval rules as supervisors keep them in the console ({@code
 * claim_rule}): listed in the order they are tried, added (every input checked, a refusal names
 * its field and writes nothing) and removed. Every change is audited under the acting supervisor
 * in the same transaction. A storefront never sees nor touches another's rules.
 */
@Service
public class ClaimRules {

    public static final int MAX_POSITION = 9999;
    public static final long MAX_YEN = 100_000_000L;
    public static final long MAX_DAYS = 3650;
    public static final long MAX_CLAIMS = 1000;
    private static final int MAX_NAME = 100;
    private static final int MAX_REASON = 1000;
    private static final int MAX_PRODUCTS = 200;

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
            String reasonEn) {}

    /** The storefront's rules in the order they are tried. */
    @Transactional(readOnly = true)
    public List<ApprovalRule> of(StorefrontId storefront) {
        return jdbc.sql("select * from claim_rule where storefront_id = :s order by position, id")
                .param("s", storefront.value())
                .query(ClaimRules::rule)
                .list();
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
        ApprovalRule rule = check(draft);
        RuleConditions when = rule.when();
        long id = jdbc.sql("""
                        insert into claim_rule (storefront_id, position, name, action, request_types, reasons, categories,
                                                skus, payment_methods, min_amount_yen, max_amount_yen, min_days, max_days,
                                                min_claims_12m, max_claims_12m, guarantee_use, signal_condition,
                                                reason_ja, reason_en, created_by, created_at)
                        values (:s, :position, :name, :action, :types, :reasons, :categories, :skus, :payments,
                                :minYen, :maxYen, :minDays, :maxDays, :minClaims, :maxClaims, :guarantee, :signal,
                                :reasonJa, :reasonEn, :by, :at)
                        returning id
                        """)
                .param("s", storefront.value())
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
                .param("by", actor(operator))
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        audit.record(operator, "claim-rule.added", "claim_rule", String.valueOf(id), details(storefront, rule));
        return id;
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
                actor(operator), "claim-rule.removed", "claim_rule", String.valueOf(id), details(storefront, removed));
    }

    /** The rule a draft describes, every field checked; the first bad one is refused by name. */
    static ApprovalRule check(Draft d) {
        if (d.position() == null || d.position() < 0 || d.position() > MAX_POSITION) {
            throw new InvalidValue("position", "must be 0-" + MAX_POSITION);
        }
        String name = text("name", d.name(), MAX_NAME, true);
        RuleAction action = parse("action", d.action(), RuleAction::valueOf, RuleAction.values());
        RuleConditions when = new RuleConditions(
                codes("types", d.types(), RequestType::valueOf, RequestType.values()),
                codes("reasons", d.reasons(), ReturnReason::valueOf, ReturnReason.values()),
                products("categories", d.categories()),
                products("skus", d.skus()),
                Bounds.of("minAmountYen", d.minAmountYen(), "maxAmountYen", d.maxAmountYen(), MAX_YEN),
                Bounds.of("minDays", d.minDays(), "maxDays", d.maxDays(), MAX_DAYS),
                Bounds.of("minClaims", d.minClaims(), "maxClaims", d.maxClaims(), MAX_CLAIMS),
                d.guaranteeUse() == null || d.guaranteeUse().isBlank()
                        ? GuaranteeUse.ANY
                        : parse("guaranteeUse", d.guaranteeUse(), GuaranteeUse::valueOf, GuaranteeUse.values()),
                paymentMethods(d.paymentMethods()),
                SignalCondition.parse(d.signal()));
        if (when.isEmpty()) {
            throw new InvalidValue(
                    "types", "a rule needs at least one condition; one without would decide every claim");
        }
        if (action == RuleAction.REJECT && when.signal().needsSignal()) {
            throw new InvalidValue("signal", "a fraud signal may hold a claim for review, never reject it");
        }
        String reasonJa = text("reasonJa", d.reasonJa(), MAX_REASON, action == RuleAction.REJECT);
        String reasonEn = text("reasonEn", d.reasonEn(), MAX_REASON, action == RuleAction.REJECT);
        if (action != RuleAction.REJECT) {
            reasonJa = null;
            reasonEn = null;
        }
        return new ApprovalRule(0, d.position(), name, when, action, reasonJa, reasonEn);
    }

    private static String text(String field, String value, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                throw new InvalidValue(field, "must not be blank");
            }
            return null;
        }
        if (text.length() > max) {
            throw new InvalidValue(field, "must be at most " + max + " characters");
        }
        if (Text.hasControlCharacters(text, true)) {
            throw new InvalidValue(field, "must not contain control characters");
        }
        return text;
    }

    private static <E extends Enum<E>> E parse(String field, String value, Function<String, E> valueOf, E[] all) {
        try {
            return valueOf.apply(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(field, "must be one of " + Arrays.toString(all));
        }
    }

    private static <E extends Enum<E>> Set<E> codes(
            String field, List<String> values, Function<String, E> valueOf, E[] all) {
        Set<E> set = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (value != null && !value.isBlank()) {
                set.add(parse(field, value, valueOf, all));
            }
        }
        return set;
    }

    private static Set<String> paymentMethods(List<String> values) {
        Set<String> set = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String method = value.strip().toUpperCase(Locale.ROOT);
            if (!PaymentMethod.isKnown(method)) {
                throw new InvalidValue("paymentMethods", "must be one of " + PaymentMethod.names());
            }
            set.add(method);
        }
        return set;
    }

    /** Categories or SKUs as typed: separated by commas, spaces or lines (full-width ones too). */
    private static Set<String> products(String field, String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<String> set = Arrays.stream(text.split("[,、，\\s\\u3000]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (set.size() > MAX_PRODUCTS
                || set.stream().anyMatch(s -> s.length() > 100 || Text.hasControlCharacters(s, false))) {
            throw new InvalidValue(field, "must be at most " + MAX_PRODUCTS + " codes of at most 100 characters");
        }
        return set;
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

    /** What the audit log keeps of a rule: where it stands and what it says. */
    private static Map<String, Object> details(StorefrontId storefront, ApprovalRule rule) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("storefront", storefront.value());
        details.put("position", rule.position());
        details.put("name", rule.name());
        details.put("action", rule.action().name());
        details.put("when", rule.when().toString());
        return details;
    }
}
