package com.aftercare.web.security;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.operator.TwoFactor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The second step of signing in to the console. After the password, an operator who turned on
 * two-factor sign-in gives a code from their app (or a recovery code); an admin who has none yet
 * must set it up first ({@code aftercare.console.two-factor.required-for-admins}, on by default).
 * Until then they hold a {@link PendingSecondFactor}, which opens nothing. A wrong code counts as a
 * failed sign-in for the account's lockout and for the client's limit, like a wrong password.
 */
@Component
public class SecondFactorSignIn {

    static final String CODE_PATH = "/login/code";
    static final String ENROL_PATH = "/login/enrol";

    /** What became of a code. */
    public enum Outcome {
        SIGNED_IN,
        WRONG_CODE,
        LOCKED
    }

    private final TwoFactor twoFactor;
    private final Operators operators;
    private final OperatorLogin logins;
    private final LockoutProperties lockout;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final boolean requiredForAdmins;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SavedRequestAwareAuthenticationSuccessHandler toConsole =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SecondFactorSignIn(
            TwoFactor twoFactor,
            Operators operators,
            OperatorLogin logins,
            LockoutProperties lockout,
            LoginThrottle throttle,
            Clock clock,
            @Value("${aftercare.console.two-factor.required-for-admins:true}") boolean requiredForAdmins) {
        this.twoFactor = twoFactor;
        this.operators = operators;
        this.logins = logins;
        this.lockout = lockout;
        this.throttle = throttle;
        this.clock = clock;
        this.requiredForAdmins = requiredForAdmins;
        toConsole.setDefaultTargetUrl("/console");
    }

    /** Whether admins must have two-factor sign-in (they cannot turn it off, and set it up at sign-in). */
    public boolean requiredFor(Operators.Role role) {
        return requiredForAdmins && role == Operators.Role.ADMIN;
    }

    /** After a right password: on to the console, or to the second step. */
    AuthenticationSuccessHandler afterPassword() {
        return (request, response, authentication) -> {
            String username = authentication.getName();
            boolean enrolled = twoFactor.status(username).enabled();
            boolean mustEnrol = !enrolled
                    && operators.find(username).map(a -> requiredFor(a.role())).orElse(false);
            if (!enrolled && !mustEnrol) {
                toConsole.onAuthenticationSuccess(request, response, authentication);
                return;
            }
            PendingSecondFactor pending = new PendingSecondFactor(username, mustEnrol, authentication.getDetails());
            save(pending, request, response);
            response.sendRedirect(request.getContextPath() + pending.nextStep());
        };
    }

    /** The person half-way through signing in, if that is who is asking. */
    public static Optional<PendingSecondFactor> pending() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current instanceof PendingSecondFactor pending ? Optional.of(pending) : Optional.empty();
    }

    /** Checks the code of the person half-way through; signs them in when it is right. */
    public Outcome submitCode(
            PendingSecondFactor pending, String code, HttpServletRequest request, HttpServletResponse response) {
        String username = pending.getName();
        if (twoFactor.verify(username, code)) {
            complete(pending, request, response);
            return Outcome.SIGNED_IN;
        }
        throttle.failed(request.getRemoteAddr());
        if (operators.recordFailedLogin(username, clock.instant(), lockout.maxAttempts(), lockout.duration())) {
            abandon(request, response);
            return Outcome.LOCKED;
        }
        return Outcome.WRONG_CODE;
    }

    /** Signs in for good, with the operator's role as it is now, in a new session id. */
    public void complete(PendingSecondFactor pending, HttpServletRequest request, HttpServletResponse response) {
        UserDetails user = logins.loadUserByUsername(pending.getName());
        UsernamePasswordAuthenticationToken signedIn =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        signedIn.setDetails(pending.getDetails());
        // a new session id once the person is fully known: a fixed id planted before sign-in is worthless
        request.changeSessionId();
        save(signedIn, request, response);
    }

    /** Where the console sends a fully signed-in person next (the page they first asked for, or home). */
    public void continueToConsole(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            toConsole.onAuthenticationSuccess(
                    request, response, SecurityContextHolder.getContext().getAuthentication());
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException(e);
        }
    }

    private void abandon(HttpServletRequest request, HttpServletResponse response) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
