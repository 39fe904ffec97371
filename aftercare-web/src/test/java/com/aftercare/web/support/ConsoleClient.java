package com.aftercare.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console over plain HTTP, with cookies and the CSRF token a browser would carry: for tests
 * about what the server answers (status codes, what was written) rather than what a page does.
 */
public final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;
    private final String forwardedFor;

    public ConsoleClient(int port) {
        this(port, null);
    }

    /**
     * A client behind a proxy on this machine, which names the client's address in {@code
     * X-Forwarded-For}: the server trusts a loopback proxy, so each such client counts as its own
     * address (for the per-client login and portal limits).
     */
    public ConsoleClient(int port, String forwardedFor) {
        this.base = "http://127.0.0.1:" + port;
        this.forwardedFor = forwardedFor;
    }

    public static ConsoleClient loggedInAsAdmin(int port) {
        return loggedInAs(port, "admin", TestEnvironment.ADMIN_PASSWORD);
    }

    public static ConsoleClient loggedInAs(int port, String username, String password) {
        ConsoleClient client = new ConsoleClient(port);
        HttpResponse<String> login =
                client.postForm("/login", "/login", Map.of("username", username, "password", password));
        if (!login.headers().firstValue("Location").orElse("").endsWith("/console")) {
            throw new IllegalStateException(username + " could not log in: " + login.headers());
        }
        return client;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET as htmx sends it (header {@code HX-Request: true}), which asks for a fragment. */
    public HttpResponse<String> getAsHtmx(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("HX-Request", "true")
                .GET());
    }

    /** A download: the raw bytes and the headers. */
    public HttpResponse<byte[]> download(String path) {
        return fetch(path, HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * A download read as it arrives: the body is taken from the connection only as the caller
     * reads it (HttpClient asks for more only then), so a caller that stops reading leaves the
     * server to wait with the rest.
     */
    public HttpResponse<InputStream> open(String path) {
        return fetch(path, HttpResponse.BodyHandlers.ofInputStream());
    }

    private <T> HttpResponse<T> fetch(String path, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form the way the page at {@code formPage} would, with that page's CSRF token. */
    public HttpResponse<String> postForm(String formPage, String path, Map<String, String> fields) {
        Matcher csrf = CSRF.matcher(get(formPage).body());
        if (!csrf.find()) {
            throw new IllegalStateException(formPage + " carries no CSRF token");
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        return postWithoutToken(path, all);
    }

    /** Posts a form with no CSRF token, as a forged cross-site request would. */
    public HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A file in a multipart form. */
    public record FilePart(String field, String filename, String contentType, byte[] content) {}

    /**
     * Posts a multipart form (fields and files) the way the page at {@code formPage} would, with
     * that page's CSRF token among the fields.
     */
    public HttpResponse<String> postMultipart(
            String formPage, String path, Map<String, String> fields, java.util.List<FilePart> files) {
        return postMultipartWithToken(csrfTokenOf(formPage), path, fields, files);
    }

    /** The CSRF token the page at {@code formPage} carries, for a test that posts at a moment of its choosing. */
    public String csrfTokenOf(String formPage) {
        Matcher csrf = CSRF.matcher(get(formPage).body());
        if (!csrf.find()) {
            throw new IllegalStateException(formPage + " carries no CSRF token");
        }
        return csrf.group(1);
    }

    /** Posts a multipart form with a CSRF token read before ({@link #csrfTokenOf}). */
    public HttpResponse<String> postMultipartWithToken(
            String csrfToken, String path, Map<String, String> fields, java.util.List<FilePart> files) {
        String boundary = "----aftercare" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfToken);
        all.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                            + "\"; filename=\"" + file.filename() + "\"\r\nContent-Type: " + file.contentType()
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The CSRF token the page at {@code formPage} carries, for a body a test writes byte by byte. */
    public String csrfToken(String formPage) {
        Matcher csrf = CSRF.matcher(get(formPage).body());
        if (!csrf.find()) {
            throw new IllegalStateException(formPage + " carries no CSRF token");
        }
        return csrf.group(1);
    }

    /** Posts these exact bytes (a body no browser would send: broken, or not UTF-8). */
    public HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A cookie this client sends from now on, beside the session's (a value no server would set). */
    public void addCookie(String name, String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().add(URI.create(base + "/"), cookie);
    }

    /** A GET with extra headers as name, value pairs (a cookie, a preferred language). */
    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            // what a browser sends, so error answers come as pages, as a person would see them
            request.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
