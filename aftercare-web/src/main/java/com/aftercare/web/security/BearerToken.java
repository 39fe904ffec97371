package com.aftercare.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** The token of an {@code Authorization: Bearer <token>} header, the scheme matched case-insensitively. */
final class BearerToken {

    private static final String BEARER = "Bearer ";

    private BearerToken() {}

    static Optional<String> of(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }
}
