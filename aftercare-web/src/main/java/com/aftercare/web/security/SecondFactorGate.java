package com.aftercare.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps someone who owes the second factor on its page: anything else they ask for sends them
 * back there (signing out, the styles and the error page excepted), so a half-signed-in session
 * sees no console page and no 403 either.
 */
class SecondFactorGate extends OncePerRequestFilter {

    private static final List<String> OPEN =
            List.of(SecondFactorSignIn.CODE_PATH, SecondFactorSignIn.ENROL_PATH, "/logout", "/error", "/favicon.ico");
    private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/webjars/");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var pending = SecondFactorSignIn.pending();
        if (pending.isPresent()
                && !open(request.getRequestURI()
                        .substring(request.getContextPath().length()))) {
            response.sendRedirect(request.getContextPath() + pending.get().nextStep());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean open(String path) {
        return OPEN.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
