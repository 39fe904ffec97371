package com.aftercare.returns.rules;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.returns.FraudSignal;
import java.util.Set;

/**
 * A rule's condition on the claim's fraud signals: {@code ANY} (not asked), {@code NONE} (the claim
 * has none), {@code SOME} (it has at least one) or one named {@link FraudSignal}. Only a condition
 * that asks for no signal may stand in a REJECT rule: a signal never rejects by itself.
 */
public record SignalCondition(String code) {

    public static final SignalCondition ANY = new SignalCondition("ANY");
    public static final SignalCondition NONE = new SignalCondition("NONE");
    public static final SignalCondition SOME = new SignalCondition("SOME");

    public SignalCondition {
        if (code == null || !(code.equals("ANY") || code.equals("NONE") || code.equals("SOME") || isSignal(code))) {
            throw new InvalidValue("signal", "must be ANY, NONE, SOME or a signal");
        }
    }

    /** A blank choice is {@link #ANY}. */
    public static SignalCondition parse(String value) {
        return value == null || value.isBlank() ? ANY : new SignalCondition(value.strip());
    }

    /** Whether the condition asks for a signal to be present (not allowed in a REJECT rule). */
    public boolean needsSignal() {
        return code.equals("SOME") || isSignal(code);
    }

    boolean holds(Set<FraudSignal> signals) {
        return switch (code) {
            case "ANY" -> true;
            case "NONE" -> signals.isEmpty();
            case "SOME" -> !signals.isEmpty();
            default -> signals.contains(FraudSignal.valueOf(code));
        };
    }

    private static boolean isSignal(String code) {
        for (FraudSignal s : FraudSignal.values()) {
            if (s.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
