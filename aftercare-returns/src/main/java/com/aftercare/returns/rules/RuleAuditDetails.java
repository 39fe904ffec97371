package com.aftercare.returns.rules;

import com.aftercare.domain.storefront.StorefrontId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit log keeps of an approval rule: its place, name and action, and only the
 * conditions it sets, as plain fields the audit page labels and names (not a record dump).
 */
final class RuleAuditDetails {

    private RuleAuditDetails() {}

    /** What the audit log keeps of a rule: where it stands and what it says. */
    static Map<String, Object> of(StorefrontId storefront, ApprovalRule rule) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("storefront", storefront.value());
        details.put("position", rule.position());
        details.put("name", rule.name());
        details.put("action", rule.action().name());
        // its conditions field by field, only those set (not a record dump: the audit page labels
        // each one and names each code)
        details.put("when", conditions(rule.when()));
        return details;
    }

    private static Map<String, Object> conditions(RuleConditions when) {
        Map<String, Object> set = new LinkedHashMap<>();
        putIfAny(set, "types", when.types().stream().map(Enum::name).sorted().toList());
        putIfAny(
                set, "reasons", when.reasons().stream().map(Enum::name).sorted().toList());
        putIfAny(set, "categories", when.categories().stream().sorted().toList());
        putIfAny(set, "skus", when.skus().stream().sorted().toList());
        putIfSet(set, "amountYen", when.amountYen());
        putIfSet(set, "daysSinceDelivery", when.daysSinceDelivery());
        putIfSet(set, "claimsLast12Months", when.claimsLast12Months());
        if (when.guaranteeUse() != GuaranteeUse.ANY) {
            set.put("guaranteeUse", when.guaranteeUse().name());
        }
        putIfAny(set, "paymentMethods", when.paymentMethods().stream().sorted().toList());
        if (!when.signal().equals(SignalCondition.ANY)) {
            set.put("signal", when.signal().code());
        }
        return set;
    }

    private static void putIfAny(Map<String, Object> set, String field, List<String> values) {
        if (!values.isEmpty()) {
            set.put(field, values);
        }
    }

    private static void putIfSet(Map<String, Object> set, String field, Bounds bounds) {
        if (!bounds.isAny()) {
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("min", bounds.min());
            range.put("max", bounds.max());
            set.put(field, range);
        }
    }
}
