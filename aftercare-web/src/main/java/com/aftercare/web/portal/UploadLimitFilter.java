package com.aftercare.web.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * An upload over the multipart limits ({@code spring.servlet.multipart.*}) fails where the body is
 * first read: in Spring Security's CSRF check, before any controller or advice could answer. So
 * the portal's and the console's multipart posts are read here first, ahead of security, and one
 * over the limits gets a "too large" answer (413) instead of a 500. Nothing has been written by
 * then.
 *
 * <p>Spring's limits are one pair for the whole application and sized for the console's order
 * CSV imports (a mall's 100k-row export is about 20 MB); the portal's photos keep their own,
 * smaller limits ({@code aftercare.portal.max-photo-size}, {@code max-upload-size}), checked
 * here on each part. A body that is malformed rather than too large is left to
 * {@code UnreadableRequests}, the next filter, which refuses it for every path.
 */
@Component
class UploadLimitFilter extends OncePerRequestFilter implements Ordered {

    private final ThymeleafViewResolver views;
    private final LocaleResolver locales;
    private final DataSize maxPhoto;
    private final DataSize maxUpload;

    UploadLimitFilter(
            ThymeleafViewResolver views,
            LocaleResolver locales,
            @Value("${aftercare.portal.max-photo-size:10MB}") DataSize maxPhoto,
            @Value("${aftercare.portal.max-upload-size:60MB}") DataSize maxUpload) {
        this.views = views;
        this.locales = locales;
        this.maxPhoto = maxPhoto;
        this.maxUpload = maxUpload;
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
                || !(isPortal(request) || request.getRequestURI().startsWith(request.getContextPath() + "/console/"));
    }

    private static boolean isPortal(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/portal/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isPortal(request) && request.getContentLengthLong() > maxUpload.toBytes()) {
            // said up front: not even spooled to disk (anyone may post to the portal)
            tooLarge(request, response);
            return;
        }
        Collection<Part> parts;
        try {
            parts = request.getParts();
        } catch (IllegalStateException | ServletException | IOException e) {
            if (!isOverTheLimits(e)) {
                // malformed rather than too large: refused next in the chain (UnreadableRequests)
                chain.doFilter(request, response);
                return;
            }
            tooLarge(request, response);
            return;
        }
        if (isPortal(request) && !withinThePortalsLimits(parts)) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean withinThePortalsLimits(Collection<Part> parts) {
        long total = 0;
        for (Part part : parts) {
            if (part.getSize() > maxPhoto.toBytes()) {
                return false;
            }
            total += part.getSize();
        }
        return total <= maxUpload.toBytes();
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!isPortal(request)) {
            // the console's error page, through the error dispatch
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
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
