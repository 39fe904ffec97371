package com.aftercare.web.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * Someone who gave the right password and still owes the second factor: a code from their app
 * ({@code mustEnrol} false), or, for an admin without one yet, setting it up. It carries no role,
 * so it opens nothing but the second-factor pages ({@link SecondFactorGate} sends it there).
 * Kept in the session, hence serializable like every authentication.
 */
public final class PendingSecondFactor extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final boolean mustEnrol;

    PendingSecondFactor(String username, boolean mustEnrol, Object details) {
        super(List.of());
        this.username = username;
        this.mustEnrol = mustEnrol;
        setDetails(details);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    public boolean mustEnrol() {
        return mustEnrol;
    }

    /** Where this person goes next. */
    String nextStep() {
        return mustEnrol ? SecondFactorSignIn.ENROL_PATH : SecondFactorSignIn.CODE_PATH;
    }
}
