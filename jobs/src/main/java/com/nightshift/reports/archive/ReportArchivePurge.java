package com.nightshift.reports.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Deletes archived reports older than the retention, their rows and their files, except those attached to a
 * letter still to be sent. The rows are locked, their files deleted, then the rows: a report whose file cannot be
 * deleted keeps its row (logged; the next purge tries again), and a crash before the commit leaves rows whose
 * files are gone, which the next purge finishes (a file already gone is not an error).
 */
@Component
public class ReportArchivePurge {

    private static final Logger log = LoggerFactory.getLogger(ReportArchivePurge.class);

    private static final String OLDER = """
            FROM report_archive a
            WHERE a.archived_at < ?
              AND NOT EXISTS (SELECT 1 FROM report_letter_content c
                              JOIN delivery d ON d.delivery_key = c.delivery_key AND d.revision = c.revision
                                             AND lower(d.email) = lower(c.email)
                              WHERE c.archive_id = a.id AND d.state IN ('PENDING', 'SENDING', 'RETRYING'))""";

    private final ArchiveFiles files;

    ReportArchivePurge(ArchiveFiles files) {
        this.files = files;
    }

    private record Doomed(long id, String pdf, String xlsx) {
    }

    /** How many archived reports a purge would delete (each with its PDF and XLSX file). */
    public long count(JdbcOperations jdbc, Instant before) {
        return jdbc.queryForObject("SELECT count(*) " + OLDER, Long.class, at(before));
    }

    /** Deletes them and their files; to be called in a transaction. */
    public long purge(JdbcOperations jdbc, Instant before) {
        List<Doomed> doomed = jdbc.query("SELECT a.id, a.pdf_path, a.xlsx_path " + OLDER + " FOR UPDATE OF a",
                (rs, row) -> new Doomed(rs.getLong(1), rs.getString(2), rs.getString(3)), at(before));
        List<Long> filesGone = new ArrayList<>();
        for (Doomed report : doomed) {
            try {
                Files.deleteIfExists(files.resolve(report.pdf()));
                Files.deleteIfExists(files.resolve(report.xlsx()));
                filesGone.add(report.id());
            } catch (IOException e) {
                log.warn("Keeping archived report {} until its files can be deleted: {} ({})", report.id(),
                        e.getMessage(), e.getClass().getSimpleName());
            }
        }
        Long[] ids = filesGone.toArray(Long[]::new);
        jdbc.update("DELETE FROM report_letter_content WHERE archive_id = ANY(?)", (Object) ids);
        return jdbc.update("DELETE FROM report_archive WHERE id = ANY(?)", (Object) ids);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
