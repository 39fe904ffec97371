package com.aftercare.web.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * An upload over the multipart limits ({@code spring.servlet.multipart.*}) fails where the body is
 * first read: in Spring Security's CSRF check, before any controller or advice could answer. So
 * the portal's multipart posts are read here first, ahead of security, and one over the limits
 * gets the portal's "too large" page (413) instead of a 500. Nothing has been written by then.
 */
@Component
class UploadLimitFilter extends OncePerRequestFilter implements Ordered {

    private final ThymeleafViewResolver views;
    private final LocaleResolver locales;

    UploadLimitFilter(ThymeleafViewResolver views, LocaleResolver locales) {
        this.views = views;
        this.locales = locales;
    }

    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod())
                || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                || !request.getRequestURI().startsWith(request.getContextPath() + "/portal/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | ServletException e) {
            if (!isOverTheLimits(e)) {
                throw e;
            }
            tooLarge(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        try {
            View page = views.resolveViewName(PortalViews.UPLOAD_TOO_LARGE, locales.resolveLocale(request));
            page.render(Map.of(), request, response);
        } catch (Exception e) {
            throw new ServletException("Could not render the upload-too-large page", e);
        }
    }

    private static boolean isOverTheLimits(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SizeException) {
                return true;
            }
        }
        return false;
    }
}
