package com.aftercare.web.console.claims;

import com.aftercare.returns.FraudSignal;
import com.aftercare.returns.signals.SignalRules;
import com.aftercare.web.console.ConsoleMoney;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A claim's fraud signals as the operator reads them: the message key of each
 * ({@code fraudSignal.<SIGNAL>}, "why" in the shop's words) and its arguments made readable (yen
 * as yen). Only the numbers are stored with the signal, never a sentence, so the wording follows
 * the operator's language.
 */
@Component
class SignalWords {

    /** As many arguments as the longest message takes; a missing one (an erased customer's flag) reads as a dash. */
    private static final int ARGUMENTS = 3;

    private final ConsoleMoney money;

    SignalWords(ConsoleMoney money) {
        this.money = money;
    }

    /** One signal in words: {@code #messages.msgWithParams(key, arguments)}. */
    record Shown(FraudSignal signal, String key, Object[] arguments) {}

    List<Shown> of(List<SignalRules.Found> found) {
        return found.stream()
                .map(f -> new Shown(f.signal(), "fraudSignal." + f.signal().name(), arguments(f)))
                .toList();
    }

    private Object[] arguments(SignalRules.Found found) {
        List<Object> out = new ArrayList<>(found.arguments());
        if (found.signal() == FraudSignal.QUICK_HIGH_VALUE && out.size() == 2) {
            out.set(1, money.yen(Long.valueOf(found.arguments().get(1))));
        }
        while (out.size() < ARGUMENTS) {
            out.add("—");
        }
        return out.toArray();
    }
}
