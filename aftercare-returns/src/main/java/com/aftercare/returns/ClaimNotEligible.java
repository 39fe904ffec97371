package com.aftercare.returns;

import com.aftercare.domain.shared.InvalidValue;
import java.util.List;

/**
 * The policy rules refuse the request for a line (window passed, final sale, guarantee used…) or
 * for the whole order (cancelled, not delivered yet). Carries the rules' message key and its
 * arguments, so the portal and the console explain it in the customer's words.
 */
public class ClaimNotEligible extends InvalidValue {

    private final String messageKey;
    private final List<Object> arguments;

    ClaimNotEligible(String field, String messageKey, List<Object> arguments) {
        super(field, "is not eligible: " + messageKey + (arguments.isEmpty() ? "" : " " + arguments));
        this.messageKey = messageKey;
        this.arguments = List.copyOf(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
