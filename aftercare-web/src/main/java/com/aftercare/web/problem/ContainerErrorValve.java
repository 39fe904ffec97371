package com.aftercare.web.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat's answer to what it refuses itself, before the application sees the request: a request
 * line or headers over the size limit (a 20 KB {@code Authorization}, a 10k-character query), an
 * encoded {@code /} or a NUL in the path. Tomcat's own valve writes an English HTML page; this one
 * writes a problem on the API and a short page in the person's language elsewhere. Nothing of the
 * application runs for such a request, so the page stands alone (no layout, no session).
 */
class ContainerErrorValve extends ErrorReportValve {

    private final ProblemWriter problems;
    private final MessageSource messages;

    ContainerErrorValve(ProblemWriter problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        String path = pathOf(request);
        String body;
        try {
            if (ProblemWriter.isApi(path, "")) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                body = problems.json(path, status, status.getReasonPhrase(), detail(status));
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                body = page(status, localeOf(request));
            }
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response cannot take a body: nothing more to say
        }
    }

    private static String detail(HttpStatus status) {
        return status.is5xxServerError()
                ? "The server could not process the request"
                : "The request was refused before it reached the API: its request line or headers are too"
                        + " large (8 KB in all), or its path holds an encoded '/' or a control character";
    }

    private String page(HttpStatus status, Locale locale) {
        String title = messages.getMessage(status.is5xxServerError() ? "error.title" : "error.400.title", null, locale);
        String text = messages.getMessage(
                status.is5xxServerError() ? "error.unexpected" : "error.container.text", null, locale);
        return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/css/console.css\"></head><body><main id=\"main\" class=\"narrow\">"
                + "<h1 id=\"error-title\">" + HtmlUtils.htmlEscape(title) + "</h1>"
                + "<p class=\"alert error\" role=\"alert\">" + HtmlUtils.htmlEscape(text) + " (" + status.value()
                + ")</p>"
                + "</main></body></html>";
    }

    /**
     * The path Tomcat parsed; for a request line over the limit (a 10k-character query), which
     * never ended, the start of the line still in Tomcat's input buffer ({@code GET /api/…}).
     */
    private static String pathOf(Request request) {
        try {
            String uri = request.getRequestURI();
            if (uri != null && !uri.isEmpty()) {
                return uri;
            }
            if (request.getCoyoteRequest().getInputBuffer() instanceof ApplicationBufferHandler buffered
                    && buffered.getByteBuffer() != null
                    && buffered.getByteBuffer().hasArray()) {
                ByteBuffer buffer = buffered.getByteBuffer();
                String line = new String(
                        buffer.array(),
                        buffer.arrayOffset(),
                        Math.min(buffer.capacity(), 256),
                        StandardCharsets.ISO_8859_1);
                Matcher start = REQUEST_LINE.matcher(line);
                return start.lookingAt() ? start.group(1) : null;
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A request line's method and the path up to its query, as far as it got. */
    private static final Pattern REQUEST_LINE = Pattern.compile("[A-Z]{3,10} (/[^ ?#]*)");

    /**
     * English when the browser prefers it, else Japanese: the language cookie may be what was
     * refused, and the headers may not have been read at all.
     */
    private static Locale localeOf(Request request) {
        try {
            String accepted = request.getHeader("Accept-Language");
            return accepted != null && accepted.toLowerCase(Locale.ROOT).startsWith("en")
                    ? Locale.ENGLISH
                    : Locale.JAPANESE;
        } catch (RuntimeException e) {
            return Locale.JAPANESE;
        }
    }
}
