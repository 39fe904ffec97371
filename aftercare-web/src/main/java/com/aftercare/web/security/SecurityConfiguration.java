package com.aftercare.web.security;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two doors: the storefront API, stateless behind per-storefront API keys, and everything a
 * person uses (console, portal), behind a session with CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Storefronts storefronts, ProblemWriter problems) throws Exception {
        return http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookies are ever honoured here, so there is no session to forge a request into.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(storefronts), BasicAuthenticationFilter.class)
                // Shopify and LINE sign their webhooks instead of sending a key: the controllers check the signature.
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers("/api/v1/webhooks/shopify/*", "/api/v1/webhooks/line/*")
                                .permitAll()
                                .anyRequest()
                                .hasRole("STOREFRONT"))
                .exceptionHandling(e -> ProblemDenials.answer(
                        e,
                        problems,
                        "Send a valid, unrevoked storefront API key as 'Authorization: Bearer <key>'",
                        "This key may not do that"))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain people(HttpSecurity http, LoginThrottle throttle, SecondFactorSignIn secondFactor)
            throws Exception {
        return http.addFilterBefore(
                        throttle.filter("/login", SecondFactorSignIn.CODE_PATH, SecondFactorSignIn.ENROL_PATH),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SecondFactorGate(), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/portal/**",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/favicon.ico",
                                "/error",
                                "/login",
                                SecondFactorSignIn.CODE_PATH,
                                SecondFactorSignIn.ENROL_PATH,
                                "/")
                        .permitAll()
                        .requestMatchers("/console/admin/**")
                        .hasRole("ADMIN")
                        // every operator may open one customer's email and phone (audited); a CSV of
                        // many customers with them whole is a supervisor's decision
                        .requestMatchers(SecurityConfiguration::revealsInBulk)
                        .hasAnyRole("SUPERVISOR", "ADMIN")
                        // supervisors keep the desk's shared knowledge (operators use it from an inquiry),
                        // its teams, rules, automations and macros (operators apply macros from an inquiry), its
                        // figures, and reassign inquiries; they flag a claim's customer as suspicious; they design step
                        // mail and
                        // marketing; a customer's full
                        // bank account is only for those who make the transfers; a disclosure of
                        // everything about a customer and an erasure are theirs to answer too, as is
                        // merging two records of one person
                        .requestMatchers(
                                "/console/canned-responses/**",
                                "/console/faq/**",
                                "/console/teams/**",
                                "/console/assignment-rules/**",
                                "/console/automations/**",
                                "/console/macros/**",
                                "/console/figures/**",
                                "/console/inquiries/*/reassign",
                                "/console/claims/*/bank-account",
                                "/console/claims/*/customer-flag",
                                "/console/claims/*/customer-flag/**",
                                "/console/customers/*/privacy",
                                "/console/customers/*/privacy/**",
                                "/console/customers/*/merge",
                                "/console/stepmail/**",
                                "/console/mail/**",
                                "/console/marketing/**",
                                "/console/policies/**",
                                "/console/returns/settings",
                                "/console/returns/settings/**")
                        .hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers("/console/**")
                        .hasAnyRole("OPERATOR", "SUPERVISOR", "ADMIN")
                        .anyRequest()
                        .denyAll())
                // One-click opt-out (RFC 8058) comes from mailbox providers without any token of ours;
                // the signed link is the proof, and no session is involved.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/portal/unsubscribe"))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(secondFactor.afterPassword())
                        .failureHandler(loginFailures())
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }

    /**
     * A customer export asking for email and phone whole. Any value but {@code false} counts, so a
     * spelling the controller would read as true ({@code 1}, {@code on}) never slips past.
     */
    private static boolean revealsInBulk(HttpServletRequest request) {
        String reveal = request.getParameter("reveal");
        return reveal != null
                && !reveal.equalsIgnoreCase("false")
                && request.getRequestURI().startsWith(request.getContextPath() + "/console/search/export");
    }

    /**
     * A locked account gets its own message (the person must wait or call an admin); every other
     * failure, an unknown username included, gets the one "wrong username or password" answer.
     */
    private static AuthenticationFailureHandler loginFailures() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        return handler;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
