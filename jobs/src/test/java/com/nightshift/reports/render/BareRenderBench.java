package com.nightshift.reports.render;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * beforehand, with the template compiled beforehand (the run's own time includes its compiling), in a fresh JVM as
 * the run's is, on as many threads as asked. Prints {@code bare: N reports on T threads ... in S s}.
 *
 * <p>Arguments: jdbc URL, user, the run's date (yyyy-MM-dd), threads.
 */
public final class BareRenderBench {

    private BareRenderBench() {
    }

    public static void main(String[] args) throws Exception {
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
        int threads = Integer.parseInt(args[3]);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long bytes = 0;
        try {
            List<Future<RenderedReport>> rendering = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                RenderRequest request = requests.get(i);
                Figures filling = figures.get(i);
                rendering.add(pool.submit(() -> engine.render(request, filling)));
            }
            for (Future<RenderedReport> report : rendering) {
                bytes += report.get().pdf().length + report.get().xlsx().length;
            }
        } finally {
            // a failed render must not leave the pool's threads keeping the benchmark's JVM alive
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "bare: %d reports (PDF + XLSX, %.1f MB) on %d threads in %.2f s%n",
                requests.size(), bytes / 1e6, threads, seconds);
    }
}
