package com.nightshift.reports.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nightshift.support.TestUsers;

/**
 * A console session that downloads files as bytes ({@code support.ConsoleClient} reads every answer as text, which
 * would mangle a PDF): logged in through the login form, as a browser is.
 */
final class ConsoleDownload {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ConsoleDownload(int port) {
        this.port = port;
    }

    static ConsoleDownload loggedIn(int port, TestUsers login) {
        ConsoleDownload session = new ConsoleDownload(port);
        Matcher token = CSRF.matcher(new String(session.get("/login").body(), StandardCharsets.UTF_8));
        if (!token.find()) {
            throw new AssertionError("the login page has no CSRF token");
        }
        String form = "username=" + encode(login.user()) + "&password=" + encode(login.password()) + "&_csrf="
                + encode(token.group(1));
        HttpResponse<byte[]> answer = session.send(HttpRequest.newBuilder(session.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("login as " + login.user() + " failed: " + answer.statusCode());
        }
        return session;
    }

    HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while downloading", e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
