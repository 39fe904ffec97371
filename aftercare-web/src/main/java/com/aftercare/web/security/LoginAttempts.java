package com.aftercare.web.security;

import com.aftercare.domain.operator.Operators;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an operator after too many consecutive wrong passwords, and forgets the count on a good
 * login. Spring Security publishes the events; the operator row keeps the state, so the lockout
 * holds across restarts and across instances.
 *
 * <p>An unknown username raises the same bad-credentials event (Spring hides "user not found"),
 * and the update simply finds no row: the person at the keyboard learns nothing either way.
 */
@Component
@EnableConfigurationProperties(LockoutProperties.class)
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final Operators operators;
    private final LockoutProperties lockout;
    private final Clock clock;

    LoginAttempts(Operators operators, LockoutProperties lockout, Clock clock) {
        this.operators = operators;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** A lock is audited by {@link Operators#recordFailedLogin}, in the same transaction. */
    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String username = event.getAuthentication().getName();
        if (operators.recordFailedLogin(username, clock.instant(), lockout.maxAttempts(), lockout.duration())) {
            log.warn("Console user locked for {} after {} failed logins", lockout.duration(), lockout.maxAttempts());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            operators.recordSuccessfulLogin(event.getAuthentication().getName());
        }
    }
}
