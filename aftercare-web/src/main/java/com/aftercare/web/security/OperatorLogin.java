package com.aftercare.web.security;

import com.aftercare.domain.operator.Operators;
import java.time.Clock;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Console users come from the operator table; their role becomes a Spring Security role. */
@Component
class OperatorLogin implements UserDetailsService {

    private final Operators operators;
    private final Clock clock;

    OperatorLogin(Operators operators, Clock clock) {
        this.operators = operators;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Operators.Account account = operators.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        boolean locked = account.lockedUntil() != null && account.lockedUntil().isAfter(clock.instant());
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .authorities(AuthorityUtils.createAuthorityList(
                        "ROLE_" + account.role().name()))
                .disabled(!account.enabled())
                .accountLocked(locked)
                .build();
    }
}
