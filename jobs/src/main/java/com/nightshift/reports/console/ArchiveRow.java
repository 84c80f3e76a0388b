package com.nightshift.reports.console;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.nightshift.reports.archive.ArchivedReport;

/** An archived report as its row on the reports page shows it: when it was made in the chain's zone, sizes in KB. */
record ArchiveRow(long id, String report, String subject, String period, String language, int version,
                  long orders, BigDecimal net, ZonedDateTime created, long execution, long pdfKb, long xlsxKb) {

    static ArchiveRow of(ArchivedReport report, ZoneId zone) {
        return new ArchiveRow(report.id(), report.reportName(), report.subject(), report.periodKey(),
                report.language(), report.version(), report.headline().orders(), report.headline().net(),
                report.archivedAt().atZoneSameInstant(zone), report.renderingExecutionId(),
                kilobytes(report.pdf().size()), kilobytes(report.xlsx().size()));
    }

    /** Rounded up: a file of a few bytes is not "0 KB". */
    private static long kilobytes(long bytes) {
        return (bytes + 1023) / 1024;
    }
}
