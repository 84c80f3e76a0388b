package com.nightshift.reports.api;

import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.nightshift.reports.archive.ArchivedReport;
import com.nightshift.reports.archive.ReportArchive;
import com.nightshift.reports.archive.ReportDownloads;

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

    private final ReportArchive archive;
    private final ReportDownloads downloads;

    ReportArchiveController(ReportArchive archive, ReportDownloads downloads) {
        this.archive = archive;
        this.downloads = downloads;
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
        return downloads.pdf(report).orElseThrow(() -> fileGone(report, report.pdf()));
    }

    @GetMapping("/{id}/xlsx")
    ResponseEntity<Resource> xlsx(@PathVariable String id) {
        ArchivedReport report = report(id);
        return downloads.xlsx(report).orElseThrow(() -> fileGone(report, report.xlsx()));
    }

    private ArchivedReport report(String id) {
        try {
            return archive.byId(Long.parseLong(id)).orElseThrow(() -> new ArchivedReportNotFoundException(
                    "no archived report " + id + "; GET /api/reports lists them"));
        } catch (NumberFormatException e) {
            throw new ArchivedReportNotFoundException("no archived report '" + id + "': report ids are numbers");
        }
    }

    private static ArchivedReportNotFoundException fileGone(ArchivedReport report, ArchivedReport.ArchivedFile file) {
        return new ArchivedReportNotFoundException("archived report " + report.id() + " lists " + file.path()
                + ", which is no longer in the reports folder");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
