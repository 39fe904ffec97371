package com.aftercare.web.security;

import com.aftercare.web.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The third door, for Prometheus: {@code /actuator/prometheus} answers a scraper that sends
 * {@code Authorization: Bearer <AFTERCARE_METRICS_TOKEN>}, or an admin signed in to the console;
 * anyone else gets a 401 problem. Prometheus sends a bearer token natively ({@code authorization}
 * in a scrape config), which a session login is not made for.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain metrics(
            HttpSecurity http, ProblemWriter problems, @Value("${aftercare.metrics.token:}") String token)
            throws Exception {
        return http.securityMatcher("/actuator/prometheus")
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ScrapeTokenFilter(token), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole("ADMIN", "METRICS"))
                .exceptionHandling(e -> ProblemDenials.answer(
                        e,
                        problems,
                        "Send 'Authorization: Bearer <AFTERCARE_METRICS_TOKEN>', or sign in as an admin",
                        "Metrics are for admins"))
                .build();
    }

    /** Authenticates a request carrying the configured scrape token; none configured, none accepted. */
    static final class ScrapeTokenFilter extends OncePerRequestFilter {

        private final byte[] expectedHash;

        ScrapeTokenFilter(String token) {
            this.expectedHash = token == null || token.isBlank() ? null : DigestUtils.sha256(token.strip());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (expectedHash != null) {
                BearerToken.of(request)
                        // hashes of equal length compared in constant time: the token's length leaks nothing either
                        .filter(sent -> MessageDigest.isEqual(expectedHash, DigestUtils.sha256(sent)))
                        .ifPresent(sent -> {
                            SecurityContext context = SecurityContextHolder.createEmptyContext();
                            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                    "prometheus", null, List.of(new SimpleGrantedAuthority("ROLE_METRICS"))));
                            SecurityContextHolder.setContext(context);
                        });
            }
            chain.doFilter(request, response);
        }
    }
}
