package com.nightshift.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Calls the engine's HTTP API as a script would: JSON, HTTP Basic as one of the {@link TestUsers} (or nobody),
 * no cookies, redirects not followed. Paths are relative to the server ({@code /api/jobs}) or absolute URLs (a
 * Location header).
 */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;
    /** {@code name:password}, or null for nobody. */
    private final String credentials;

    private ApiClient(int port, String credentials) {
        this.port = port;
        this.credentials = credentials;
    }

    /** The API of a server on this machine (a packaged jar's, say), as the operator. */
    public static ApiClient on(int port) {
        return new ApiClient(port, null).as(TestUsers.OPERATOR);
    }

    /** The same server, as another user. */
    public ApiClient as(TestUsers other) {
        return as(other.user(), other.password());
    }

    /** The same server, as any name and password (a user not among {@link TestUsers}, a wrong password). */
    public ApiClient as(String name, String password) {
        return new ApiClient(port, name + ":" + password);
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
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A download: the body as it came. */
    public HttpResponse<byte[]> download(String path) {
        return send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request.build(), body);
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
        authorization().ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    /** The Authorization header's value of this client's login, for a request written by hand. */
    public Optional<String> authorization() {
        return Optional.ofNullable(credentials).map(login -> "Basic "
                + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
    }

    public URI uri(String path) {
        return path.startsWith("http") ? URI.create(path) : URI.create("http://localhost:" + port + path);
    }
}
