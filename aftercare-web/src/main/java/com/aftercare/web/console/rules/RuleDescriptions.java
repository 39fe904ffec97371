package com.aftercare.web.console.rules;

import com.aftercare.returns.rules.ApprovalRule;
import com.aftercare.returns.rules.Bounds;
import com.aftercare.returns.rules.GuaranteeUse;
import com.aftercare.returns.rules.RuleConditions;
import com.aftercare.returns.rules.SignalCondition;
import com.aftercare.web.console.ConsoleMoney;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A rule's conditions in the supervisor's words, one short phrase each, for the editor's list:
 * every code through the messages ({@code requestType.*}, {@code returnReason.*}, {@code payment.*},
 * {@code rules.signal.*}), amounts as yen. Templates call it as
 * {@code ${@ruleDescriptions.conditions(rule, #locale)}}.
 */
@Component("ruleDescriptions")
public class RuleDescriptions {

    private final MessageSource messages;
    private final ConsoleMoney money;

    RuleDescriptions(MessageSource messages, ConsoleMoney money) {
        this.messages = messages;
        this.money = money;
    }

    public List<String> conditions(ApprovalRule rule, Locale locale) {
        RuleConditions c = rule.when();
        List<String> out = new ArrayList<>();
        codes(out, locale, "rules.describe.types", "requestType.", names(c.types()));
        codes(out, locale, "rules.describe.reasons", "returnReason.", names(c.reasons()));
        words(out, locale, "rules.describe.categories", c.categories());
        words(out, locale, "rules.describe.skus", c.skus());
        bounds(out, locale, "rules.describe.amount", c.amountYen(), money::yen);
        bounds(out, locale, "rules.describe.days", c.daysSinceDelivery(), String::valueOf);
        bounds(out, locale, "rules.describe.claims", c.claimsLast12Months(), String::valueOf);
        if (c.guaranteeUse() != GuaranteeUse.ANY) {
            out.add(say(locale, "rules.guaranteeUse." + c.guaranteeUse().name()));
        }
        codes(out, locale, "rules.describe.payments", "payment.", c.paymentMethods());
        if (!c.signal().equals(SignalCondition.ANY)) {
            out.add(say(
                    locale,
                    "rules.describe.signal",
                    say(locale, "rules.signal." + c.signal().code())));
        }
        return out;
    }

    private void codes(List<String> out, Locale locale, String key, String prefix, Collection<String> codes) {
        if (!codes.isEmpty()) {
            List<String> labels = codes.stream()
                    .sorted()
                    .map(code -> say(locale, prefix + code))
                    .toList();
            out.add(say(locale, key, String.join("・", labels)));
        }
    }

    private void words(List<String> out, Locale locale, String key, Collection<String> words) {
        if (!words.isEmpty()) {
            out.add(say(locale, key, String.join("、", words.stream().sorted().toList())));
        }
    }

    private void bounds(List<String> out, Locale locale, String key, Bounds bounds, LongFunction<String> format) {
        if (!bounds.isAny()) {
            out.add(say(
                    locale,
                    key,
                    bounds.min() == null ? "" : format.apply(bounds.min()),
                    bounds.max() == null ? "" : format.apply(bounds.max())));
        }
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private String say(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
