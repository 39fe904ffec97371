package com.aftercare.web.api;

import com.aftercare.domain.shared.Text;
import com.aftercare.web.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON bodies of the API must be UTF-8 (RFC 8259), byte for byte: one that is not is refused
 * (400, field {@code body}) instead of being decoded with U+FFFD in place of the bytes, which
 * stored damaged names and could turn one event id into another. The one place for every JSON
 * body, however a controller reads it (text, bytes for a signature); the body is read once, after
 * {@link BodyLimitFilter} bounded it, and handed on unchanged. A lone surrogate written as a JSON
 * escape ({@code "\ud800"}) is valid UTF-8 and is refused where the JSON is parsed ({@link JsonBodies}).
 */
class Utf8Bodies extends OncePerRequestFilter {

    static final String DETAIL = "body: is not valid UTF-8";

    private static final Pattern JSON_TYPE = Pattern.compile("application/([\\w.+-]+\\+)?json\\b.*");

    private final ProblemWriter problems;

    Utf8Bodies(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !JSON_TYPE.matcher(type.toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyLimitFilter.TooLarge e) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Body too large", BodyLimitFilter.DETAIL);
            return;
        }
        if (Text.utf8(body).isEmpty()) {
            ProblemDetail problem = ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Invalid request", DETAIL);
            problem.setProperty("errors", List.of(Map.of("field", "body", "reason", "is not valid UTF-8")));
            problems.write(request.getRequestURI(), response, problem);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    /** The request with its body already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
