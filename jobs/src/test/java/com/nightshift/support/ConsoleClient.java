package com.nightshift.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Uses the console as a browser does, without rendering it: a cookie jar for the session, form posts carrying the
 * CSRF token of the page last read, redirects not followed (so that a test sees where a form sends the reader).
 * For pages in a real browser engine, see the Selenium tests.
 */
public final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    /** The servlet container's session cookie. */
    private static final String SESSION_COOKIE = "JSESSIONID";

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    ConsoleClient(int port) {
        this.port = port;
    }

    /**
     * Logs in through the form and opens the page it leads to, as a browser does (a login changes the session's
     * CSRF token: the page carries the new one); fails the test unless the login succeeded.
     */
    public ConsoleClient logIn(TestUsers login) {
        HttpResponse<String> answer = logIn(login.user(), login.password());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error") || location.contains("wait=")) {
            throw new AssertionError("login as " + login.user() + " failed: " + answer.statusCode() + " "
                    + location);
        }
        get(location);
        return this;
    }

    /** Posts the login form with {@code user} and {@code password}, whatever the outcome. */
    public HttpResponse<String> logIn(String user, String password) {
        get("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", user);
        form.put("password", password);
        return post("/login", form);
    }

    /** The id of the session the server gave this browser, if it gave one. */
    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(SESSION_COOKIE))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** A browser of its own presenting {@code sessionId} as its session: a kept or stolen cookie, replayed. */
    public ConsoleClient presenting(String sessionId) {
        ConsoleClient other = new ConsoleClient(port);
        HttpCookie cookie = new HttpCookie(SESSION_COOKIE, sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        other.cookies.getCookieStore().add(uri("/"), cookie);
        return other;
    }

    /** A page (HTML asked for); remembers its CSRF token for the next post. */
    public HttpResponse<String> get(String path) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** Posts a form with the CSRF token of the last page read, as the page's own form would. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return submit("POST", path, fields);
    }

    /** Sends a form by any method (POST, or what a script might try), with the CSRF token of the last page read. */
    public HttpResponse<String> submit(String method, String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        return submitExactly(method, path, form);
    }

    /** Posts exactly these fields: no CSRF token unless given (a forged form). */
    public HttpResponse<String> postExactly(String path, Map<String, String> fields) {
        return submitExactly("POST", path, fields);
    }

    private HttpResponse<String> submitExactly(String method, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the console", e);
        }
    }

    private URI uri(String path) {
        return path.startsWith("http") ? URI.create(path) : URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
