package com.nightshift.reports.archive;

import java.time.OffsetDateTime;

import com.nightshift.reports.DataAsOf;
import com.nightshift.reports.Headline;

/**
 * A rendered report as the archive keeps it: which report, about whom, for which period and language, which
 * version, its figures' digest and totals, and its two files (paths relative to the reports folder).
 */
public record ArchivedReport(long id, String reportName, String scope, String subject, String periodKey,
                             String language, int version, String figuresDigest, Headline headline,
                             ArchivedFile pdf, ArchivedFile xlsx, long renderingExecutionId, DataAsOf dataAsOf,
                             OffsetDateTime archivedAt) {

    /**
     * The name a downloaded file of this report gets, saying what it is:
     * {@code store-daily_北京朝阳店_2026-11-28_zh-CN_v2.pdf}.
     */
    public String downloadName(String extension) {
        return String.join("_", reportName, ArchiveFiles.segment(subject), periodKey, language, "v" + version) + "."
                + extension;
    }

    /** A file of a report: where it is below the reports folder, its SHA-256 (hex) and its size in bytes. */
    public record ArchivedFile(String path, String sha256, long size) {
    }
}
