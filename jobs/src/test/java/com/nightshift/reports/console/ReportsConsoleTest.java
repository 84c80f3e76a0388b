package com.nightshift.reports.console;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.ops.JobRunner;
import com.nightshift.reports.archive.ArchiveFiles;
import com.nightshift.support.TestUsers;
import com.nightshift.support.WebIntegrationTest;

/**
 * The report archive's page and its downloads, on a report rendered for real for a store of this class's own (a
 * recipients file written here: one letter in Chinese, one in English), as the reports API's tests render one.
 */
@TestPropertySource(properties = {"nightshift.security.enabled=true",
        "spring.quartz.scheduler-name=nightshift-reports-console-test"})
class ReportsConsoleTest extends WebIntegrationTest {

    private static final String STORE = "杭州西湖店";
    private static final LocalDate DAY = LocalDate.of(2026, 10, 15);
    private static final Path RECIPIENTS_FILE = recipientsFile();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobRunner runner;
    @Autowired
    ArchiveFiles files;

    @DynamicPropertySource
    static void recipients(DynamicPropertyRegistry registry) {
        registry.add("nightshift.recipients.file", RECIPIENTS_FILE::toString);
    }

    @BeforeEach
    void oneStoreReportedInTwoLanguages() throws Exception {
        if (archived("zh-CN") != null) {
            return;
        }
        aLine().store(STORE).on(DAY).amount("66.00").insert(jdbc);
        runner.run("rollup", Map.of("mode", "full", "from", DAY.toString(), "to", DAY.toString()));
        runner.run("report", Map.of("report", "store-daily", "date", DAY.toString(), "store", STORE));
    }

    @Test
    void theArchiveShowsEachReportWithItsPeriodSubjectAndDownloads() {
        long id = archived("zh-CN");

        String page = console().logIn(TestUsers.VIEWER).get("/console/reports?period=" + DAY).body();

        int row = page.indexOf("data-report-id=\"" + id + "\"");
        assertThat(row).isNotNegative();
        assertThat(page.substring(row, page.indexOf("</tr>", row))).contains("store-daily", STORE,
                DAY.toString(), "zh-CN", "66.00", "href=\"/console/reports/" + id + "/pdf\"",
                "href=\"/console/reports/" + id + "/xlsx\"");
        assertThat(page).contains("data-report-id=\"" + archived("en") + "\"");
    }

    @Test
    void theArchiveIsFilteredByPeriod() {
        String page = console().logIn(TestUsers.VIEWER).get("/console/reports?period=1999-01-01").body();

        assertThat(page).contains("id=\"reports\"").doesNotContain("data-report-id=");
    }

    @Test
    void aPdfIsDownloadedWithItsTypeNameAndTheArchivedBytes() throws Exception {
        long id = archived("zh-CN");
        Path file = files.resolve(jdbc.queryForObject("SELECT pdf_path FROM report_archive WHERE id = ?",
                String.class, id));

        HttpResponse<byte[]> download = ConsoleDownload.loggedIn(port, TestUsers.VIEWER)
                .get("/console/reports/" + id + "/pdf");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("_2026-10-15_zh-CN_v");
        assertThat(download.body()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void anXlsxIsDownloadedAsASpreadsheetWithTheArchivedBytes() throws Exception {
        long id = archived("en");
        Path file = files.resolve(jdbc.queryForObject("SELECT xlsx_path FROM report_archive WHERE id = ?",
                String.class, id));

        HttpResponse<byte[]> download = ConsoleDownload.loggedIn(port, TestUsers.OPERATOR)
                .get("/console/reports/" + id + "/xlsx");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(download.body()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void anUnknownReportIsTheConsolesNotFoundPage() {
        HttpResponse<String> page = console().logIn(TestUsers.VIEWER).get("/console/reports/987654/pdf");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("没有编号为 987654 的存档报表");
    }

    @Test
    void anIdThatIsNoNumberIsNotFoundEither() {
        HttpResponse<String> page = console().logIn(TestUsers.VIEWER).get("/console/reports/latest/xlsx");

        assertThat(page.statusCode()).isEqualTo(404);
    }

    @Test
    void thePageIsInEnglishWhenAskedFor() {
        String page = console().logIn(TestUsers.VIEWER).get("/console/reports?lang=en&period=" + DAY).body();

        assertThat(page).contains("Reports", "Net sales", "Download", "PDF (");
    }

    private Long archived(String language) {
        return jdbc.query("SELECT id FROM report_archive WHERE subject = ? AND period_key = ? AND language = ? "
                + "ORDER BY version DESC LIMIT 1", (row, n) -> row.getLong(1), STORE, DAY.toString(), language)
                .stream().findFirst().orElse(null);
    }

    private static Path recipientsFile() {
        try {
            Path file = Files.createTempDirectory("nightshift-reports-console-").resolve("recipients.yml");
            Files.writeString(file, """
                    regions:
                      华东: [杭州西湖店]
                    recipients:
                      - {email: wang.wu@example.com, name: 王五, language: zh-CN, stores: [杭州西湖店]}
                      - {email: east@example.com, name: East Office, language: en, stores: [杭州西湖店]}
                    """, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
