package com.aftercare.returns.rules;

import static com.aftercare.returns.rules.ClaimRules.MAX_CLAIMS;
import static com.aftercare.returns.rules.ClaimRules.MAX_DAYS;
import static com.aftercare.returns.rules.ClaimRules.MAX_POSITION;
import static com.aftercare.returns.rules.ClaimRules.MAX_YEN;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.order.PaymentMethod;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import com.aftercare.returns.rules.ClaimRules.Draft;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checks of a rule as the editor's form sends it, pure: every field parsed, the first bad one
 * refused by name ({@link InvalidValue}), so an add and a change refuse the same things.
 */
final class DraftChecks {

    private static final int MAX_NAME = 100;
    private static final int MAX_REASON = 1000;
    private static final int MAX_PRODUCTS = 200;

    private DraftChecks() {}

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
}
