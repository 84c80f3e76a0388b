package com.nightshift.reports.render;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.nightshift.reports.DataAsOf;
import com.nightshift.reports.ReportDefinition;
import com.nightshift.reports.ReportPeriod;
import com.nightshift.reports.ReportScope;
import com.nightshift.reports.ReportSubject;
import com.nightshift.reports.TemplateFolder;
import com.nightshift.reports.figures.Figures;
import com.nightshift.reports.figures.RollupFigures;

/**
 * The bare renderer's time for {@code bench/reports}: JasperReports alone filling and exporting the very
 * store-daily reports (store and language) that a {@code report} run just archived, from figures read into memory
 * beforehand, on one thread, with the template compiled beforehand (the run's own time includes its compiling), in
 * a fresh JVM as the run's is. Prints {@code bare: N reports in S s}.
 *
 * <p>Arguments: jdbc URL, user, the run's date (yyyy-MM-dd).
 */
public final class BareRenderBench {

    private BareRenderBench() {
    }

    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        String date = args[2];
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ReportDefinition storeDaily = new ReportDefinition("store-daily", "store-daily.jrxml", ReportScope.STORE_DAY);
        ReportPeriod period = ReportPeriod.day(LocalDate.parse(date));
        DataAsOf asOf = new DataAsOf(OffsetDateTime.now(), 0);
        List<RenderRequest> requests = jdbc.query("""
                SELECT subject, language FROM report_archive
                WHERE report_name = 'store-daily' AND period_key = ? ORDER BY id""",
                (rs, row) -> new RenderRequest(storeDaily, ReportSubject.store(rs.getString(1)), period,
                        Locale.forLanguageTag(rs.getString(2)), List.of(), asOf, 0), date);
        if (requests.isEmpty()) {
            throw new IllegalStateException("no store-daily reports of " + date + " in report_archive");
        }
        RollupFigures rollups = new RollupFigures(new NamedParameterJdbcTemplate(jdbc));
        List<Figures> figures = new ArrayList<>();
        for (RenderRequest request : requests) {
            figures.add(rollups.storeDay(request.subject().name(), period.from()));
        }
        ReportEngine engine = new ReportEngine(TemplateFolder.classpath(), ZoneId.of("Asia/Shanghai"), BigDecimal.TEN);
        engine.compile(storeDaily.template());
        long start = System.nanoTime();
        List<RenderedReport> rendered = engine.renderAll(requests, figures);
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = rendered.stream().mapToLong(report -> report.pdf().length + report.xlsx().length).sum();
        System.out.printf(Locale.ROOT, "bare: %d reports (PDF + XLSX, %.1f MB) in %.2f s%n", rendered.size(),
                bytes / 1e6, seconds);
    }
}
