package com.aftercare.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problems from places that run before Spring MVC (security, size limits),
 * in the same shape as the API's {@code ApiProblems} gives from controllers.
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /**
     * A problem as every part of the API answers it: the status, a title that names the kind of
     * failure, and the detail of this one ({@code ApiProblems} builds its answers here too).
     */
    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        write(request.getRequestURI(), response, status, title, detail);
    }

    /** A problem about {@code path}, which is not the request's own on an error dispatch. */
    public void write(String path, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        write(path, response, problem(status, title, detail));
    }

    /** A problem built by the caller (with {@code errors}, say) about {@code path}. */
    public void write(String path, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(json(path, problem).getBytes(StandardCharsets.UTF_8));
    }

    /** The problem as JSON text, for writers that have no servlet response (Tomcat's error valve). */
    public String json(String path, HttpStatus status, String title, String detail) {
        return json(path, problem(status, title, detail));
    }

    private String json(String path, ProblemDetail problem) {
        problem.setInstance(instance(path));
        return json.writeValueAsString(problem);
    }

    /**
     * Refuses a request that cannot be read, before any controller: a problem on the API, and for
     * people the error page (through the container's error dispatch) saying why, in their language.
     *
     * @param reasonKey the message key of the page's explanation
     */
    public void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String title,
            String detail,
            String reasonKey)
            throws IOException {
        if (isApi(request.getRequestURI(), request.getContextPath())) {
            write(request, response, status, title, detail);
            return;
        }
        request.setAttribute(ErrorPages.REASON_KEY, reasonKey);
        request.setAttribute(ErrorPages.DETAIL, detail);
        response.sendError(status.value());
    }

    /** Whether a path is the storefront API's, which answers problems instead of pages. */
    public static boolean isApi(String uri, String contextPath) {
        return uri != null && uri.startsWith((contextPath == null ? "" : contextPath) + "/api/");
    }

    /** The path as a URI reference; a path Tomcat refused may not be one, and is then left out. */
    private static URI instance(String path) {
        try {
            return path == null ? null : URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
