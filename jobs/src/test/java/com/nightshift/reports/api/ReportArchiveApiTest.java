package com.nightshift.reports.api;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.ops.JobRunner;
import com.nightshift.reports.archive.ArchiveFiles;
import com.nightshift.support.RollupTableState;
import com.nightshift.support.TestServers;
import com.nightshift.support.WebIntegrationTest;

/** The archive's API, and the report job's parameter refusals over HTTP. */
@TestPropertySource(properties = "spring.quartz.scheduler-name=nightshift-report-web-test")
class ReportArchiveApiTest extends WebIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String STORE = "北京朝阳店";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 5);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobRunner runner;
    @Autowired
    ArchiveFiles files;
    private static final Path RECIPIENTS = TestServers.get().dataDir().resolve("report-api-test-recipients.yml");

    @DynamicPropertySource
    static void recipientsFile(DynamicPropertyRegistry registry) {
        registry.add("nightshift.recipients.file", RECIPIENTS::toString);
    }

    @BeforeEach
    void oneStoreReportedInTwoLanguages() throws Exception {
        RollupTableState.clear(jdbc);
        jdbc.execute("TRUNCATE rollup_store_day_state, report_letter_content, report_archive RESTART IDENTITY");
        jdbc.update("UPDATE batch_job_execution SET status = 'ABANDONED' WHERE status IN ('FAILED', 'STOPPED')");
        jdbc.execute("TRUNCATE delivery RESTART IDENTITY CASCADE");
        Files.writeString(RECIPIENTS, """
                regions:
                  华北: [北京朝阳店]
                recipients:
                  - {email: zhang.san@example.com, name: 张三, language: zh-CN, stores: [北京朝阳店]}
                  - {email: hq@example.com, name: Head Office, language: en, regions: [华北], chain: true}
                """);
        aLine().store(STORE).on(DAY).amount("88.00").insert(jdbc);
        runner.run("rollup", Map.of("mode", "full", "from", DAY.minusDays(7).toString(), "to", DAY.toString()));
        runner.run("report", Map.of("report", "store-daily", "date", DAY.toString()));
    }

    @Test
    void theArchiveIsListedNewestFirstAndFilteredByPeriodAndReport() {
        HttpResponse<String> all = get("/api/reports?period=2026-11-05&report=store-daily");
        HttpResponse<String> none = get("/api/reports?period=2026-11-04");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("\"subject\":\"北京朝阳店\"", "\"language\":\"zh-CN\"", "\"language\":\"en\"");
        assertThat(all.body().indexOf("\"language\":\"zh-CN\"")).as("newest (rendered after en) first")
                .isLessThan(all.body().indexOf("\"language\":\"en\""));
        assertThat(none.body()).isEqualTo("[]");
    }

    @Test
    void aPdfIsDownloadedWithItsTypeAndAnEncodedChineseFileName() throws Exception {
        long id = jdbc.queryForObject("SELECT id FROM report_archive WHERE language = 'zh-CN'", Long.class);
        String path = jdbc.queryForObject("SELECT pdf_path FROM report_archive WHERE id = ?", String.class, id);

        HttpResponse<byte[]> response = download("/api/reports/" + id + "/pdf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("filename*=UTF-8''store-daily_%E5%8C%97%E4%BA%AC%E6%9C%9D%E9%98%B3%E5%BA%97_2026-11-05_zh-CN_v1.pdf");
        assertThat(response.body()).isEqualTo(Files.readAllBytes(files.resolve(path)));
    }

    @Test
    void anXlsxIsDownloadedAsASpreadsheet() {
        long id = jdbc.queryForObject("SELECT id FROM report_archive WHERE language = 'en'", Long.class);

        HttpResponse<byte[]> response = download("/api/reports/" + id + "/xlsx");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void anUnknownReportIsNotFoundAsAProblemDetail() {
        HttpResponse<String> response = get("/api/reports/987654/pdf");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("no archived report 987654");
    }

    @Test
    void aReportWhoseFileIsGoneIsNotFoundNamingTheFile() throws Exception {
        long id = jdbc.queryForObject("SELECT id FROM report_archive WHERE language = 'en'", Long.class);
        Files.delete(files.resolve(jdbc.queryForObject("SELECT xlsx_path FROM report_archive WHERE id = ?",
                String.class, id)));

        HttpResponse<String> response = get("/api/reports/" + id + "/xlsx");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("which is no longer in the reports folder");
    }

    @Test
    void aReportRunWithStoreAndRegionIsRefusedWith400() {
        HttpResponse<String> response = post("/api/jobs/report/executions",
                "{\"store\": \"北京朝阳店\", \"region\": \"华北\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("parameters 'store' and 'region' exclude each other");
    }

    @Test
    void aReportRunWithAMalformedWeekIsRefusedWith400() {
        HttpResponse<String> response = post("/api/jobs/report/executions", "{\"week\": \"2026-48\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("parameter 'week' must be an ISO week such as 2026-W48");
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString(
                StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> download(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString(
                StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.uri(), e);
        }
    }
}
