package com.nightshift.reports.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.nightshift.reports.archive.ArchiveFiles;
import com.nightshift.reports.archive.ArchivedReport;
import com.nightshift.reports.archive.ReportArchive;

/**
 * The report archive for operators: {@code GET /api/reports?period=&report=&limit=} lists archived reports,
 * newest first; {@code GET /api/reports/{id}/pdf} and {@code .../xlsx} download one file, under a name that
 * says what it is ({@code store-daily_北京朝阳店_2026-11-28_zh-CN_v2.pdf}, sent RFC 5987-encoded). Unknown
 * reports and files answer 404 problem details.
 */
@RestController
@RequestMapping("/api/reports")
class ReportArchiveController {

    static final int MAX_LIMIT = 500;
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportArchive archive;
    private final ArchiveFiles files;

    ReportArchiveController(ReportArchive archive, ArchiveFiles files) {
        this.archive = archive;
        this.files = files;
    }

    @GetMapping
    List<ArchivedReport> list(@RequestParam(required = false) String period,
                              @RequestParam(required = false) String report,
                              @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidArchiveQueryException("parameter 'limit' must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        return archive.list(blankToNull(period), blankToNull(report), limit);
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<Resource> pdf(@PathVariable String id) {
        ArchivedReport report = report(id);
        return download(report, report.pdf(), "pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/{id}/xlsx")
    ResponseEntity<Resource> xlsx(@PathVariable String id) {
        ArchivedReport report = report(id);
        return download(report, report.xlsx(), "xlsx", XLSX);
    }

    private ArchivedReport report(String id) {
        try {
            return archive.byId(Long.parseLong(id)).orElseThrow(() -> new ArchivedReportNotFoundException(
                    "no archived report " + id + "; GET /api/reports lists them"));
        } catch (NumberFormatException e) {
            throw new ArchivedReportNotFoundException("no archived report '" + id + "': report ids are numbers");
        }
    }

    private ResponseEntity<Resource> download(ArchivedReport report, ArchivedReport.ArchivedFile file,
                                              String extension, MediaType type) {
        Path path = files.resolve(file.path());
        if (!Files.isRegularFile(path)) {
            throw new ArchivedReportNotFoundException("archived report " + report.id() + " lists " + file.path()
                    + ", which is no longer in the reports folder");
        }
        String name = report.downloadName(extension);
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(path));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
