package com.nightshift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.nightshift.support.WebIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every refusal of the HTTP API is an RFC 9457 problem detail that says what is wrong. */
class ApiErrorsTest extends WebIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void malformedJsonIsABadRequestSayingWhere() throws Exception {
        HttpResponse<String> response = post("/api/jobs/rollup/executions", "application/json", "{\"mode\": }");

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("title").asString()).isEqualTo("Malformed request body");
        assertThat(problem.get("detail").asString()).startsWith("the request body is not valid JSON at line 1, column 10");
    }

    @Test
    void aBodyOfTheWrongShapeIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/api/jobs/rollup/executions", "application/json", "[\"full\"]");

        assertThat(problem(response, 400).get("detail").asString())
                .isEqualTo("the request body does not have the form this request takes at line 1, column 1");
    }

    @Test
    void aWrongContentTypeIsUnsupported() throws Exception {
        HttpResponse<String> response = post("/api/jobs/rollup/executions", "text/plain", "mode=full");

        assertThat(problem(response, 415).get("detail").asString()).contains("text/plain");
    }

    @Test
    void aNonNumericExecutionIdNamesThePathVariable() throws Exception {
        HttpResponse<String> response = get("/api/jobs/executions/abc");

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("detail").asString()).isEqualTo("'id' must be a whole number, was 'abc'");
        assertThat(problem.get("parameter").asString()).isEqualTo("id");
    }

    @Test
    void anUnknownPathIsNotFound() throws Exception {
        HttpResponse<String> response = get("/api/no-such-thing");

        assertThat(problem(response, 404).get("detail").asString()).isEqualTo("no such path: /api/no-such-thing");
    }

    @Test
    void anUnknownPathIsAProblemDetailEvenForABrowser() throws Exception {
        HttpResponse<String> response = api().send(api().request("/api/no-such-thing")
                .header("Accept", "text/html"));

        problem(response, 404);
    }

    @Test
    void aMethodThePathDoesNotTakeIsNotAllowed() throws Exception {
        HttpResponse<String> response = api().delete("/api/rollups/store-daily?store=x");

        assertThat(problem(response, 405).get("detail").asString()).contains("DELETE");
    }

    /** The README's first example used to get Tomcat's HTML error page: curl sends the Chinese unencoded. */
    @Test
    void anUnencodedQueryGetsAProblemDetailSayingWhatToEncode() throws Exception {
        String response = rawRequest("GET /api/rollups/store-daily?store=西安碑林店&from=2026-11-01&to=2026-11-25 HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: " + api().authorization().orElseThrow()
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json");
        JsonNode problem = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).contains("percent-encoded", "--data-urlencode");
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("title")).isTrue();
        return problem;
    }

    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(received);
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(String path) {
        return api().send(api().request(path).header("Accept", "application/json"));
    }

    private HttpResponse<String> post(String path, String contentType, String body) {
        return api().send(api().request(path).header("Content-Type", contentType)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
