package com.aftercare.web.console.marketing;

import com.aftercare.domain.operator.Operators;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Console sessions of each role, for the marketing pages. */
final class MarketingConsole {

    private static final String PASSWORD = "marketing-password-1";

    private MarketingConsole() {}

    static ConsoleClient as(Operators.Role role, Operators operators, PasswordEncoder encoder, int port) {
        String username = Events.unique(role.name().toLowerCase());
        operators.create(username, encoder.encode(PASSWORD), "販促 " + role, role);
        return ConsoleClient.loggedInAs(port, username, PASSWORD);
    }
}
