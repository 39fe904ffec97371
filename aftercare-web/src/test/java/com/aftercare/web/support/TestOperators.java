package com.aftercare.web.support;

import com.aftercare.domain.operator.Operators;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Console users made per test, with a real password hash so they can log in over HTTP. */
public final class TestOperators {

    public static final String PASSWORD = "operator-パスワード-1";

    private TestOperators() {}

    /** A new operator with a unique username (which sorts in creation order within one test). */
    public static String create(Operators operators, PasswordEncoder passwords, Operators.Role role) {
        String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(username, passwords.encode(PASSWORD), "担当 " + username, role);
        return username;
    }
}
