package com.aftercare.web.problem;

import com.aftercare.domain.shared.Text;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

/**
 * The one place where a request whose parameters cannot be read is refused, for every page and
 * form (portal, console, login): a query or form body that is not UTF-8 (a lone surrogate such as
 * {@code %ED%A0%80} is not), a malformed {@code multipart/form-data} body, or a text field of a
 * multipart form that is not UTF-8. Tomcat would otherwise throw where the parameters are first
 * read (security's CSRF check, a locale interceptor, a controller), as a 500, or, for the text
 * fields of a multipart form, silently replace the bytes it cannot decode.
 *
 * <p>It runs before security and after {@code UploadLimitFilter}, which answers a too-large upload
 * with its own page first. The API takes JSON only: a multipart body there is refused unread (415).
 */
@Component
class UnreadableRequests extends OncePerRequestFilter implements Ordered {

    private final ProblemWriter problems;

    UnreadableRequests(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 5;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean multipart = isMultipart(request);
        if (multipart && ProblemWriter.isApi(request.getRequestURI(), request.getContextPath())) {
            problems.write(
                    request,
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported media type",
                    "The API takes application/json bodies, not multipart/form-data");
            return;
        }
        try {
            if (multipart) {
                // Tomcat keeps a multipart body's parse failure for getParts(), not getParameterMap()
                request.getParts();
            }
            request.getParameterMap();
            if (multipart && !textFieldsAreUtf8(request)) {
                refuse(request, response, "A text field of the multipart/form-data body is not valid UTF-8");
                return;
            }
        } catch (IllegalStateException | ServletException | IOException e) {
            if (isOverTheLimits(e)) {
                // a too-large upload: the limits' own answer (413) is given further on
                chain.doFilter(request, response);
                return;
            }
            if (e instanceof InvalidParameterException tomcat
                    && tomcat.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                problems.refuse(
                        request,
                        response,
                        HttpStatus.CONTENT_TOO_LARGE,
                        "Body too large",
                        "The form body is larger than the server takes",
                        "error.unreadable.tooLarge");
                return;
            }
            refuse(
                    request,
                    response,
                    multipart
                            ? "The multipart/form-data body is malformed"
                            : "The query string or form body is not valid UTF-8 or is malformed");
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        logger.info("Unreadable request to " + request.getRequestURI() + " refused: " + detail);
        if (isMultipart(request)) {
            // The error page is rendered on an error dispatch of this same request; the
            // DispatcherServlet parses a multipart body again there unless it knows that failed.
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MultipartException(detail));
        }
        problems.refuse(
                request, response, HttpStatus.BAD_REQUEST, "Unreadable request", detail, "error.unreadable.text");
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** Tomcat decodes a multipart form's text fields leniently; the bytes themselves tell. */
    private static boolean textFieldsAreUtf8(HttpServletRequest request) throws IOException, ServletException {
        for (Part part : request.getParts()) {
            if (part.getSubmittedFileName() == null) {
                try (InputStream in = part.getInputStream()) {
                    if (Text.utf8(in.readAllBytes()).isEmpty()) {
                        return false;
                    }
                }
            }
        }
        return true;
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
