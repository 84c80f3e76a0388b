package com.nightshift.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Calls the engine's HTTP API as a script would: JSON, HTTP Basic as one of the {@link TestUsers} (or nobody),
 * no cookies, redirects not followed. Paths are relative to the server ({@code /api/jobs}) or absolute URLs (a
 * Location header).
 */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;
    private final TestUsers login;

    ApiClient(int port, TestUsers login) {
        this.port = port;
        this.login = login;
    }

    /** The same server, as another user. */
    public ApiClient as(TestUsers other) {
        return new ApiClient(port, other);
    }

    /** The same server, without logging in. */
    public ApiClient anonymous() {
        return new ApiClient(port, null);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path) {
        return post(path, "{}");
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any request built on {@link #request(String)}, e.g. with headers of its own. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the API", e);
        }
    }

    /** A request to {@code path} with this client's login. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (login != null) {
            String credentials = login.user() + ":" + login.password();
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    public URI uri(String path) {
        return path.startsWith("http") ? URI.create(path) : URI.create("http://localhost:" + port + path);
    }
}
