package com.nightshift.reports.archive;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.nightshift.reports.DataAsOf;
import com.nightshift.reports.Headline;
import com.nightshift.reports.render.RenderedReport;
import com.nightshift.reports.render.RenderRequest;

/**
 * The archive of rendered reports ({@code report_archive} and the files under the reports folder). A report
 * whose figures are those of its latest archived version is not archived again; other figures make the next
 * version, so every version ever mailed stays as it was sent.
 */
@Repository
public class ReportArchive {

    private static final String COLUMNS = "id, report_name, scope, subject, period_key, language, version, "
            + "figures_digest, orders, lines, quantity, gross_amount, refund_amount, net_amount, pdf_path, "
            + "pdf_sha256, pdf_size, xlsx_path, xlsx_sha256, xlsx_size, rendering_execution_id, data_as_of, "
            + "data_as_of_execution_id, archived_at";

    private static final RowMapper<ArchivedReport> ROW = (rs, row) -> new ArchivedReport(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
            rs.getString(8), new Headline(rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getBigDecimal(12),
            rs.getBigDecimal(13), rs.getBigDecimal(14)),
            new ArchivedReport.ArchivedFile(rs.getString(15), rs.getString(16), rs.getLong(17)),
            new ArchivedReport.ArchivedFile(rs.getString(18), rs.getString(19), rs.getLong(20)), rs.getLong(21),
            new DataAsOf(rs.getObject(22, OffsetDateTime.class), rs.getLong(23)),
            rs.getObject(24, OffsetDateTime.class));

    private final JdbcTemplate jdbc;
    private final ArchiveFiles files;

    ReportArchive(JdbcTemplate jdbc, ArchiveFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /**
     * Archives a rendered report unless its latest version has the same figures. Runs side by side on the same
     * report wait for each other (a transaction-level advisory lock on the report's key), so they agree on
     * versions and never write the same file twice.
     */
    @Transactional
    public Kept keep(RenderedReport rendered) {
        RenderRequest request = rendered.request();
        String language = request.language().toLanguageTag();
        String report = request.definition().name();
        String subject = request.subject().name();
        String period = request.period().key();
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 9))", String.class,
                String.join("\n", "report-archive", report, subject, period, language));
        Optional<ArchivedReport> latest = latest(report, subject, period, language);
        if (latest.isPresent() && latest.get().figuresDigest().equals(rendered.figuresDigest())) {
            return new Kept(latest.get(), true);
        }
        int version = latest.map(ArchivedReport::version).orElse(0) + 1;
        String base = String.join("/", ArchiveFiles.segment(period), ArchiveFiles.segment(report),
                ArchiveFiles.segment(subject), ArchiveFiles.segment(language), "v" + version);
        ArchivedReport.ArchivedFile pdf = files.write(base + ".pdf", rendered.pdf());
        ArchivedReport.ArchivedFile xlsx = files.write(base + ".xlsx", rendered.xlsx());
        Headline headline = rendered.headline();
        Long id = jdbc.queryForObject("INSERT INTO report_archive (report_name, scope, subject, period_key, "
                        + "language, version, figures_digest, orders, lines, quantity, gross_amount, refund_amount, "
                        + "net_amount, pdf_path, pdf_sha256, pdf_size, xlsx_path, xlsx_sha256, xlsx_size, "
                        + "rendering_execution_id, data_as_of, data_as_of_execution_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                Long.class, report, request.definition().scope().name(), subject, period, language, version,
                rendered.figuresDigest(), headline.orders(), headline.lines(), headline.quantity(), headline.gross(),
                headline.refunds(), headline.net(), pdf.path(), pdf.sha256(), pdf.size(), xlsx.path(), xlsx.sha256(),
                xlsx.size(), request.jobExecutionId(), request.asOf().asOf(), request.asOf().rollupExecutionId());
        return new Kept(byId(id).orElseThrow(), false);
    }

    public Optional<ArchivedReport> latest(String report, String subject, String periodKey, String language) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_archive WHERE report_name = ? AND subject = ? "
                + "AND period_key = ? AND language = ? ORDER BY version DESC LIMIT 1", ROW, report, subject, periodKey,
                language).stream().findFirst();
    }

    public Optional<ArchivedReport> byId(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_archive WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** Newest first; a null period or report for any. */
    public List<ArchivedReport> list(String periodKey, String report, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_archive WHERE (?::text IS NULL OR period_key = ?) "
                + "AND (?::text IS NULL OR report_name = ?) ORDER BY id DESC LIMIT ?", ROW, periodKey, periodKey,
                report, report, limit);
    }

    /** @param reused whether the latest version already had these figures, so nothing new was written */
    public record Kept(ArchivedReport report, boolean reused) {
    }
}
