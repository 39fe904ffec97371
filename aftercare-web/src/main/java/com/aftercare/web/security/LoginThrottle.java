package com.aftercare.web.security;

import com.aftercare.web.ratelimit.RateBuckets;
import io.github.bucket4j.BucketConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed console sign-ins per client address, on top of the per-account lockout: someone trying
 * one password against many usernames never locks an account, so the address they come from runs
 * out instead. Every failure (wrong password, unknown user, wrong second-factor code) takes a
 * token; with none left, a sign-in from that address is refused before any password is checked
 * until the window refills it, whatever the account. The buckets are shared by every instance
 * ({@link RateBuckets}); behind a proxy the address is the forwarded one.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final RateBuckets buckets;
    private final BucketConfiguration perClient;
    private final Duration window;

    LoginThrottle(
            RateBuckets buckets,
            @Value("${aftercare.console.login.failures-per-client:20}") int failures,
            @Value("${aftercare.console.login.window:15m}") Duration window) {
        this.buckets = buckets;
        this.perClient = RateBuckets.limit(failures, window);
        this.window = window;
    }

    boolean allows(String client) {
        return buckets.hasRoom(key(client), perClient);
    }

    void failed(String client) {
        if (!buckets.take(key(client), perClient)) {
            log.warn("Console sign-ins from {} refused for up to {}: too many failures", client, window);
        }
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            failed(details.getRemoteAddress());
        }
    }

    private static String key(String client) {
        return "login-client:" + client;
    }

    /** Refuses a sign-in attempt (a POST to one of {@code paths}) from an address that has run out. */
    OncePerRequestFilter filter(String... paths) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                if (!"POST".equals(request.getMethod())) {
                    return true;
                }
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                for (String p : paths) {
                    if (p.equals(path)) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (allows(request.getRemoteAddr())) {
                    chain.doFilter(request, response);
                } else {
                    response.setHeader("Retry-After", Long.toString(window.toSeconds()));
                    response.sendRedirect(request.getContextPath() + "/login?throttled");
                }
            }
        };
    }
}
