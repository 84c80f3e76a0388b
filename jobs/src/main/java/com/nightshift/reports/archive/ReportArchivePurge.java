package com.nightshift.reports.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Deletes archived reports older than the retention, their rows and their files, except those attached to a
 * letter still to be sent. The rows go first and the files before the transaction commits: a file that cannot be
 * deleted rolls its rows back, and a crash in between leaves rows whose files are gone, which the next purge
 * finishes (a file already gone is not an error).
 */
@Component
public class ReportArchivePurge {

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
        Long[] ids = doomed.stream().map(Doomed::id).toArray(Long[]::new);
        jdbc.update("DELETE FROM report_letter_content WHERE archive_id = ANY(?)", (Object) ids);
        int deleted = jdbc.update("DELETE FROM report_archive WHERE id = ANY(?)", (Object) ids);
        for (Doomed report : doomed) {
            delete(report.pdf());
            delete(report.xlsx());
        }
        return deleted;
    }

    private void delete(String relativePath) {
        try {
            Files.deleteIfExists(files.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the archived report file " + files.resolve(relativePath), e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
