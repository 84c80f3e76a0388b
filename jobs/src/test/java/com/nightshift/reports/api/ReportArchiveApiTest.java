package com.nightshift.reports.api;

import static com.nightshift.reports.render.ReportFiles.pdfText;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.reports.archive.ArchiveFiles;

/** The archive's API, and the report job's parameter refusals over HTTP, on reports rendered for real. */
class ReportArchiveApiTest extends ReportApiTestBase {

    @Autowired
    ArchiveFiles files;

    @BeforeEach
    void oneStoreReportedInTwoLanguages() throws Exception {
        runner.run("report", Map.of("report", "store-daily", "date", DAY.toString()));
    }

    @Test
    void theArchiveIsListedNewestFirstAndFilteredByPeriodAndReport() {
        HttpResponse<String> all = api().get("/api/reports?period=2026-11-05&report=store-daily");
        HttpResponse<String> none = api().get("/api/reports?period=2026-11-04");

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

        HttpResponse<byte[]> response = api().download("/api/reports/" + id + "/pdf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("filename*=UTF-8''store-daily_%E5%8C%97%E4%BA%AC%E6%9C%9D%E9%98%B3%E5%BA%97_2026-11-05_zh-CN_v1.pdf");
        assertThat(response.body()).isEqualTo(Files.readAllBytes(files.resolve(path)));
        assertThat(pdfText(response.body())).contains("门店日报", STORE);
    }

    @Test
    void anXlsxIsDownloadedAsASpreadsheet() {
        long id = jdbc.queryForObject("SELECT id FROM report_archive WHERE language = 'en'", Long.class);

        HttpResponse<byte[]> response = api().download("/api/reports/" + id + "/xlsx");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void anUnknownReportIsNotFoundAsAProblemDetail() {
        HttpResponse<String> response = api().get("/api/reports/987654/pdf");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("no archived report 987654");
    }

    @Test
    void aReportWhoseFileIsGoneIsNotFoundNamingTheFile() throws Exception {
        long id = jdbc.queryForObject("SELECT id FROM report_archive WHERE language = 'en'", Long.class);
        Files.delete(files.resolve(jdbc.queryForObject("SELECT xlsx_path FROM report_archive WHERE id = ?",
                String.class, id)));

        HttpResponse<String> response = api().get("/api/reports/" + id + "/xlsx");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("which is no longer in the reports folder");
    }

    @Test
    void aReportRunWithStoreAndRegionIsRefusedWith400() {
        HttpResponse<String> response = api().post("/api/jobs/report/executions",
                "{\"store\": \"北京朝阳店\", \"region\": \"华北\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("parameters 'store' and 'region' exclude each other");
    }

    @Test
    void aReportRunWithAMalformedWeekIsRefusedWith400() {
        HttpResponse<String> response = api().post("/api/jobs/report/executions", "{\"week\": \"2026-48\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("parameter 'week' must be an ISO week such as 2026-W48");
    }
}
