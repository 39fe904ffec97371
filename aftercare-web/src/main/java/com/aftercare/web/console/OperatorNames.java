package com.aftercare.web.console;

import com.aftercare.domain.operator.Operators;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a page shows for an operator: their display name, never the username they sign in with
 * (issue #14 §4). Templates call it as {@code ${@operatorNames.of(username)}}; a name that is no
 * operator's is an actor the platform records itself ({@code customer}, {@code demo}, {@code system}),
 * said through {@code actor.<name>}, or else an operator since removed, shown as it was recorded.
 */
@Component("operatorNames")
public class OperatorNames {

    private final Operators operators;
    private final MessageSource messages;

    OperatorNames(Operators operators, MessageSource messages) {
        this.operators = operators;
        this.messages = messages;
    }

    public String of(String username) {
        if (username == null) {
            return null;
        }
        return operators.find(username).map(Operators.Account::displayName).orElseGet(() -> {
            String actor = messages.getMessage("actor." + username, null, null, LocaleContextHolder.getLocale());
            return actor != null ? actor : username;
        });
    }
}
