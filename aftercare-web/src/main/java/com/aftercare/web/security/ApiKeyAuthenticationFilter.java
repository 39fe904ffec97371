package com.aftercare.web.security;

import com.aftercare.domain.storefront.Storefronts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <api key>} and, when the key is known and not revoked,
 * authenticates the request as that key's storefront. Anything else stays anonymous and is
 * answered 401 by the API's entry point.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final Storefronts storefronts;

    ApiKeyAuthenticationFilter(Storefronts storefronts) {
        this.storefronts = storefronts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BearerToken.of(request).flatMap(storefronts::authenticate).ifPresent(storefront -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new StorefrontAuthentication(storefront));
            SecurityContextHolder.setContext(context);
        });
        chain.doFilter(request, response);
    }
}
