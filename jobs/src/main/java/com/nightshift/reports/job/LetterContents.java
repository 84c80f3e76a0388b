package com.nightshift.reports.job;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.nightshift.reports.archive.ArchivedReport;
import com.nightshift.reports.archive.ReportArchive;

/**
 * Which archived reports each planned letter carries ({@code report_letter_content}), recorded before the
 * letter is planned, so that a later correction can tell the recipient which figures changed since.
 */
@Repository
class LetterContents {

    private final JdbcTemplate jdbc;
    private final ReportArchive archive;

    LetterContents(JdbcTemplate jdbc, ReportArchive archive) {
        this.jdbc = jdbc;
        this.archive = archive;
    }

    void record(String deliveryKey, String email, int revision, List<ArchivedReport> reports) {
        jdbc.batchUpdate("INSERT INTO report_letter_content (delivery_key, email, revision, archive_id) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", reports, reports.size(), (statement, report) -> {
                    statement.setString(1, deliveryKey);
                    statement.setString(2, email);
                    statement.setInt(3, revision);
                    statement.setLong(4, report.id());
                });
    }

    List<ArchivedReport> of(String deliveryKey, String email, int revision) {
        return jdbc.queryForList("SELECT archive_id FROM report_letter_content WHERE delivery_key = ? AND email = ? "
                + "AND revision = ? ORDER BY archive_id", Long.class, deliveryKey, email, revision).stream()
                .map(id -> archive.byId(id).orElseThrow()).toList();
    }
}
