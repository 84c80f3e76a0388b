package com.nightshift.reports.console;


import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import com.nightshift.config.NightshiftProperties;
import com.nightshift.console.ConsoleController;
import com.nightshift.console.PageProblems;
import com.nightshift.reports.ReportCatalog;
import com.nightshift.reports.ReportDefinition;
import com.nightshift.reports.archive.ArchivedReport;
import com.nightshift.reports.archive.ReportArchive;
import com.nightshift.reports.archive.ReportDownloads;

/**
 * {@code /console/reports}: the report archive, newest first, filtered by period and report as
 * {@code GET /api/reports} filters it, with each report's PDF and Excel file served here
 * ({@code /console/reports/{id}/pdf}, {@code .../xlsx}) under the names the API gives them: the console's
 * session cannot use the API, which takes HTTP Basic only.
 */
@ConsoleController
class ReportsPage {

    private static final int MOST = 500;

    private final ReportArchive archive;
    private final ReportDownloads downloads;
    private final ReportCatalog catalog;
    private final NightshiftProperties properties;
    private final PageProblems problems;

    ReportsPage(ReportArchive archive, ReportDownloads downloads, ReportCatalog catalog, NightshiftProperties properties,
                PageProblems problems) {
        this.archive = archive;
        this.downloads = downloads;
        this.catalog = catalog;
        this.properties = properties;
        this.problems = problems;
    }

    @GetMapping("/console/reports")
    String list(@RequestParam(required = false) String period, @RequestParam(required = false) String report,
                @RequestParam(defaultValue = "50") int limit, Model model) {
        if (limit < 1 || limit > MOST) {
            throw problems.badRequest("reports.problem.limit", String.valueOf(MOST), String.valueOf(limit));
        }
        model.addAttribute("reports", archive.list(blankToNull(period), blankToNull(report), limit).stream()
                .map(archived -> ArchiveRow.of(archived, properties.zone())).toList());
        model.addAttribute("period", period);
        model.addAttribute("report", report);
        model.addAttribute("reportNames", catalog.all().stream().map(ReportDefinition::name).toList());
        model.addAttribute("limit", limit);
        return "reports/archive";
    }

    @GetMapping("/console/reports/{id}/pdf")
    ResponseEntity<Resource> pdf(@PathVariable String id) {
        ArchivedReport report = report(id);
        return downloads.pdf(report).orElseThrow(() -> fileGone(report, report.pdf()));
    }

    @GetMapping("/console/reports/{id}/xlsx")
    ResponseEntity<Resource> xlsx(@PathVariable String id) {
        ArchivedReport report = report(id);
        return downloads.xlsx(report).orElseThrow(() -> fileGone(report, report.xlsx()));
    }

    /** An id that is no number names no report, as the API answers it: not found, rather than a bad request. */
    private ArchivedReport report(String id) {
        try {
            return archive.byId(Long.parseLong(id))
                    .orElseThrow(() -> problems.notFound("reports.problem.noReport", id));
        } catch (NumberFormatException e) {
            throw problems.notFound("reports.problem.noReport", id);
        }
    }

    private ResponseStatusException fileGone(ArchivedReport report, ArchivedReport.ArchivedFile file) {
        return problems.notFound("reports.problem.fileGone", String.valueOf(report.id()), file.path());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
