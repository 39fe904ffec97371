package com.aftercare.web.console;

import com.aftercare.domain.operator.Operators;
import org.springframework.stereotype.Component;

/**
 * What a page shows for an operator: their display name, never the username they sign in with
 * (issue #14 §4). Templates call it as {@code ${@operatorNames.of(username)}}; a name that is no
 * operator's (an actor such as the system, an operator since removed) is shown as it was recorded.
 */
@Component("operatorNames")
public class OperatorNames {

    private final Operators operators;

    OperatorNames(Operators operators) {
        this.operators = operators;
    }

    public String of(String username) {
        if (username == null) {
            return null;
        }
        return operators.find(username).map(Operators.Account::displayName).orElse(username);
    }
}
